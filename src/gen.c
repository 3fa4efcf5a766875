/* gen.c: generators (PEP 255, 342, 380, 479). The state machine CREATED ->
 * SUSPENDED <-> RUNNING -> CLOSED guards re-entry with CPython's errors;
 * send/throw/close delegate through `yield from` to the sub-iterator the
 * suspended frame is waiting on (its YIELD_FROM instruction is at ip, the
 * iterator on top of its stack). A generator that dies suspended is closed
 * at once, so its finally blocks run when the last reference goes. */
#include <string.h>
#include "code.h"
#include "exc.h"
#include "gen.h"
#include "type.h"

WfValue wf_gen_new(WfVM *vm, WfFrame *f) {
    WfGen *g = (WfGen *)wf_obj_alloc(vm, &wf_type_generator, sizeof(WfGen));
    if (!g) return WF_NULL;
    g->frame = f;
    f->gen = g;
    g->code = f->code;
    wf_obj_incref(&g->code->ob);
    g->name = f->func->name;
    wf_obj_incref(g->name);
    g->qualname = f->func->qualname;
    wf_obj_incref(g->qualname);
    g->state = WF_GEN_CREATED;
    return WF_OBJ(g);
}

static void gen_drop_frame(WfVM *vm, WfGen *g) {
    WfFrame *f = g->frame;
    WfValue es = g->exc_state;
    g->frame = NULL;
    g->exc_state = WF_NULL;
    g->state = WF_GEN_CLOSED;
    if (f) wf_frame_free_heap(vm, f);
    wf_decref(vm, es);
}

static bool delegating(WfGen *g) {
    WfFrame *f = g->frame;
    return f && g->state == WF_GEN_SUSPENDED && WF_INSTR_OP(*f->ip) == WF_OP_YIELD_FROM;
}

/* PEP 479: StopIteration escaping a generator becomes RuntimeError. */
void wf_gen_convert_stopiteration(WfVM *vm) {
    if (!wf_err_matches(vm, &wf_exc_StopIteration)) return;
    WfValue si = wf_err_fetch(vm);
    wf_err_format(vm, &wf_exc_RuntimeError, "generator raised StopIteration");
    WfException *e = (WfException *)vm->exc.u.o;
    e->cause = si;
    e->context = wf_ref(si);
    e->suppress_context = true;
}

static WfGenStatus resume_frame(WfVM *vm, WfGen *g, WfValue sent, bool throwing, WfValue *out) {
    g->state = WF_GEN_RUNNING;
    bool yielded;
    WfValue r = wf_frame_resume(vm, g->frame, sent, throwing, &yielded);
    if (yielded) {
        g->state = WF_GEN_SUSPENDED;
        *out = r;
        return WF_GEN_YIELDED;
    }
    if (!g->frame->finished) {
        /* Refused before running (recursion limit): still suspended. */
        g->state = g->frame->ip == g->code->code ? WF_GEN_CREATED : WF_GEN_SUSPENDED;
        return WF_GEN_RAISED;
    }
    gen_drop_frame(vm, g);
    if (WF_IS_NULL(r)) {
        wf_gen_convert_stopiteration(vm);
        return WF_GEN_RAISED;
    }
    *out = r;
    return WF_GEN_RETURNED;
}

/* The arguments g.throw() was called with, passed down a yield from chain
 * as CPython does (a delegate's throw() sees them unchanged); NULL when the
 * exception comes from close() or from C. */
typedef struct ThrowArgs {
    const WfValue *args;
    size_t n;
} ThrowArgs;
static WfGenStatus gen_throw_current(WfVM *vm, WfGen *g, WfValue *out, const ThrowArgs *ta);

WfGenStatus wf_gen_resume(WfVM *vm, WfValue gen, WfValue value, bool throwing, WfValue *out) {
    WfGen *g = (WfGen *)gen.u.o;
    *out = WF_NULL;
    if (g->state == WF_GEN_RUNNING) {
        if (throwing) wf_err_clear(vm);
        wf_err_format(vm, &wf_exc_ValueError, "generator already executing");
        return WF_GEN_RAISED;
    }
    if (g->state == WF_GEN_CLOSED) {
        if (throwing) return WF_GEN_RAISED;
        *out = WF_NONE;
        return WF_GEN_RETURNED;
    }
    if (throwing) return gen_throw_current(vm, g, out, NULL);
    if (g->state == WF_GEN_CREATED) {
        if (!WF_IS_NULL(value) && !WF_IS_NONE(value)) {
            wf_err_format(vm, &wf_exc_TypeError, "can't send non-None value to a just-started generator");
            return WF_GEN_RAISED;
        }
        return resume_frame(vm, g, WF_NULL, false, out);
    }
    return resume_frame(vm, g, WF_IS_NULL(value) ? WF_NONE : wf_ref(value), false, out);
}

/* StopIteration's value, or None. */
static WfValue stop_value(WfVM *vm) {
    WfValue e = wf_err_fetch(vm);
    WfValue v = WF_NONE;
    if (WF_IS_OBJ(e) && (e.u.o->type->flags & WF_TPFLAG_EXC)) {
        WfException *x = (WfException *)e.u.o;
        if (!WF_IS_NULL(x->value)) v = wf_ref(x->value);
        else if (x->args && ((WfTuple *)x->args)->n) v = wf_ref(((WfTuple *)x->args)->items[0]);
    }
    wf_decref(vm, e);
    return v;
}

int wf_gen_delegate_send(WfVM *vm, WfValue it, WfValue sent, WfValue *result) {
    *result = WF_NULL;
    if (it.tag == WF_TAG_OBJ && it.u.o->type == &wf_type_generator) {
        WfGenStatus st = wf_gen_resume(vm, it, sent, false, result);
        return st == WF_GEN_YIELDED ? 1 : st == WF_GEN_RETURNED ? 0 : -1;
    }
    WfValue r;
    if (WF_IS_NONE(sent) || WF_IS_NULL(sent)) {
        WfType *t = wf_type_of(it);
        /* A class's __next__ may end with StopIteration(value): call it
         * directly so the value reaches `x = yield from it`. */
        if (t->flags & WF_TPFLAG_HEAPTYPE) r = wf_call_method(vm, it, "__next__", NULL, 0);
        else r = t->iternext ? t->iternext(vm, it) : wf_iternext(vm, it);
        if (WF_IS_NULL(r) && !wf_err_occurred(vm)) {
            *result = WF_NONE;
            return 0;
        }
    } else {
        r = wf_call_method(vm, it, "send", &sent, 1);
    }
    if (!WF_IS_NULL(r)) {
        *result = r;
        return 1;
    }
    if (wf_err_matches(vm, &wf_exc_StopIteration)) {
        *result = stop_value(vm);
        return 0;
    }
    return -1;
}

/* The pending exception is thrown into g at its suspended yield; g is the
 * innermost generator of a yield from chain (its delegate, if any, is not a
 * suspended generator). */
static WfGenStatus gen_throw_one(WfVM *vm, WfGen *g, WfValue *out, const ThrowArgs *ta) {
    if (delegating(g)) {
        WfFrame *f = g->frame;
        WfValue sub = f->sp[-1];
        wf_incref(sub);
        WfValue r = WF_NULL;
        int st = -1;
        if (wf_err_matches(vm, &wf_exc_GeneratorExit)) {
            /* Close the delegate first, then raise GeneratorExit here. */
            WfValue exc = wf_err_fetch(vm);
            WfValue c = WF_NULL;
            if (sub.tag == WF_TAG_OBJ && sub.u.o->type == &wf_type_generator) {
                c = wf_call_method(vm, sub, "close", NULL, 0);
            } else {
                WfValue m = wf_getattr_opt(vm, sub, wf_str_intern_cstr(vm, "close"));
                if (!WF_IS_NULL(m)) {
                    c = wf_call0(vm, m);
                    wf_decref(vm, m);
                } else if (!wf_err_occurred(vm)) {
                    c = WF_NONE;
                }
            }
            wf_decref(vm, sub);
            if (WF_IS_NULL(c)) {
                wf_decref(vm, exc);
            } else {
                wf_decref(vm, c);
                wf_err_restore(vm, exc);
            }
            f->ip++;
            return resume_frame(vm, g, WF_NULL, true, out);
        }
        g->state = WF_GEN_RUNNING;
        if (sub.tag == WF_TAG_OBJ && sub.u.o->type == &wf_type_generator) {
            WfGenStatus s2 = wf_gen_resume(vm, sub, WF_NULL, true, &r);
            st = s2 == WF_GEN_YIELDED ? 1 : s2 == WF_GEN_RETURNED ? 0 : -1;
        } else {
            WfValue exc = wf_err_fetch(vm);
            WfValue m = wf_getattr_opt(vm, sub, wf_str_intern_cstr(vm, "throw"));
            if (WF_IS_NULL(m)) {
                if (wf_err_occurred(vm)) {
                    /* Looking up throw failed: that error comes out of
                     * g.throw() and the generator stays where it was. */
                    wf_decref(vm, exc);
                    g->state = WF_GEN_SUSPENDED;
                    wf_decref(vm, sub);
                    return WF_GEN_RAISED;
                }
                /* No throw(): the exception is raised in the delegator. */
                wf_err_restore(vm, exc);
                st = -1;
            } else {
                r = ta ? wf_call(vm, m, ta->args, ta->n, NULL) : wf_call1(vm, m, exc);
                wf_decref(vm, exc);
                wf_decref(vm, m);
                if (!WF_IS_NULL(r)) st = 1;
                else if (wf_err_matches(vm, &wf_exc_StopIteration)) {
                    r = stop_value(vm);
                    st = 0;
                }
            }
        }
        g->state = WF_GEN_SUSPENDED;
        wf_decref(vm, sub);
        if (st == 1) {
            *out = r;
            return WF_GEN_YIELDED;
        }
        /* The delegate is finished: resume past the YIELD_FROM with its
         * result as the value, or raise its exception there. */
        WfValue it = *--f->sp;
        wf_decref(vm, it);
        f->ip++;
        if (st == 0) {
            *f->sp++ = r;
            return resume_frame(vm, g, WF_NULL, false, out);
        }
        return resume_frame(vm, g, WF_NULL, true, out);
    }
    return resume_frame(vm, g, WF_NULL, true, out);
}

/* Throws the pending exception into g. A yield from chain of generators
 * is walked down first and the outcome carried back up level by level, in
 * a loop: throw() and close() on a chain 100,000 deep use no C recursion.
 * For GeneratorExit (close) every level below is closed before the level
 * above sees GeneratorExit at its yield from, as PEP 380 says. */
static WfGenStatus gen_throw_current(WfVM *vm, WfGen *g, WfValue *out, const ThrowArgs *ta) {
    WfGen *small[16];
    WfGen **chain = small;
    size_t n = 0, cap = 16;
    WfGen *cur = g;
    while (delegating(cur)) {
        WfValue sub = cur->frame->sp[-1];
        if (!(sub.tag == WF_TAG_OBJ && sub.u.o->type == &wf_type_generator)) break;
        WfGen *sg = (WfGen *)sub.u.o;
        if (sg->state != WF_GEN_SUSPENDED && sg->state != WF_GEN_CREATED) break;
        if (n == cap) {
            WfGen **bigger = wf_mem_alloc(vm, sizeof *bigger * cap * 2);
            if (!bigger) {
                if (chain != small) wf_mem_free(vm, chain);
                return WF_GEN_RAISED;
            }
            memcpy(bigger, chain, sizeof *bigger * n);
            if (chain != small) wf_mem_free(vm, chain);
            chain = bigger;
            cap *= 2;
        }
        chain[n++] = cur;
        cur = sg;
    }
    if (n == 0) return gen_throw_one(vm, g, out, ta);
    bool genexit = wf_err_matches(vm, &wf_exc_GeneratorExit);
    /* The levels above are busy while the innermost handles it. */
    for (size_t i = 0; i < n; i++) wf_obj_incref(&chain[i]->ob), chain[i]->state = WF_GEN_RUNNING;
    WfValue r = WF_NULL;
    WfGenStatus st = gen_throw_one(vm, cur, &r, genexit ? NULL : ta);
    size_t i = n;
    while (i-- > 0) {
        WfGen *gi = chain[i];
        gi->state = WF_GEN_SUSPENDED;
        if (st == WF_GEN_YIELDED && !genexit) break; /* yielded out through every level */
        if (genexit) {
            /* The delegate is closed (or failed to close): raise
             * GeneratorExit here, or the failure. */
            if (st == WF_GEN_YIELDED) {
                wf_decref(vm, r);
                wf_err_format(vm, &wf_exc_RuntimeError, "generator ignored GeneratorExit");
            } else if (st == WF_GEN_RETURNED || wf_err_matches(vm, &wf_exc_GeneratorExit) ||
                       wf_err_matches(vm, &wf_exc_StopIteration)) {
                if (st == WF_GEN_RETURNED) wf_decref(vm, r);
                wf_err_clear(vm);
                WfValue e = wf_exc_new(vm, &wf_exc_GeneratorExit, vm->empty_tuple);
                if (!WF_IS_NULL(e)) wf_err_restore(vm, e);
            }
            r = WF_NULL;
        }
        WfFrame *f = gi->frame;
        WfValue it = *--f->sp;
        wf_decref(vm, it);
        f->ip++;
        if (st == WF_GEN_RETURNED && !genexit) {
            *f->sp++ = r;
            st = resume_frame(vm, gi, WF_NULL, false, &r);
        } else {
            st = resume_frame(vm, gi, WF_NULL, true, &r);
        }
    }
    /* Levels above the one that yielded stay suspended in their yield from. */
    while (i-- > 0 && i < n) chain[i]->state = WF_GEN_SUSPENDED;
    for (size_t j = 0; j < n; j++) wf_obj_decref(vm, &chain[j]->ob);
    if (chain != small) wf_mem_free(vm, chain);
    *out = r;
    return st;
}

/* ---- methods ---------------------------------------------------------------------- */

/* Raises StopIteration carrying v (stolen): StopIteration() for None, as
 * CPython does for a plain `return`. */
static WfValue raise_stop(WfVM *vm, WfValue v) {
    if (WF_IS_NONE(v)) {
        WfValue e = wf_exc_new(vm, &wf_exc_StopIteration, vm->empty_tuple);
        if (WF_IS_NULL(e)) return e;
        wf_err_restore(vm, e);
        return WF_NULL;
    }
    wf_err_set_value(vm, &wf_exc_StopIteration, v);
    wf_decref(vm, v);
    return WF_NULL;
}

/* The iteration protocol has no place for a return value: every consumer
 * in C (list(), sum(), ...) just sees the end; next() and yield from get
 * the value through wf_gen_resume. */
static WfValue gen_iternext(WfVM *vm, WfValue self) {
    WfValue out;
    WfGenStatus st = wf_gen_resume(vm, self, WF_NULL, false, &out);
    if (st == WF_GEN_YIELDED) return out;
    if (st == WF_GEN_RETURNED) wf_decref(vm, out);
    return WF_NULL;
}

WfValue wf_gen_m_next(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "next", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfValue out;
    WfGenStatus st = wf_gen_resume(vm, self, WF_NULL, false, &out);
    if (st == WF_GEN_YIELDED) return out;
    if (st == WF_GEN_RETURNED) return raise_stop(vm, out);
    return WF_NULL;
}

WfValue wf_gen_m_send(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs != 1 || (kw && ((WfTuple *)kw)->n))
        return wf_err_format(vm, &wf_exc_TypeError, "generator.send() takes exactly one argument (%zu given)", nargs);
    WfValue out;
    WfGenStatus st = wf_gen_resume(vm, self, args[0], false, &out);
    if (st == WF_GEN_YIELDED) return out;
    if (st == WF_GEN_RETURNED) return raise_stop(vm, out);
    return WF_NULL;
}

static WfValue gen_throw(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "throw", nargs, kw, 1, 3) < 0) return WF_NULL;
    WfValue typ = args[0];
    WfValue val = nargs > 1 ? args[1] : WF_NONE;
    if (nargs > 2 && !WF_IS_NONE(args[2]) && wf_type_of(args[2]) != &wf_type_traceback)
        return wf_err_format(vm, &wf_exc_TypeError, "throw() third argument must be a traceback object");
    if (wf_is_type(typ) && (((WfType *)typ.u.o)->flags & WF_TPFLAG_EXC)) {
        WfValue exc;
        if (!WF_IS_NONE(val) && wf_isinstance(val, (WfType *)typ.u.o)) {
            exc = wf_ref(val);
        } else if (WF_IS_NONE(val)) {
            exc = wf_call0(vm, typ);
        } else if (wf_is_tuple(val)) {
            exc = wf_call(vm, typ, WF_TUPLE(val)->items, WF_TUPLE(val)->n, NULL);
        } else {
            exc = wf_call1(vm, typ, val);
        }
        if (WF_IS_NULL(exc)) return exc;
        wf_err_restore(vm, exc);
    } else if (wf_isinstance(typ, &wf_exc_BaseException)) {
        if (!WF_IS_NONE(val))
            return wf_err_format(vm, &wf_exc_TypeError, "instance exception may not have a separate value");
        wf_err_restore(vm, wf_ref(typ));
    } else {
        return wf_err_format(vm, &wf_exc_TypeError,
                             "exceptions must be classes or instances deriving from BaseException, not %s",
                             wf_type_name(typ));
    }
    WfValue out;
    WfGen *g = (WfGen *)self.u.o;
    WfGenStatus st;
    if (g->state == WF_GEN_SUSPENDED || g->state == WF_GEN_CREATED) {
        ThrowArgs ta = {args, nargs};
        st = gen_throw_current(vm, g, &out, &ta);
    } else {
        st = wf_gen_resume(vm, self, WF_NULL, true, &out);
    }
    if (st == WF_GEN_YIELDED) return out;
    if (st == WF_GEN_RETURNED) return raise_stop(vm, out);
    return WF_NULL;
}

static int gen_close_impl(WfVM *vm, WfGen *g) {
    if (g->state == WF_GEN_CREATED) {
        gen_drop_frame(vm, g);
        return 0;
    }
    if (g->state == WF_GEN_CLOSED) return 0;
    if (g->state == WF_GEN_RUNNING) {
        wf_err_format(vm, &wf_exc_ValueError, "generator already executing");
        return -1;
    }
    WfValue exc = wf_exc_new(vm, &wf_exc_GeneratorExit, vm->empty_tuple);
    if (WF_IS_NULL(exc)) return -1;
    wf_err_restore(vm, exc);
    WfValue out;
    WfGenStatus st = wf_gen_resume(vm, WF_OBJ(g), WF_NULL, true, &out);
    if (st == WF_GEN_YIELDED) {
        wf_decref(vm, out);
        wf_err_format(vm, &wf_exc_RuntimeError, "generator ignored GeneratorExit");
        /* CPython raises it with no context: the GeneratorExit was
         * swallowed inside the generator. */
        WfException *e = (WfException *)vm->exc.u.o;
        WfValue ctx = e->context;
        e->context = WF_NULL;
        wf_decref(vm, ctx);
        return -1;
    }
    if (st == WF_GEN_RETURNED) {
        wf_decref(vm, out);
        return 0;
    }
    if (wf_err_matches(vm, &wf_exc_GeneratorExit) || wf_err_matches(vm, &wf_exc_StopIteration)) {
        wf_err_clear(vm);
        return 0;
    }
    return -1;
}

static WfValue gen_close(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "close", nargs, kw, 0, 0) < 0) return WF_NULL;
    return gen_close_impl(vm, (WfGen *)self.u.o) < 0 ? WF_NULL : WF_NONE;
}

static WfValue gen_iter(WfVM *vm, WfValue self) { return wf_ref(self); }
static WfValue gen_iter_m(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__iter__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_ref(self);
}

static WfValue gen_repr(WfVM *vm, WfValue v) {
    WfGen *g = (WfGen *)v.u.o;
    return wf_str_printf(vm, "<generator object %s at %p>", ((WfStr *)g->qualname)->data, (void *)g);
}

static WfValue gen_get_running(WfVM *vm, WfValue self) {
    return WF_BOOL(((WfGen *)self.u.o)->state == WF_GEN_RUNNING);
}
static WfValue gen_get_name(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfGen *)self.u.o)->name)); }
static WfValue gen_get_qualname(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfGen *)self.u.o)->qualname)); }
static int set_str_attr(WfVM *vm, WfObject **slot, WfValue v, const char *what) {
    if (!wf_is_str(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    wf_obj_incref(v.u.o);
    wf_obj_decref(vm, *slot);
    *slot = v.u.o;
    return 0;
}
static int gen_set_name(WfVM *vm, WfValue self, WfValue v) {
    return set_str_attr(vm, &((WfGen *)self.u.o)->name, v, "__name__");
}
static int gen_set_qualname(WfVM *vm, WfValue self, WfValue v) {
    return set_str_attr(vm, &((WfGen *)self.u.o)->qualname, v, "__qualname__");
}
static WfValue gen_get_code(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfGen *)self.u.o)->code)); }
static WfValue gen_get_yieldfrom(WfVM *vm, WfValue self) {
    WfGen *g = (WfGen *)self.u.o;
    return delegating(g) ? wf_ref(g->frame->sp[-1]) : WF_NONE;
}

/* ---- frame objects: a view of a live generator's frame (gi_frame) -------- */

typedef struct WfFrameObj {
    WfObject ob;
    WfValue gen;
} WfFrameObj;

static void frameobj_clear(WfVM *vm, WfObject *o) {
    WfFrameObj *fo = (WfFrameObj *)o;
    WfValue g = fo->gen;
    fo->gen = WF_NULL;
    wf_decref(vm, g);
}
static void frameobj_dealloc(WfVM *vm, WfObject *o) {
    frameobj_clear(vm, o);
    wf_obj_free(vm, o);
}
static void frameobj_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfFrameObj *fo = (WfFrameObj *)o;
    if (WF_IS_OBJ(fo->gen)) visit(fo->gen.u.o, arg);
}
static WfFrame *frameobj_frame(WfValue self) {
    WfFrameObj *fo = (WfFrameObj *)self.u.o;
    return WF_IS_OBJ(fo->gen) ? ((WfGen *)fo->gen.u.o)->frame : NULL;
}
static WfValue frameobj_lineno(WfVM *vm, WfValue self) {
    WfFrameObj *fo = (WfFrameObj *)self.u.o;
    WfFrame *f = frameobj_frame(self);
    if (!f) return WF_INT(((WfGen *)fo->gen.u.o)->code->firstline);
    return WF_INT(wf_frame_line(f));
}
static WfValue frameobj_code(WfVM *vm, WfValue self) {
    WfFrameObj *fo = (WfFrameObj *)self.u.o;
    return wf_ref(WF_OBJ(((WfGen *)fo->gen.u.o)->code));
}
static WfValue frameobj_globals(WfVM *vm, WfValue self) {
    WfFrame *f = frameobj_frame(self);
    return f && !f->finished ? wf_ref(f->func->globals) : WF_NONE;
}
static WfValue frameobj_back(WfVM *vm, WfValue self) { return WF_NONE; }
static WfValue frameobj_repr(WfVM *vm, WfValue v) {
    WfFrameObj *fo = (WfFrameObj *)v.u.o;
    WfGen *g = (WfGen *)fo->gen.u.o;
    return wf_str_printf(vm, "<frame at %p, file '%s', line %d, code %s>", (void *)fo,
                         ((WfStr *)g->code->filename)->data, (int)frameobj_lineno(vm, v).u.i,
                         ((WfStr *)g->code->name)->data);
}
static const WfGetSetDef frameobj_getsets[] = {
    {"f_lineno", frameobj_lineno, NULL},
    {"f_code", frameobj_code, NULL},
    {"f_globals", frameobj_globals, NULL},
    {"f_back", frameobj_back, NULL},
    {NULL, NULL, NULL}};
static WfType frameobj_type = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "frame",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfFrameObj),
    .dealloc = frameobj_dealloc,
    .traverse = frameobj_traverse,
    .clear = frameobj_clear,
    .repr = frameobj_repr,
    .getsets = frameobj_getsets,
};

static WfValue gen_get_frame(WfVM *vm, WfValue self) {
    WfGen *g = (WfGen *)self.u.o;
    if (!g->frame || g->state == WF_GEN_CLOSED) return WF_NONE;
    WfFrameObj *fo = (WfFrameObj *)wf_obj_alloc(vm, &frameobj_type, sizeof(WfFrameObj));
    if (!fo) return WF_NULL;
    fo->gen = wf_ref(self);
    return WF_OBJ(fo);
}

static const WfMethodDef gen_methods[] = {
    {"__next__", wf_gen_m_next, "next(g)"},
    {"next", wf_gen_m_next, "Python 2 spelling of __next__"},
    {"send", wf_gen_m_send, "resume with a value"},
    {"throw", gen_throw, "raise an exception at the suspended yield"},
    {"close", gen_close, "raise GeneratorExit inside the generator"},
    {"__iter__", gen_iter_m, "iter(g) is g"},
    {NULL, NULL, NULL}};

static const WfGetSetDef gen_getsets[] = {
    {"gi_running", gen_get_running, NULL},
    {"gi_frame", gen_get_frame, NULL},
    {"gi_code", gen_get_code, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {NULL, NULL, NULL}};

/* Runs close() on a generator that is being destroyed, reporting a failure
 * the way CPython's unraisable hook does. */
static void gen_finalize(WfVM *vm, WfGen *g) {
    if (g->state != WF_GEN_SUSPENDED) return;
    WfValue saved = wf_err_fetch(vm);
    if (gen_close_impl(vm, g) < 0) {
        WfValue exc = wf_err_fetch(vm);
        WfValue r = gen_repr(vm, WF_OBJ(g));
        fflush(stdout);
        if (!WF_IS_NULL(r)) {
            wf_write_stderr(vm, "Exception ignored in: ", 22);
            wf_write_stderr(vm, WF_STR(r)->data, (size_t)WF_STR(r)->len);
            wf_write_stderr(vm, "\n", 1);
            wf_decref(vm, r);
        }
        wf_err_clear(vm);
        wf_print_exception(vm, exc);
        wf_decref(vm, exc);
    }
    wf_err_clear(vm);
    if (!WF_IS_NULL(saved)) wf_err_restore(vm, saved);
}

static void gen_finalize_slot(WfVM *vm, WfObject *o) { gen_finalize(vm, (WfGen *)o); }

static void gen_clear(WfVM *vm, WfObject *o) {
    WfGen *g = (WfGen *)o;
    gen_finalize(vm, g);
    gen_drop_frame(vm, g);
}

static void gen_dealloc(WfVM *vm, WfObject *o) {
    WfGen *g = (WfGen *)o;
    if (g->state == WF_GEN_SUSPENDED) {
        o->refcnt = 1; /* resurrect while close() runs weft code */
        gen_finalize(vm, g);
        if (--o->refcnt > 0) return; /* close() stored it somewhere */
    }
    gen_drop_frame(vm, g);
    wf_obj_decref(vm, &g->code->ob);
    wf_obj_decref(vm, g->name);
    wf_obj_decref(vm, g->qualname);
    wf_obj_free(vm, o);
}

static void gen_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfGen *g = (WfGen *)o;
    visit(&g->code->ob, arg);
    if (WF_IS_OBJ(g->exc_state)) visit(g->exc_state.u.o, arg);
    WfFrame *f = g->frame;
    /* A running frame's saved stack pointer is stale (the dispatch loop
     * keeps the live one); what it holds is reachable from the running
     * code anyway, so the collector must not look at it. */
    if (!f || f->finished || g->state == WF_GEN_RUNNING) return;
    visit(&f->func->ob, arg);
    uint32_t n = f->code->nslots;
    for (uint32_t i = 0; i < n; i++)
        if (WF_IS_OBJ(f->slots[i])) visit(f->slots[i].u.o, arg);
    for (WfValue *p = wf_frame_stack(f); p < f->sp; p++)
        if (WF_IS_OBJ(*p)) visit(p->u.o, arg);
    if (WF_IS_OBJ(f->locals)) visit(f->locals.u.o, arg);
}

WfType wf_type_generator = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "generator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfGen),
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize_slot,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};

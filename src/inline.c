/* inline.c: inlineCallbacks and returnValue (Twisted 22.4's
 * _inlineCallbacks, _cancellableInlineCallbacks, unwindGenerator). The
 * trampoline is wf_inline_step's while loop over wf_gen_resume: a value or
 * an already-fired Deferred is sent straight back in the loop; an unfired
 * one gets an INLINE pair (Twisted's gotResult) and the step returns, to be
 * called again by the engine (defer.c) when that Deferred fires, so no
 * resumption nests C calls. A call made from bytecode does not come here
 * for its first step: the dispatch loop (interp.c) runs the generator in
 * place with wf_inline_begin / wf_inline_yielded / wf_inline_loop_finished,
 * so building a deep chain nests no C calls either. A failure is thrown in
 * at the yield as the same exception object carrying the failure's frames,
 * so nested levels all show in the final traceback. */
#include <string.h>
#include "gen.h"
#include "inline.h"
#include "type.h"

/* ---- the status object ------------------------------------------------------------ */

static void status_clear(WfVM *vm, WfObject *o) {
    WfInline *st = (WfInline *)o;
    WfValue v[4] = {st->gen, st->deferred, st->waiting_on, st->sync_result};
    st->gen = st->deferred = st->waiting_on = st->sync_result = WF_NULL;
    for (int i = 0; i < 4; i++) wf_decref(vm, v[i]);
}

static void status_dealloc(WfVM *vm, WfObject *o) {
    status_clear(vm, o);
    wf_obj_free(vm, o);
}

static void status_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfInline *st = (WfInline *)o;
    WfValue v[4] = {st->gen, st->deferred, st->waiting_on, st->sync_result};
    for (int i = 0; i < 4; i++)
        if (WF_IS_OBJ(v[i])) visit(v[i].u.o, arg);
}

static void set_value(WfVM *vm, WfValue *slot, WfValue v) { /* steals v */
    WfValue old = *slot;
    *slot = v;
    wf_decref(vm, old);
}

WfDeferred *wf_inline_deferred(WfInline *st) { return WF_DEFERRED(st->deferred); }
bool wf_inline_waiting(WfInline *st) { return st->waiting; }

void wf_inline_got_sync(WfVM *vm, WfInline *st, WfValue r) {
    st->waiting = false;
    if (!WF_IS_NULL(r)) set_value(vm, &st->sync_result, wf_ref(r));
}

WfValue wf_inline_take_sync(WfInline *st) {
    WfValue r = st->sync_result;
    st->sync_result = WF_NULL;
    return WF_IS_NULL(r) ? WF_NONE : r;
}

/* handleCancel: trap the internal cancellation error, swap in a fresh
 * Deferred for the generator to finish into, cancel what it waits on, and
 * return the fresh one (the cancelled Deferred chains to it). */
static WfValue handle_cancel(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    if (!failed) return wf_ref(result);
    WfInline *st = (WfInline *)data.u.o;
    WfValue cls = WF_OBJ(wf_twisted_class(vm, WF_TW_INLINE_CANCELLED));
    WfValue r = wf_call_method(vm, result, "trap", &cls, 1);
    if (WF_IS_NULL(r)) return r;
    wf_decref(vm, r);
    WfValue nd = wf_deferred_new(vm);
    if (WF_IS_NULL(nd)) return nd;
    WF_DEFERRED(nd)->canceller = wf_ref(data);
    set_value(vm, &st->deferred, wf_ref(nd));
    if (WF_IS_NULL(st->waiting_on)) {
        wf_decref(vm, nd);
        return wf_err_format(vm, &wf_exc_AssertionError, "inlineCallbacks cancelled while not waiting");
    }
    WfValue awaited = wf_ref(st->waiting_on);
    int rc = wf_deferred_cancel(vm, awaited);
    wf_decref(vm, awaited);
    if (rc < 0) {
        wf_decref(vm, nd);
        return WF_NULL;
    }
    return nd;
}

/* The canceller of the returned Deferred (Twisted's cancel(it)): put
 * handleCancel in front of its callbacks and errback it with
 * _InternalInlineCallbacksCancelledError. */
static WfValue status_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "cancel", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue it = args[0];
    if (!wf_is_deferred(it)) return wf_err_format(vm, &wf_exc_TypeError, "cancel() needs a Deferred");
    if (wf_deferred_prepend_c(vm, it, handle_cancel, self) < 0) return WF_NULL;
    WfValue e = wf_twisted_exc_new(vm, WF_TW_INLINE_CANCELLED, NULL, 0);
    if (WF_IS_NULL(e)) return e;
    int rc = wf_deferred_errback(vm, it, e);
    wf_decref(vm, e);
    return rc < 0 ? WF_NULL : WF_NONE;
}

WfType wf_type_inline_status = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "_CancellationStatus",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfInline),
    .dealloc = status_dealloc,
    .traverse = status_traverse,
    .clear = status_clear,
    .call = status_call,
};

/* ---- the trampoline -------------------------------------------------------------------- */

/* The generator ended by raising the pending exception: its result is
 * returnValue's value, or a Failure of the exception. */
static WfInlineStep finished_raising(WfVM *vm, WfInline *st, WfValue *send) {
    WfType *ret = wf_twisted_class(vm, WF_TW_DEFGEN_RETURN);
    if (ret != &wf_exc_Exception && wf_err_matches(vm, ret)) {
        WfValue e = wf_err_fetch(vm);
        WfValue v = wf_getattr_opt(vm, e, wf_str_intern_cstr(vm, "value"));
        if (WF_IS_NULL(v)) {
            if (wf_err_occurred(vm)) {
                wf_decref(vm, e);
                return WF_INLINE_ERROR;
            }
            /* Made without returnValue: the value is its argument. */
            WfTuple *args = WF_TUPLE(wf_exc_get_args(e));
            v = args->n ? wf_ref(args->items[0]) : WF_NONE;
        }
        wf_decref(vm, e);
        *send = v;
    } else {
        WfValue f = wf_failure_capture(vm);
        if (WF_IS_NULL(f)) return WF_INLINE_ERROR;
        *send = f;
    }
    set_value(vm, &st->gen, WF_NULL);
    return WF_INLINE_FINISHED;
}

WfInlineStep wf_inline_yielded(WfVM *vm, WfInline *st, WfValue out, WfValue *send, WfDeferred **wait) {
    if (!wf_is_deferred(out)) {
        /* Not a Deferred: sent straight back. */
        *send = out;
        return WF_INLINE_SEND;
    }
    WfDeferred *d = WF_DEFERRED(out);
    if (d->called && !d->paused && !d->running && d->head == d->n && !wf_is_deferred(d->result)) {
        /* addBoth(gotResult) on a Deferred with a result and nothing
         * else to run: gotResult takes the result and leaves None. */
        *send = d->result;
        d->result = WF_NONE;
        if (!WF_IS_NULL(d->fail_result)) set_value(vm, &d->fail_result, WF_NULL);
        wf_decref(vm, out);
        return WF_INLINE_SEND;
    }
    if (wf_deferred_add_inline(vm, d, st) < 0) {
        wf_decref(vm, out);
        return WF_INLINE_ERROR;
    }
    set_value(vm, &st->waiting_on, out);
    if (d->called && !d->paused && !d->running) {
        /* Its pending callbacks run first; gotResult may then deliver
         * the result while we are still "inside addBoth". */
        st->waiting = true;
        *wait = d;
        return WF_INLINE_ADDBOTH;
    }
    return WF_INLINE_WAIT;
}

WfInlineStep wf_inline_step(WfVM *vm, WfInline *st, WfValue *sendp, WfDeferred **wait) {
    WfValue send = *sendp;
    *sendp = WF_NULL;
    for (;;) {
        WfValue out;
        WfGenStatus gs;
        if (WF_IS_NULL(st->gen)) {
            /* Finished already (a stray resume): nothing to do. */
            wf_decref(vm, send);
            return WF_INLINE_WAIT;
        }
        if (wf_is_failure(send)) {
            /* throwExceptionIntoGenerator: the same exception object,
             * raised at the yield with the failure's frames. */
            wf_failure_set_pending(vm, send);
            bool thrown = wf_is_exception(WF_FAILURE(send)->value);
            wf_decref(vm, send);
            if (!thrown) return finished_raising(vm, st, sendp);
            gs = wf_gen_resume(vm, st->gen, WF_NULL, true, &out);
        } else {
            gs = wf_gen_resume(vm, st->gen, send, false, &out);
            wf_decref(vm, send);
        }
        send = WF_NULL;
        if (gs == WF_GEN_RETURNED) {
            set_value(vm, &st->gen, WF_NULL);
            *sendp = out;
            return WF_INLINE_FINISHED;
        }
        if (gs == WF_GEN_RAISED) return finished_raising(vm, st, sendp);
        WfInlineStep step = wf_inline_yielded(vm, st, out, &send, wait);
        if (step != WF_INLINE_SEND) return step;
    }
}

int wf_inline_loop_finished(WfVM *vm, WfInline *st, WfValue value) {
    if (WF_IS_NULL(value)) {
        if (finished_raising(vm, st, &value) == WF_INLINE_ERROR) return -1;
    } else {
        set_value(vm, &st->gen, WF_NULL);
    }
    return wf_defer_inline_finished(vm, st, value);
}

/* ---- the decorated function ------------------------------------------------------------------ */

typedef struct WfInlineFunc {
    WfObject ob;
    WfValue func;
    WfObject *dict;        /* attributes set on the wrapper */
} WfInlineFunc;

static WfValue generator_error(WfVM *vm, WfValue f, WfValue got) {
    WfValue fr = wf_repr(vm, f);
    if (WF_IS_NULL(fr)) return fr;
    WfValue gr = WF_IS_NULL(got) ? WF_NULL : wf_repr(vm, got);
    if (!WF_IS_NULL(got) && WF_IS_NULL(gr)) {
        wf_decref(vm, fr);
        return WF_NULL;
    }
    if (WF_IS_NULL(got))
        wf_err_format(vm, &wf_exc_TypeError,
                      "inlineCallbacks requires %s to produce a generator; instead"
                      "caught returnValue being used in a non-generator",
                      WF_STR(fr)->data);
    else
        wf_err_format(vm, &wf_exc_TypeError, "inlineCallbacks requires %s to produce a generator; instead got %s",
                      WF_STR(fr)->data, WF_STR(gr)->data);
    wf_decref(vm, fr);
    wf_decref(vm, gr);
    return WF_NULL;
}

static WfValue status_new(WfVM *vm, WfValue gen);

WfValue wf_inline_begin(WfVM *vm, WfValue f, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames) {
    WfValue gen;
    if (WF_IS_NULL(self)) {
        gen = wf_call(vm, f, args, nargs, kwnames);
    } else {
        /* A bound method: self goes in front of the arguments. */
        size_t n = nargs + (kwnames ? ((WfTuple *)kwnames)->n : 0);
        WfValue small[8];
        WfValue *argv = n + 1 <= 8 ? small : wf_mem_alloc(vm, (n + 1) * sizeof(WfValue));
        if (!argv) return WF_NULL;
        argv[0] = self;
        if (n) memcpy(argv + 1, args, n * sizeof(WfValue));
        gen = wf_call(vm, f, argv, nargs + 1, kwnames);
        if (argv != small) wf_mem_free(vm, argv);
    }
    if (WF_IS_NULL(gen)) {
        if (wf_err_matches(vm, wf_twisted_class(vm, WF_TW_DEFGEN_RETURN)) &&
            wf_twisted_class(vm, WF_TW_DEFGEN_RETURN) != &wf_exc_Exception) {
            /* Raised while handling it, as Twisted's except clause does. */
            WfValue ret = wf_err_fetch(vm);
            generator_error(vm, f, WF_NULL);
            if (wf_err_occurred(vm)) wf_exc_chain_context(vm, vm->exc, ret);
            wf_decref(vm, ret);
            return WF_NULL;
        }
        return gen;
    }
    if (!(WF_IS_OBJ(gen) && gen.u.o->type == &wf_type_generator)) {
        generator_error(vm, f, gen);
        wf_decref(vm, gen);
        return WF_NULL;
    }
    return status_new(vm, gen);
}

/* _cancellableInlineCallbacks up to its first step: the status for gen
 * (stolen), owning it and the Deferred the caller will get. */
static WfValue status_new(WfVM *vm, WfValue gen) {
    WfInline *st = (WfInline *)wf_obj_alloc(vm, &wf_type_inline_status, sizeof(WfInline));
    if (!st) {
        wf_decref(vm, gen);
        return WF_NULL;
    }
    st->gen = gen;
    st->waiting_on = st->sync_result = WF_NULL;
    WfValue d = wf_deferred_new(vm);
    if (WF_IS_NULL(d)) {
        wf_obj_decref(vm, &st->ob);
        return d;
    }
    st->deferred = d;
    WF_DEFERRED(d)->canceller = wf_ref(WF_OBJ(st));
    return WF_OBJ(st);
}

/* Runs the first step of status stv (stolen): the call's Deferred. */
static WfValue inline_run(WfVM *vm, WfValue stv) {
    WfInline *st = (WfInline *)stv.u.o;
    WfValue d = wf_ref(st->deferred);
    int rc = wf_defer_run_inline(vm, st, WF_NONE, NULL);
    wf_obj_decref(vm, &st->ob);
    if (rc < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

WfValue wf_inline_call(WfVM *vm, WfValue f, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames) {
    WfValue stv = wf_inline_begin(vm, f, self, args, nargs, kwnames);
    return WF_IS_NULL(stv) ? stv : inline_run(vm, stv);
}

WfValue wf_inline_func_of(WfValue callable, WfValue *self) {
    WfObject *o = callable.u.o;
    if (o->type == &wf_type_method) {
        WfMethod *m = (WfMethod *)o;
        if (!(WF_IS_OBJ(m->func) && m->func.u.o->type == &wf_type_inline_function)) return WF_NULL;
        *self = m->self;
        return ((WfInlineFunc *)m->func.u.o)->func;
    }
    *self = WF_NULL;
    return ((WfInlineFunc *)o)->func;
}

static WfValue inline_func_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_inline_call(vm, ((WfInlineFunc *)self.u.o)->func, WF_NULL, args, nargs, kw);
}

static void inline_func_clear(WfVM *vm, WfObject *o) {
    WfInlineFunc *w = (WfInlineFunc *)o;
    WfValue f = w->func;
    WfObject *d = w->dict;
    w->func = WF_NULL;
    w->dict = NULL;
    wf_decref(vm, f);
    wf_obj_xdecref(vm, d);
}

static void inline_func_dealloc(WfVM *vm, WfObject *o) {
    inline_func_clear(vm, o);
    wf_obj_free(vm, o);
}

static void inline_func_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfInlineFunc *w = (WfInlineFunc *)o;
    if (WF_IS_OBJ(w->func)) visit(w->func.u.o, arg);
    if (w->dict) visit(w->dict, arg);
}

/* functools.wraps: the wrapper answers for the wrapped function's name,
 * qualname, doc, module and attributes, and has __wrapped__. */
static WfValue inline_func_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    WfInlineFunc *w = (WfInlineFunc *)obj.u.o;
    if (w->dict) {
        WfValue v = wf_dict_get_str(WF_OBJ(w->dict), name);
        if (!WF_IS_NULL(v)) return wf_ref(v);
    }
    const char *s = ((WfStr *)name)->data;
    if (strcmp(s, "__wrapped__") == 0) return wf_ref(w->func);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    if (wf_type_find(obj.u.o->type, s, &def, &gs) && def) return wf_native_new(vm, def, obj);
    return wf_getattr(vm, w->func, name);
}

static int inline_func_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    WfInlineFunc *w = (WfInlineFunc *)obj.u.o;
    if (WF_IS_NULL(v)) {
        if (w->dict && !WF_IS_NULL(wf_dict_get_str(WF_OBJ(w->dict), name)))
            return wf_dict_del(vm, WF_OBJ(w->dict), WF_OBJ(name));
        wf_err_no_attribute(vm, obj, name);
        return -1;
    }
    if (!w->dict) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return -1;
        w->dict = d.u.o;
    }
    return wf_dict_set(vm, WF_OBJ(w->dict), WF_OBJ(name), v);
}

static WfValue inline_func_repr(WfVM *vm, WfValue self) {
    WfInlineFunc *w = (WfInlineFunc *)self.u.o;
    WfValue q = wf_getattr_opt(vm, self, wf_str_intern_cstr(vm, "__qualname__"));
    if (WF_IS_NULL(q) && wf_err_occurred(vm)) return q;
    WfValue r = wf_str_printf(vm, "<function %s at %p>", wf_is_str(q) ? WF_STR(q)->data : "unwindGenerator",
                              (void *)w);
    wf_decref(vm, q);
    return r;
}

/* __get__: a decorated method binds like a function. */
static WfValue inline_func_get(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__get__", nargs, kw, 1, 2) < 0) return WF_NULL;
    if (WF_IS_NONE(args[0])) return wf_ref(self);
    return wf_method_new(vm, self, args[0]);
}

static const WfMethodDef inline_func_methods[] = {
    {"__get__", inline_func_get, "Return an attribute of instance, which is of type owner."},
    {NULL, NULL, NULL}};

WfType wf_type_inline_function = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "function",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfInlineFunc),
    .dealloc = inline_func_dealloc,
    .traverse = inline_func_traverse,
    .clear = inline_func_clear,
    .repr = inline_func_repr,
    .getattr = inline_func_getattr,
    .setattr = inline_func_setattr,
    .call = inline_func_call,
    .methods = inline_func_methods,
};

/* ---- module functions ------------------------------------------------------------------------ */

static WfValue f_inline_callbacks(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"f", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "inlineCallbacks", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    WfInlineFunc *w = (WfInlineFunc *)wf_obj_alloc(vm, &wf_type_inline_function, sizeof(WfInlineFunc));
    if (!w) return WF_NULL;
    w->func = wf_ref(a[0]);
    return WF_OBJ(w);
}

/* raise _DefGen_Return(val): its __init__ sets .value (args is (val,)). */
static WfValue f_return_value(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"val", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "returnValue", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    WfValue e = wf_twisted_exc_new(vm, WF_TW_DEFGEN_RETURN, a, 1);
    if (WF_IS_NULL(e)) return e;
    if (wf_setattr(vm, e, wf_str_intern_cstr(vm, "value"), a[0]) < 0) {
        wf_decref(vm, e);
        return WF_NULL;
    }
    wf_err_raise(vm, e);
    wf_decref(vm, e);
    return WF_NULL;
}

/* ensureDeferred(coro): a Deferred as it is; a generator (weft has no
 * coroutines) driven as inlineCallbacks drives one; otherwise
 * NotACoroutineError, with Twisted's text. */
static WfValue f_ensure_deferred(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"coro", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "ensureDeferred", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    if (wf_is_deferred(a[0])) return wf_ref(a[0]);
    if (!(WF_IS_OBJ(a[0]) && a[0].u.o->type == &wf_type_generator)) {
        WfValue r = wf_repr(vm, a[0]);
        if (WF_IS_NULL(r)) return r;
        WfValue msg = wf_str_printf(vm, "%s is not a coroutine or a Deferred", WF_STR(r)->data);
        wf_decref(vm, r);
        if (WF_IS_NULL(msg)) return msg;
        wf_twisted_raise(vm, WF_TW_NOT_A_COROUTINE_ERROR, &msg, 1);
        wf_decref(vm, msg);
        return WF_NULL;
    }
    WfValue stv = status_new(vm, wf_ref(a[0]));
    return WF_IS_NULL(stv) ? stv : inline_run(vm, stv);
}

static const WfMethodDef inline_functions[] = {
    {"ensureDeferred", f_ensure_deferred, "Schedule the execution of a coroutine that awaits/yields from Deferreds."},
    {"inlineCallbacks", f_inline_callbacks,
     "inlineCallbacks helps you write Deferred-using code that looks like a regular sequential function."},
    {"returnValue", f_return_value, "Return val from a inlineCallbacks generator."},
    {NULL, NULL, NULL}};

int wf_inline_module_init(WfVM *vm, WfValue module) {
    return wf_module_add_functions(vm, module, inline_functions);
}

/* failure.c: twisted.python.failure.Failure (Twisted 22.4's failure.py).
 * A Failure keeps its frames as a WfTraceback chain: the traceback of the
 * exception when it was captured, which stays valid after cleanFailure
 * (tracebacks are immutable; the VM only ever prepends to them), so the
 * chain can be re-attached when the failure is thrown into a generator and
 * nested inlineCallbacks keep every level. `stack` is the chain of frames
 * that were running when the failure was made. The text of repr, str,
 * getTraceback and getBriefTraceback is Twisted's, byte for byte. */
#include <string.h>
#include "class.h"
#include "defer.h"
#include "gen.h"
#include "type.h"

/* Twisted prints at most this many frames of `stack` above the
 * "--- <exception caught here> ---" line (failure.py: traceupLength). */
#define WF_FAILURE_TRACEUP 4

static const char CAUGHT_HERE[] = "--- <exception caught here> ---";

/* ---- qualified names ------------------------------------------------------------ */

WfValue wf_twisted_qual(WfVM *vm, WfValue cls) {
    if (!wf_is_type(cls)) {
        WfValue r = wf_repr(vm, cls);
        return r;
    }
    WfType *t = (WfType *)cls.u.o;
    /* At the very end of teardown the intern table is gone: interning would
     * make a new one that nothing frees, so heap types show their name. */
    if ((t->flags & WF_TPFLAG_HEAPTYPE) && t->dict && WF_IS_OBJ(vm->interned)) {
        WfValue mod = wf_dict_get_str(WF_OBJ(t->dict), wf_str_intern_cstr(vm, "__module__"));
        WfValue qual = wf_dict_get_str(WF_OBJ(t->dict), wf_str_intern_cstr(vm, "__qualname__"));
        return wf_str_printf(vm, "%s.%s", wf_is_str(mod) ? WF_STR(mod)->data : "builtins",
                             wf_is_str(qual) ? WF_STR(qual)->data : t->name);
    }
    const char *mod = "builtins";
    if (t == &wf_type_failure) mod = "twisted.python.failure";
    else if (t == &wf_type_deferred || t == &wf_type_deferred_list) mod = "twisted.internet.defer";
    return wf_str_printf(vm, "%s.%s", mod, t->name);
}

/* ---- traceback chains ----------------------------------------------------------- */

static WfTraceback *tb_node(WfVM *vm, WfCode *code, int line, WfTraceback *next) {
    WfTraceback *t = (WfTraceback *)wf_obj_alloc(vm, &wf_type_traceback, sizeof(WfTraceback));
    if (!t) return NULL;
    t->code = code;
    wf_obj_incref(&code->ob);
    t->line = line;
    t->next = next; /* steals next */
    return t;
}

/* The running frames as a chain, oldest first; skip_current leaves out the
 * innermost one (the frame that is handling the exception). At most the
 * innermost WF_FAILURE_STACK_MAX: in Twisted the stack can never be deeper
 * (CPython's default recursion limit), while weft runs @inlineCallbacks
 * chains 100,000 deep, where a full copy per Failure would cost time
 * quadratic in the depth. */
#define WF_FAILURE_STACK_MAX 1000

static WfObject *capture_stack(WfVM *vm, bool skip_current) {
    WfTraceback *head = NULL;
    WfFrame *f = vm->frame;
    if (f && skip_current) f = f->prev;
    for (int n = 0; f && n < WF_FAILURE_STACK_MAX; f = f->prev, n++) {
        WfTraceback *n = tb_node(vm, f->code, wf_frame_line(f), head);
        if (!n) {
            /* A stack is a nicety: drop it rather than fail the Failure. */
            wf_obj_xdecref(vm, head ? &head->ob : NULL);
            wf_err_clear(vm);
            return NULL;
        }
        head = n;
    }
    return head ? &head->ob : NULL;
}

/* A copy of chain a followed by chain b (both borrowed): a new chain. */
static WfObject *tb_concat(WfVM *vm, WfObject *a, WfObject *b) {
    if (!a) {
        if (b) wf_obj_incref(b);
        return b;
    }
    size_t n = 0;
    for (WfTraceback *t = (WfTraceback *)a; t; t = t->next) n++;
    WfTraceback **items = wf_mem_alloc(vm, n * sizeof *items);
    if (!items) return NULL;
    n = 0;
    for (WfTraceback *t = (WfTraceback *)a; t; t = t->next) items[n++] = t;
    WfTraceback *head = (WfTraceback *)b;
    if (head) wf_obj_incref(&head->ob);
    while (n--) {
        WfTraceback *node = tb_node(vm, items[n]->code, items[n]->line, head);
        if (!node) {
            wf_obj_xdecref(vm, head ? &head->ob : NULL);
            wf_mem_free(vm, items);
            return NULL;
        }
        head = node;
    }
    wf_mem_free(vm, items);
    return &head->ob;
}

static size_t tb_length(WfObject *chain) {
    size_t n = 0;
    for (WfTraceback *t = (WfTraceback *)chain; t; t = t->next) n++;
    return n;
}

/* [(funcName, fileName, lineNo, (), ())] before cleanFailure, lists of
 * [funcName, fileName, lineNo, [], []] after it (Twisted's __getstate__). */
static WfValue tb_to_list(WfVM *vm, WfObject *chain, bool cleaned) {
    WfValue l = wf_list_new(vm, tb_length(chain));
    if (WF_IS_NULL(l)) return l;
    for (WfTraceback *t = (WfTraceback *)chain; t; t = t->next) {
        WfValue item[5];
        item[0] = wf_ref(WF_OBJ(t->code->name));
        item[1] = wf_ref(WF_OBJ(t->code->filename));
        item[2] = WF_INT(t->line);
        item[3] = cleaned ? wf_list_new(vm, 0) : wf_ref(vm->empty_tuple);
        item[4] = cleaned ? wf_list_new(vm, 0) : wf_ref(vm->empty_tuple);
        WfValue e = WF_NULL;
        if (!WF_IS_NULL(item[3]) && !WF_IS_NULL(item[4])) {
            if (cleaned) {
                e = wf_list_new(vm, 5);
                for (int i = 0; i < 5 && !WF_IS_NULL(e); i++)
                    if (wf_list_append(vm, e, item[i]) < 0) {
                        wf_decref(vm, e);
                        e = WF_NULL;
                    }
            } else {
                e = wf_tuple_from_array(vm, item, 5);
            }
        }
        for (int i = 0; i < 5; i++) wf_decref(vm, item[i]);
        if (WF_IS_NULL(e) || wf_list_append_steal(vm, l, e) < 0) {
            wf_decref(vm, l);
            return WF_NULL;
        }
    }
    return l;
}

/* ---- construction ---------------------------------------------------------------- */

static WfFailure *failure_alloc(WfVM *vm, WfType *type) {
    size_t size = type->size > sizeof(WfFailure) ? type->size : sizeof(WfFailure);
    WfFailure *f = (WfFailure *)wf_obj_alloc(vm, type, size);
    if (!f) return NULL;
    f->exc.cause = f->exc.context = f->exc.value = WF_NULL;
    f->exc.args = vm->empty_tuple.u.o;
    wf_obj_incref(f->exc.args);
    f->type = f->value = f->parents = WF_NULL;
    WfTwisted *st = wf_twisted_state(vm);
    f->count = st ? ++st->failure_count : 0;
    return f;
}

static void set_field(WfVM *vm, WfValue *slot, WfValue v) {
    WfValue old = *slot;
    *slot = wf_ref(v);
    wf_decref(vm, old);
}

static void set_chain(WfVM *vm, WfObject **slot, WfObject *chain) {
    WfObject *old = *slot;
    if (chain) wf_obj_incref(chain);
    *slot = chain;
    wf_obj_xdecref(vm, old);
}

/* Copies other into f (Twisted's _extrapolate): everything, with the frames
 * of the exception being handled now in front of other's frames. */
static int extrapolate(WfVM *vm, WfFailure *f, WfFailure *other) {
    set_field(vm, &f->type, other->type);
    set_field(vm, &f->value, other->value);
    set_field(vm, &f->parents, other->parents);
    set_chain(vm, &f->stack, other->stack);
    f->count = other->count;
    f->tb_cleared = other->tb_cleared;
    f->capture_vars = other->capture_vars;
    f->pickled = other->pickled;
    WfObject *cur = wf_is_exception(vm->handled) ? wf_exc_get_traceback(vm->handled) : NULL;
    WfObject *frames = tb_concat(vm, cur, other->frames);
    if (!frames && (cur || other->frames)) return -1;
    WfObject *old = f->frames;
    f->frames = frames;
    wf_obj_xdecref(vm, old);
    return 0;
}

/* The body of Failure.__init__. value/type/tb may be WF_NULL (not given);
 * no value means the exception being handled (vm->handled). */
static int failure_init(WfVM *vm, WfFailure *f, WfValue value, WfValue type, WfValue tb,
                        bool capture_vars) {
    f->capture_vars = capture_vars;
    bool none_value = WF_IS_NULL(value) || WF_IS_NONE(value);
    bool none_type = WF_IS_NULL(type) || WF_IS_NONE(type);
    if (wf_is_str(value) && none_type) {
        wf_err_format(vm, &wf_exc_TypeError, "Strings are not supported by Failure");
        return -1;
    }
    bool from_handled = false;
    WfObject *chain = NULL;
    if (none_value) {
        WfValue h = vm->handled;
        if (WF_IS_NULL(h) || WF_IS_NONE(h)) {
            wf_twisted_raise(vm, WF_TW_NO_CURRENT_EXCEPTION, NULL, 0);
            return -1;
        }
        set_field(vm, &f->type, WF_OBJ(wf_type_of(h)));
        set_field(vm, &f->value, h);
        chain = wf_is_exception(h) ? wf_exc_get_traceback(h) : NULL;
        from_handled = true;
    } else {
        set_field(vm, &f->type, none_type ? WF_OBJ(wf_type_of(value)) : type);
        set_field(vm, &f->value, value);
    }
    if (wf_is_failure(f->value)) return extrapolate(vm, f, WF_FAILURE(f->value));
    if (!from_handled) {
        if (!WF_IS_NULL(tb) && WF_IS_OBJ(tb) && tb.u.o->type == &wf_type_traceback) chain = tb.u.o;
        else if (wf_is_exception(f->value)) chain = wf_exc_get_traceback(f->value);
    }
    set_chain(vm, &f->frames, chain);
    /* Twisted records the stack only when there is a traceback. */
    if (chain) {
        WfObject *s = capture_stack(vm, from_handled);
        wf_obj_xdecref(vm, f->stack);
        f->stack = s;
    }
    return 0;
}

WfValue wf_failure_new(WfVM *vm, WfValue value) {
    WfFailure *f = failure_alloc(vm, &wf_type_failure);
    if (!f) return WF_NULL;
    if (failure_init(vm, f, value, WF_NULL, WF_NULL, false) < 0) {
        wf_obj_decref(vm, &f->exc.ob);
        return WF_NULL;
    }
    return WF_OBJ(f);
}

WfValue wf_failure_from_handled(WfVM *vm) { return wf_failure_new(vm, WF_NULL); }

WfValue wf_failure_capture(WfVM *vm) {
    WfValue exc = wf_err_fetch(vm);
    if (WF_IS_NULL(exc)) {
        wf_err_format(vm, &wf_exc_SystemError, "Failure capture without an exception");
        return WF_NULL;
    }
    WfFailure *f = failure_alloc(vm, &wf_type_failure);
    if (!f) {
        wf_decref(vm, exc);
        return WF_NULL;
    }
    f->type = wf_ref(WF_OBJ(wf_type_of(exc)));
    f->value = exc; /* steals */
    WfObject *chain = wf_is_exception(exc) ? wf_exc_get_traceback(exc) : NULL;
    set_chain(vm, &f->frames, chain);
    if (chain) f->stack = capture_stack(vm, false);
    return WF_OBJ(f);
}

void wf_failure_clean(WfVM *vm, WfValue fv) {
    WfFailure *f = WF_FAILURE(fv);
    f->tb_cleared = true;
    f->pickled = 1;
    if (wf_is_exception(f->value) && wf_exc_get_traceback(f->value))
        wf_exc_set_traceback(vm, f->value, NULL);
}

void wf_failure_set_pending(WfVM *vm, WfValue fv) {
    WfFailure *f = WF_FAILURE(fv);
    WfValue v = f->value;
    if (!wf_is_exception(v)) {
        wf_err_format(vm, &wf_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, not %s",
                      wf_is_type(f->type) ? "type" : wf_type_name(f->type));
        return;
    }
    if (f->frames) wf_obj_incref(f->frames);
    wf_exc_set_traceback(vm, v, f->frames);
    wf_err_restore(vm, wf_ref(v));
}

/* ---- text ------------------------------------------------------------------------ */

/* reflect.safe_str: str(v), or Twisted's placeholder when str raises. */
static void buf_safe_str(WfVM *vm, WfBuf *b, WfValue v) {
    WfValue s = wf_to_str(vm, v);
    if (WF_IS_NULL(s) || !wf_is_str(s)) {
        wf_decref(vm, s);
        wf_err_clear(vm);
        WfValue q = wf_twisted_qual(vm, WF_OBJ(wf_type_of(v)));
        wf_err_clear(vm);
        wf_buf_printf(vm, b, "<%s instance at 0x%llx with str error>",
                      WF_IS_NULL(q) ? "?" : WF_STR(q)->data, (unsigned long long)(uintptr_t)v.u.o);
        wf_decref(vm, q);
        return;
    }
    wf_buf_append(vm, b, WF_STR(s)->data, (size_t)WF_STR(s)->len);
    wf_decref(vm, s);
}

static void buf_qual(WfVM *vm, WfBuf *b, WfValue cls) {
    WfValue q = wf_twisted_qual(vm, cls);
    if (WF_IS_NULL(q)) {
        wf_err_clear(vm);
        wf_buf_puts(vm, b, "?");
        return;
    }
    wf_buf_append(vm, b, WF_STR(q)->data, (size_t)WF_STR(q)->len);
    wf_decref(vm, q);
}

enum { DETAIL_DEFAULT, DETAIL_BRIEF, DETAIL_VERBOSE };

/* format_frames of failure.py; skip drops that many frames from the start. */
static void format_frames(WfVM *vm, WfBuf *b, WfObject *chain, size_t skip, int detail) {
    char line[1024];
    for (WfTraceback *t = (WfTraceback *)chain; t; t = t->next) {
        if (skip) {
            skip--;
            continue;
        }
        const char *file = ((WfStr *)t->code->filename)->data;
        const char *name = ((WfStr *)t->code->name)->data;
        if (detail == DETAIL_BRIEF) {
            wf_buf_printf(vm, b, "%s:%d:%s\n", file, t->line, name);
        } else if (detail == DETAIL_DEFAULT) {
            wf_buf_printf(vm, b, "  File \"%s\", line %d, in %s\n", file, t->line, name);
            if (!wf_code_source_line(t->code, t->line, line, sizeof line)) line[0] = 0;
            wf_buf_printf(vm, b, "    %s\n", line);
        } else {
            wf_buf_printf(vm, b, "%s:%d: %s(...)\n", file, t->line, name);
        }
    }
}

static void print_traceback(WfVM *vm, WfBuf *b, WfFailure *f, bool elide, int detail) {
    if (detail == DETAIL_VERBOSE) {
        wf_buf_printf(vm, b, "*--- Failure #%lld%s---\n", (long long)f->count, f->pickled ? " (pickled) " : " ");
    } else if (detail == DETAIL_BRIEF) {
        wf_buf_puts(vm, b, f->frames ? "Traceback" : "Traceback (failure with no frames)");
        wf_buf_puts(vm, b, ": ");
        buf_safe_str(vm, b, f->type);
        wf_buf_puts(vm, b, ": ");
        buf_safe_str(vm, b, f->value);
        wf_buf_putc(vm, b, '\n');
    } else {
        wf_buf_puts(vm, b, "Traceback (most recent call last):\n");
    }
    if (f->frames) {
        if (!elide) {
            size_t n = tb_length(f->stack);
            format_frames(vm, b, f->stack, n > WF_FAILURE_TRACEUP ? n - WF_FAILURE_TRACEUP : 0, detail);
            wf_buf_printf(vm, b, "%s\n", CAUGHT_HERE);
        }
        format_frames(vm, b, f->frames, 0, detail);
        if (detail == DETAIL_VERBOSE)
            wf_buf_puts(vm, b, " [Capture of Locals and Globals disabled (use captureVars=True)]\n");
    } else if (detail != DETAIL_BRIEF) {
        wf_buf_puts(vm, b, "Failure: ");
    }
    if (detail != DETAIL_BRIEF) {
        buf_qual(vm, b, f->type);
        wf_buf_puts(vm, b, ": ");
        buf_safe_str(vm, b, f->value);
        wf_buf_putc(vm, b, '\n');
    }
    if (wf_is_failure(f->value)) {
        wf_buf_puts(vm, b, " (chained Failure)\n");
        print_traceback(vm, b, WF_FAILURE(f->value), elide, detail);
    }
    if (detail == DETAIL_VERBOSE) wf_buf_printf(vm, b, "*--- End of Failure #%lld ---\n", (long long)f->count);
}

WfValue wf_failure_traceback_text(WfVM *vm, WfValue fv) {
    WfBuf b;
    wf_buf_init(&b);
    print_traceback(vm, &b, WF_FAILURE(fv), false, DETAIL_DEFAULT);
    return wf_buf_finish(vm, &b);
}

static WfValue brief_text(WfVM *vm, WfFailure *f) {
    WfBuf b;
    wf_buf_init(&b);
    print_traceback(vm, &b, f, false, DETAIL_BRIEF);
    return wf_buf_finish(vm, &b);
}

static WfValue error_message(WfVM *vm, WfFailure *f) {
    if (wf_is_failure(f->value)) return error_message(vm, WF_FAILURE(f->value));
    WfBuf b;
    wf_buf_init(&b);
    buf_safe_str(vm, &b, f->value);
    return wf_buf_finish(vm, &b);
}

static WfValue failure_repr(WfVM *vm, WfValue self) {
    WfFailure *f = WF_FAILURE(self);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_putc(vm, &b, '<');
    buf_qual(vm, &b, WF_OBJ(f->exc.ob.type));
    wf_buf_putc(vm, &b, ' ');
    buf_qual(vm, &b, f->type);
    wf_buf_puts(vm, &b, ": ");
    WfValue m = error_message(vm, f);
    if (!WF_IS_NULL(m)) {
        wf_buf_append(vm, &b, WF_STR(m)->data, (size_t)WF_STR(m)->len);
        wf_decref(vm, m);
    }
    wf_buf_putc(vm, &b, '>');
    return wf_buf_finish(vm, &b);
}

static WfValue failure_str(WfVM *vm, WfValue self) {
    WfValue brief = brief_text(vm, WF_FAILURE(self));
    if (WF_IS_NULL(brief)) return brief;
    WfValue r = wf_str_printf(vm, "[Failure instance: %s]", WF_STR(brief)->data);
    wf_decref(vm, brief);
    return r;
}

/* ---- check / trap / raise ---------------------------------------------------------- */

static WfValue build_parents(WfVM *vm, WfFailure *f) {
    if (!WF_IS_NULL(f->parents)) return f->parents;
    WfValue l = wf_list_new(vm, 4);
    if (WF_IS_NULL(l)) return l;
    if (wf_is_type(f->type) && wf_type_is_subtype((WfType *)f->type.u.o, &wf_exc_Exception)) {
        WfType *t = (WfType *)f->type.u.o;
        if (t->mro) {
            WfTuple *m = (WfTuple *)t->mro;
            for (size_t i = 0; i < m->n; i++)
                if (wf_list_append_steal(vm, l, wf_twisted_qual(vm, m->items[i])) < 0) goto fail;
        } else {
            for (WfType *b = t; b; b = b->base)
                if (wf_list_append_steal(vm, l, wf_twisted_qual(vm, WF_OBJ(b))) < 0) goto fail;
        }
    } else if (wf_list_append(vm, l, f->type) < 0) {
        goto fail;
    }
    f->parents = l;
    return l;
fail:
    wf_decref(vm, l);
    return WF_NULL;
}

/* check(*errorTypes): the first argument that matches, or None. WF_NULL on
 * error. */
static WfValue failure_check_impl(WfVM *vm, WfFailure *f, const WfValue *types, size_t n) {
    WfValue parents = build_parents(vm, f);
    if (WF_IS_NULL(parents)) return parents;
    for (size_t i = 0; i < n; i++) {
        WfValue err = types[i];
        WfValue key = wf_ref(err);
        if (wf_is_type(err) && wf_type_is_subtype((WfType *)err.u.o, &wf_exc_Exception)) {
            wf_decref(vm, key);
            key = wf_twisted_qual(vm, err);
            if (WF_IS_NULL(key)) return key;
        }
        int found = wf_contains(vm, parents, key);
        wf_decref(vm, key);
        if (found < 0) return WF_NULL;
        if (found) return wf_ref(err);
    }
    return WF_NONE;
}

static WfValue raise_exception(WfVM *vm, WfFailure *f) {
    if (!wf_is_exception(f->value)) return wf_err_no_attribute(vm, f->value, wf_str_intern_cstr(vm, "with_traceback"));
    WfObject *tb = f->tb_cleared ? NULL : f->frames;
    if (tb) wf_obj_incref(tb);
    wf_exc_set_traceback(vm, f->value, tb);
    return wf_err_raise(vm, f->value);
}

/* The parameter list of a method that takes none (for wf_args_bind_py). */
static const char *const no_params[] = {NULL};

/* check(*errorTypes) and trap(*errorTypes) take no keywords. */
static int varargs_no_keywords(WfVM *vm, const char *qualname, WfObject *kw) {
    if (!kw || !((WfTuple *)kw)->n) return 0;
    wf_err_format(vm, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'", qualname,
                  WF_STR(((WfTuple *)kw)->items[0])->data);
    return -1;
}

static WfValue m_check(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (varargs_no_keywords(vm, "Failure.check", kw) < 0) return WF_NULL;
    return failure_check_impl(vm, WF_FAILURE(self), args, nargs);
}

static WfValue m_trap(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (varargs_no_keywords(vm, "Failure.trap", kw) < 0) return WF_NULL;
    WfValue e = failure_check_impl(vm, WF_FAILURE(self), args, nargs);
    if (WF_IS_NULL(e)) return e;
    int t = wf_truthy(vm, e);
    if (t < 0) {
        wf_decref(vm, e);
        return WF_NULL;
    }
    if (!t) {
        wf_decref(vm, e);
        return raise_exception(vm, WF_FAILURE(self));
    }
    return e;
}

static WfValue m_raise_exception(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Failure.raiseException", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    return raise_exception(vm, WF_FAILURE(self));
}

static WfValue m_throw_into_generator(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                      WfObject *kw) {
    if (wf_args_check(vm, "throwExceptionIntoGenerator", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue g = args[0];
    if (!(WF_IS_OBJ(g) && g.u.o->type == &wf_type_generator)) {
        WfFailure *f = WF_FAILURE(self);
        WfValue targs[3] = {f->type, f->value, WF_NONE};
        WfValue m = wf_getattr_cstr(vm, g, "throw");
        if (WF_IS_NULL(m)) return m;
        WfValue r = wf_call(vm, m, targs, 3, NULL);
        wf_decref(vm, m);
        return r;
    }
    wf_failure_set_pending(vm, self);
    if (!wf_err_occurred(vm)) return WF_NULL;
    if (!wf_isinstance(vm->exc, wf_type_of(WF_FAILURE(self)->value))) return WF_NULL;
    WfValue out;
    WfGenStatus st = wf_gen_resume(vm, g, WF_NULL, true, &out);
    if (st == WF_GEN_YIELDED) return out;
    if (st == WF_GEN_RETURNED) {
        WfValue e = wf_exc_new(vm, &wf_exc_StopIteration, vm->empty_tuple);
        if (!WF_IS_NULL(e)) {
            ((WfException *)e.u.o)->value = out;
            wf_err_restore(vm, e);
        } else {
            wf_decref(vm, out);
        }
    }
    return WF_NULL;
}

static WfValue m_clean(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Failure.cleanFailure", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    wf_failure_clean(vm, self);
    return WF_NONE;
}

static WfValue m_get_error_message(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Failure.getErrorMessage", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    return error_message(vm, WF_FAILURE(self));
}

static int parse_detail(WfVM *vm, WfValue d) {
    if (WF_IS_NULL(d)) return DETAIL_DEFAULT;
    if (wf_is_str(d)) {
        const char *s = WF_STR(d)->data;
        if (strcmp(s, "default") == 0) return DETAIL_DEFAULT;
        if (strcmp(s, "brief") == 0) return DETAIL_BRIEF;
        if (strcmp(s, "verbose") == 0) return DETAIL_VERBOSE;
    }
    WfValue r = wf_repr(vm, d);
    if (WF_IS_NULL(r)) return -1;
    wf_err_format(vm, &wf_exc_ValueError,
                  "Detail must be default, brief, verbose, or verbose-vars-not-captured. (not %s)",
                  WF_STR(r)->data);
    wf_decref(vm, r);
    return -1;
}

/* getTraceback / printTraceback share: (file, elideFrameworkCode, detail). */
static WfValue traceback_common(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw,
                                const char *name, bool print, int forced) {
    static const char *const print_kw[] = {"file", "elideFrameworkCode", "detail", NULL};
    /* printBriefTraceback and printDetailedTraceback take no detail. */
    static const char *const print_forced_kw[] = {"file", "elideFrameworkCode", NULL};
    static const char *const get_kw[] = {"elideFrameworkCode", "detail", NULL};
    WfValue a[3] = {WF_NULL, WF_NULL, WF_NULL};
    WfValue file = WF_NULL, elide_v, detail_v;
    if (print) {
        if (wf_args_bind_py(vm, name, true, args, nargs, kw, forced >= 0 ? print_forced_kw : print_kw, 0, a) < 0)
            return WF_NULL;
        file = a[0];
        elide_v = a[1];
        detail_v = a[2];
    } else {
        if (wf_args_bind_py(vm, name, true, args, nargs, kw, get_kw, 0, a) < 0) return WF_NULL;
        elide_v = a[0];
        detail_v = a[1];
    }
    int elide = WF_IS_NULL(elide_v) ? 0 : wf_truthy(vm, elide_v);
    if (elide < 0) return WF_NULL;
    int detail = forced >= 0 ? forced : parse_detail(vm, detail_v);
    if (detail < 0) return WF_NULL;
    WfBuf b;
    wf_buf_init(&b);
    print_traceback(vm, &b, WF_FAILURE(self), elide, detail);
    WfValue text = wf_buf_finish(vm, &b);
    if (WF_IS_NULL(text) || !print) return text;
    if (WF_IS_NULL(file) || WF_IS_NONE(file)) {
        fflush(stdout);
        int rc = wf_write_stderr(vm, WF_STR(text)->data, (size_t)WF_STR(text)->len);
        wf_decref(vm, text);
        return rc < 0 ? WF_NULL : WF_NONE;
    }
    WfValue r = wf_call_method(vm, file, "write", &text, 1);
    wf_decref(vm, text);
    if (WF_IS_NULL(r)) return r;
    wf_decref(vm, r);
    return WF_NONE;
}

static WfValue m_get_traceback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return traceback_common(vm, self, args, nargs, kw, "Failure.getTraceback", false, -1);
}
static WfValue m_get_brief(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Failure.getBriefTraceback", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    return brief_text(vm, WF_FAILURE(self));
}
static WfValue m_print_traceback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return traceback_common(vm, self, args, nargs, kw, "Failure.printTraceback", true, -1);
}
static WfValue m_print_brief(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return traceback_common(vm, self, args, nargs, kw, "Failure.printBriefTraceback", true, DETAIL_BRIEF);
}
static WfValue m_print_detailed(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return traceback_common(vm, self, args, nargs, kw, "Failure.printDetailedTraceback", true, DETAIL_VERBOSE);
}

static WfValue m_get_tb_object(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Failure.getTracebackObject", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    WfFailure *f = WF_FAILURE(self);
    return f->frames ? wf_ref(WF_OBJ(f->frames)) : WF_NONE;
}

static WfValue m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"exc_value", "exc_type", "exc_tb", "captureVars", NULL};
    WfValue a[4];
    if (wf_args_bind_py(vm, "Failure.__init__", true, args, nargs, kw, kwlist, 0, a) < 0) return WF_NULL;
    int cv = WF_IS_NULL(a[3]) ? 0 : wf_truthy(vm, a[3]);
    if (cv < 0) return WF_NULL;
    if (failure_init(vm, WF_FAILURE(self), a[0], a[1], a[2], cv) < 0) return WF_NULL;
    return WF_NONE;
}

static WfValue failure_new_slot(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    WfFailure *f = failure_alloc(vm, type);
    if (!f) return WF_NULL;
    WfValue self = WF_OBJ(f);
    /* BaseException.__new__ keeps the positional arguments as args. */
    if (nargs) {
        WfValue t = wf_tuple_from_array(vm, args, nargs);
        if (WF_IS_NULL(t)) {
            wf_decref(vm, self);
            return t;
        }
        wf_obj_decref(vm, f->exc.args);
        f->exc.args = t.u.o;
    }
    /* A subclass with its own __init__ gets the arguments there. */
    if ((type->flags & WF_TPFLAG_HEAPTYPE) && !nargs && !kw) return self;
    WfValue r = m_init(vm, self, args, nargs, kw);
    if (WF_IS_NULL(r)) {
        wf_decref(vm, self);
        return r;
    }
    return self;
}

static const WfMethodDef failure_methods[] = {
    {"__init__", m_init, "Initialize me with an explanation of the error."},
    {"check", m_check, "Check if this failure's type is in a predetermined list."},
    {"trap", m_trap, "Trap this failure if its type is in a predetermined list."},
    {"raiseException", m_raise_exception, "raise the original exception, preserving traceback information if available."},
    {"throwExceptionIntoGenerator", m_throw_into_generator, "Throw the original exception into the given generator."},
    {"cleanFailure", m_clean, "Remove references to other objects, replacing them with strings."},
    {"getErrorMessage", m_get_error_message, "Get a string of the exception which caused this Failure."},
    {"getTraceback", m_get_traceback, "The traceback as text."},
    {"getBriefTraceback", m_get_brief, "The traceback as dense text."},
    {"printTraceback", m_print_traceback, "Emulate Python's standard error reporting mechanism."},
    {"printBriefTraceback", m_print_brief, "Print a traceback as densely as possible."},
    {"printDetailedTraceback", m_print_detailed, "Print a traceback with detailed locals and globals information."},
    {"getTracebackObject", m_get_tb_object, "Get an object that represents this Failure's stack."},
    {NULL, NULL, NULL}};

/* ---- attributes ---------------------------------------------------------------------- */

static WfValue or_none(WfValue v) { return WF_IS_NULL(v) ? WF_NONE : wf_ref(v); }

static WfValue get_type(WfVM *vm, WfValue self) { return or_none(WF_FAILURE(self)->type); }
static int set_type(WfVM *vm, WfValue self, WfValue v) {
    set_field(vm, &WF_FAILURE(self)->type, WF_IS_NULL(v) ? WF_NONE : v);
    WfValue p = WF_FAILURE(self)->parents;
    WF_FAILURE(self)->parents = WF_NULL;
    wf_decref(vm, p);
    return 0;
}
static WfValue get_value(WfVM *vm, WfValue self) { return or_none(WF_FAILURE(self)->value); }
static int set_value(WfVM *vm, WfValue self, WfValue v) {
    set_field(vm, &WF_FAILURE(self)->value, WF_IS_NULL(v) ? WF_NONE : v);
    return 0;
}
static WfValue get_tb(WfVM *vm, WfValue self) {
    WfFailure *f = WF_FAILURE(self);
    return f->tb_cleared || !f->frames ? WF_NONE : wf_ref(WF_OBJ(f->frames));
}
static int set_tb(WfVM *vm, WfValue self, WfValue v) {
    WfFailure *f = WF_FAILURE(self);
    if (WF_IS_NULL(v) || WF_IS_NONE(v)) {
        f->tb_cleared = true;
        return 0;
    }
    if (!(WF_IS_OBJ(v) && v.u.o->type == &wf_type_traceback)) {
        wf_err_format(vm, &wf_exc_TypeError, "tb must be a traceback or None");
        return -1;
    }
    set_chain(vm, &f->frames, v.u.o);
    f->tb_cleared = false;
    return 0;
}
static WfValue get_frames(WfVM *vm, WfValue self) {
    WfFailure *f = WF_FAILURE(self);
    return tb_to_list(vm, f->frames, f->pickled != 0);
}
static WfValue get_stack(WfVM *vm, WfValue self) {
    WfFailure *f = WF_FAILURE(self);
    return tb_to_list(vm, f->stack, f->pickled != 0);
}
static WfValue get_parents(WfVM *vm, WfValue self) {
    WfValue p = build_parents(vm, WF_FAILURE(self));
    return WF_IS_NULL(p) ? p : wf_ref(p);
}
static int set_parents(WfVM *vm, WfValue self, WfValue v) {
    set_field(vm, &WF_FAILURE(self)->parents, v);
    return 0;
}
static WfValue get_count(WfVM *vm, WfValue self) { return WF_INT(WF_FAILURE(self)->count); }
static WfValue get_capture_vars(WfVM *vm, WfValue self) { return WF_BOOL(WF_FAILURE(self)->capture_vars); }
static WfValue get_pickled(WfVM *vm, WfValue self) { return WF_INT(WF_FAILURE(self)->pickled); }
static int set_int_field(WfVM *vm, WfValue v, int64_t *out) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_AttributeError, "can't delete attribute");
        return -1;
    }
    return wf_index(vm, v, NULL, out);
}
static int set_count(WfVM *vm, WfValue self, WfValue v) { return set_int_field(vm, v, &WF_FAILURE(self)->count); }
static int set_pickled(WfVM *vm, WfValue self, WfValue v) {
    int64_t n;
    if (set_int_field(vm, v, &n) < 0) return -1;
    WF_FAILURE(self)->pickled = n != 0;
    return 0;
}

static const WfGetSetDef failure_getsets[] = {
    {"type", get_type, set_type},
    {"value", get_value, set_value},
    {"tb", get_tb, set_tb},
    {"frames", get_frames, NULL},
    {"stack", get_stack, NULL},
    {"parents", get_parents, set_parents},
    {"count", get_count, set_count},
    {"captureVars", get_capture_vars, NULL},
    {"pickled", get_pickled, set_pickled},
    {NULL, NULL, NULL}};

/* ---- lifecycle ------------------------------------------------------------------------ */

static void failure_clear_own(WfVM *vm, WfFailure *f) {
    WfValue t = f->type, v = f->value, p = f->parents;
    WfObject *fr = f->frames, *st = f->stack;
    f->type = f->value = f->parents = WF_NULL;
    f->frames = f->stack = NULL;
    wf_decref(vm, t);
    wf_decref(vm, v);
    wf_decref(vm, p);
    wf_obj_xdecref(vm, fr);
    wf_obj_xdecref(vm, st);
}

static void failure_dealloc(WfVM *vm, WfObject *o) {
    failure_clear_own(vm, (WfFailure *)o);
    wf_exc_BaseException.dealloc(vm, o);
}

static void failure_clear(WfVM *vm, WfObject *o) {
    failure_clear_own(vm, (WfFailure *)o);
    wf_exc_BaseException.clear(vm, o);
}

static void failure_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfFailure *f = (WfFailure *)o;
    if (WF_IS_OBJ(f->type)) visit(f->type.u.o, arg);
    if (WF_IS_OBJ(f->value)) visit(f->value.u.o, arg);
    if (WF_IS_OBJ(f->parents)) visit(f->parents.u.o, arg);
    if (f->frames) visit(f->frames, arg);
    if (f->stack) visit(f->stack, arg);
    wf_exc_BaseException.traverse(o, visit, arg);
}

static WfValue failure_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    return wf_exc_BaseException.getattr(vm, obj, name);
}

static int failure_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    return wf_exc_BaseException.setattr(vm, obj, name, v);
}

WfType wf_type_failure = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "Failure",
    .module = "twisted.python.failure",
    .base = &wf_exc_BaseException,
    .flags = WF_TPFLAG_EXC | WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfFailure),
    .dealloc = failure_dealloc,
    .traverse = failure_traverse,
    .clear = failure_clear,
    .repr = failure_repr,
    .str = failure_str,
    .getattr = failure_getattr,
    .setattr = failure_setattr,
    .new_ = failure_new_slot,
    .methods = failure_methods,
    .getsets = failure_getsets,
    .doc = "A basic abstraction for an error that has occurred.",
};

/* ---- the module ---------------------------------------------------------------------- */

int wf_failure_module_init(WfVM *vm, WfValue module) {
    if (wf_module_add(vm, module, "Failure", WF_OBJ(&wf_type_failure)) < 0) return -1;
    WfValue s = wf_str_from_cstr(vm, CAUGHT_HERE);
    if (WF_IS_NULL(s)) return -1;
    int rc = wf_module_add(vm, module, "EXCEPTION_CAUGHT_HERE", s);
    wf_decref(vm, s);
    if (rc < 0 || wf_module_add(vm, module, "traceupLength", WF_INT(WF_FAILURE_TRACEUP)) < 0) return -1;
    return 0;
}

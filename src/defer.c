/* defer.c: twisted.internet.defer's Deferred, succeed / fail /
 * maybeDeferred, DeferredList / gatherResults, the lock, semaphore and
 * queue, as Twisted 22.4's defer.py behaves. A callback loop that meets a
 * Deferred waiting on this one or a waiting generator runs on an engine: an
 * explicit stack of CHAIN frames (run a Deferred's callbacks; one
 * _runCallbacks invocation is a segment, Twisted's `chain`) and GEN frames
 * (resume an inlineCallbacks generator), so Deferreds waiting on Deferreds
 * and generators waiting on generators unwind by pushes and pops, in
 * Twisted's order, with constant C stack. A loop over plain callbacks,
 * nearly all of them, needs none (run_callbacks). Only user callbacks
 * re-enter C. Invariants: an engine frame owns its object; a Deferred with
 * `running` set has a callback in progress, so adding to it only
 * appends. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "defer.h"
#include "code.h"
#include "dict.h"
#include "func.h"
#include "inline.h"
#include "list.h"
#include "type.h"

/* ---- helpers ----------------------------------------------------------------------- */

static bool is_callable(WfValue v) {
    if (!WF_IS_OBJ(v)) return false;
    WfType *t = v.u.o->type;
    return t->call || (t->flags & WF_TPFLAG_TYPE) || t == &wf_type_function || t == &wf_type_native ||
           t == &wf_type_method;
}

static void set_value(WfVM *vm, WfValue *slot, WfValue v) { /* steals v */
    WfValue old = *slot;
    *slot = v;
    wf_decref(vm, old);
}

static WfValue assertion_error(WfVM *vm) {
    WfValue e = wf_exc_new(vm, &wf_exc_AssertionError, vm->empty_tuple);
    if (!WF_IS_NULL(e)) wf_err_restore(vm, e);
    return WF_NULL;
}

/* ---- callback pairs ------------------------------------------------------------------ */

static inline void pair_release(WfVM *vm, WfCbPair *p) {
    if (p->kind <= WF_CB_PY2) {
        wf_obj_xdecref(vm, p->cb);
        wf_obj_xdecref(vm, p->eb);
        wf_decref(vm, p->one);
        wf_obj_xdecref(vm, p->vals);
        wf_obj_xdecref(vm, p->kwnames);
    } else {
        wf_decref(vm, p->data);
    }
}

/* The extra arguments one side of a Python pair takes: n values, the last
 * ones named by kwnames (NULL: none). */
typedef struct SideArgs {
    const WfValue *vals;
    size_t n;
    WfObject *kwnames;
} SideArgs;

static SideArgs side_args(const WfCbPair *p, bool eb) {
    SideArgs a = {NULL, 0, NULL};
    if (p->kind == WF_CB_PY2) {
        WfTuple *t = (WfTuple *)p->vals;
        WfValue v = t->items[eb ? 2 : 0], k = t->items[eb ? 3 : 1];
        a.vals = WF_TUPLE(v)->items;
        a.n = WF_TUPLE(v)->n;
        a.kwnames = WF_IS_OBJ(k) ? k.u.o : NULL;
    } else if (p->args_on & (eb ? WF_CB_ARGS_EB : WF_CB_ARGS_CB)) {
        if (p->vals) {
            a.vals = ((WfTuple *)p->vals)->items;
            a.n = ((WfTuple *)p->vals)->n;
        } else {
            a.vals = &p->one;
            a.n = 1;
        }
        a.kwnames = p->kwnames;
    }
    return a;
}

/* The TypeError of calling a one-argument function name(result) with the
 * extra arguments a as well. */
static void passthru_args_error(WfVM *vm, const char *name, SideArgs a) {
    size_t nkw = a.kwnames ? ((WfTuple *)a.kwnames)->n : 0;
    if (nkw) {
        wf_err_format(vm, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'", name,
                      WF_STR(((WfTuple *)a.kwnames)->items[0])->data);
        return;
    }
    wf_err_format(vm, &wf_exc_TypeError, "%s() takes 1 positional argument but %zu were given", name, a.n + 1);
}

/* Twisted's methods are Python functions: a first parameter given both by
 * position and by name is their TypeError. */
static int dup_argument(WfVM *vm, const char *fname, const char *const *params, size_t nparams, size_t nargs,
                        WfObject *kwnames) {
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    for (size_t k = 0; k < nkw; k++) {
        const char *name = WF_STR(((WfTuple *)kwnames)->items[k])->data;
        for (size_t i = 0; i < nargs && i < nparams; i++)
            if (strcmp(name, params[i]) == 0) {
                wf_err_format(vm, &wf_exc_TypeError, "Deferred.%s() got multiple values for argument '%s'", fname,
                              name);
                return -1;
            }
    }
    return 0;
}

/* A slot at the end of d's pair array for the caller to fill in, or NULL
 * (MemoryError). */
static WfCbPair *pair_append_slow(WfVM *vm, WfDeferred *d) {
    if (d->head > 0) {
        /* Slide the pending pairs down before growing. */
        memmove(d->cbs, d->cbs + d->head, (d->n - d->head) * sizeof *d->cbs);
        d->n -= d->head;
        d->head = 0;
    } else {
        WfCbPair *p;
        uint32_t cap;
        if (!d->cbs) {
            /* Six pairs cover most chains without a second allocation,
             * and the block comes from the allocator's small free lists. */
            cap = 6;
            p = wf_mem_alloc(vm, cap * sizeof *p);
        } else {
            cap = d->cap * 2;
            p = wf_mem_realloc(vm, d->cbs, cap * sizeof *p);
        }
        if (!p) return NULL;
        d->cbs = p;
        d->cap = cap;
    }
    return &d->cbs[d->n++];
}

int wf_deferred_reserve(WfVM *vm, WfDeferred *d) {
    if (!pair_append_slow(vm, d)) return -1;
    d->n--;
    return 0;
}

static inline WfCbPair *pair_append(WfVM *vm, WfDeferred *d) {
    if (d->n < d->cap) return &d->cbs[d->n++];
    return pair_append_slow(vm, d);
}

/* ---- Deferred objects ------------------------------------------------------------------ */

static void debug_capture(WfVM *vm, WfValue *slot, int skip);
static void debug_block(WfVM *vm, WfBuf *b, char letter, const char *title, WfValue text);

static WfDeferred *deferred_alloc(WfVM *vm, WfType *type) {
    size_t size = type->size > sizeof(WfDeferred) ? type->size : sizeof(WfDeferred);
    WfDeferred *d = (WfDeferred *)wf_obj_alloc(vm, type, size);
    if (!d) return NULL;
    /* Zero-filled: every WfValue field is already WF_NULL. */
    WfTwisted *st = wf_twisted_state(vm);
    if (st && st->debug) debug_capture(vm, &d->creator, 0);
    return d;
}

WfValue wf_deferred_new(WfVM *vm) {
    WfDeferred *d = deferred_alloc(vm, &wf_type_deferred);
    return d ? WF_OBJ(d) : WF_NULL;
}

/* "Unhandled error in Deferred:" with the failure's traceback, on stderr in
 * the layout of Twisted's temporary log observer (TWISTED.md 1.10). Runs
 * from dealloc and the cycle collector, possibly while an exception is
 * pending: that one is kept aside. */
static void report_unhandled(WfVM *vm, WfValue failure, WfValue creator, WfValue invoker) {
    WfValue saved = wf_err_fetch(vm);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_puts(vm, &b, "Unhandled error in Deferred:\n");
    if (wf_is_str(creator) || wf_is_str(invoker)) {
        wf_buf_puts(vm, &b, "(debug: ");
        debug_block(vm, &b, 'C', "Deferred was created:", creator);
        debug_block(vm, &b, 'I', "First Invoker was:", invoker);
        wf_buf_puts(vm, &b, ")");
    }
    wf_buf_putc(vm, &b, '\n');
    WfValue tb = wf_failure_traceback_text(vm, failure);
    if (WF_IS_NULL(tb)) {
        wf_err_clear(vm);
    } else {
        wf_buf_append(vm, &b, WF_STR(tb)->data, (size_t)WF_STR(tb)->len);
        wf_decref(vm, tb);
    }
    wf_buf_putc(vm, &b, '\n');
    WfValue text = wf_buf_finish(vm, &b);
    if (!WF_IS_NULL(text)) {
        fflush(stdout);
        wf_write_stderr(vm, WF_STR(text)->data, (size_t)WF_STR(text)->len);
        wf_decref(vm, text);
    }
    wf_err_clear(vm);
    if (!WF_IS_NULL(saved)) wf_err_restore(vm, saved);
}

/* Reports a pending unhandled failure of a dying Deferred (once). */
static void deferred_finalize(WfVM *vm, WfDeferred *d) {
    WfValue f = d->fail_result;
    if (WF_IS_NULL(f)) return;
    d->fail_result = WF_NULL;
    report_unhandled(vm, f, d->creator, d->invoker);
    wf_decref(vm, f);
}

static void deferred_clear_fields(WfVM *vm, WfDeferred *d) {
    WfCbPair *cbs = d->cbs;
    if (cbs) {
        uint32_t head = d->head, n = d->n;
        d->cbs = NULL;
        d->head = d->n = d->cap = 0;
        for (uint32_t i = head; i < n; i++) pair_release(vm, &cbs[i]);
        wf_mem_free(vm, cbs);
    }
    /* Most Deferreds hold only a result: test before the generic loop. */
    WfValue r = d->result;
    d->result = WF_NULL;
    wf_decref(vm, r);
    if ((d->canceller.tag | d->chained_to.tag | d->fail_result.tag | d->creator.tag | d->invoker.tag) ==
        WF_TAG_NULL)
        return;
    WfValue vals[5] = {d->canceller, d->chained_to, d->fail_result, d->creator, d->invoker};
    d->canceller = d->chained_to = d->fail_result = d->creator = d->invoker = WF_NULL;
    for (int i = 0; i < 5; i++) wf_decref(vm, vals[i]);
}

static void deferred_traverse_fields(WfDeferred *d, WfVisitFn visit, void *arg) {
    for (uint32_t i = d->head; i < d->n; i++) {
        WfCbPair *p = &d->cbs[i];
        if (p->kind <= WF_CB_PY2) {
            if (p->cb) visit(p->cb, arg);
            if (p->eb) visit(p->eb, arg);
            if (WF_IS_OBJ(p->one)) visit(p->one.u.o, arg);
            if (p->vals) visit(p->vals, arg);
            if (p->kwnames) visit(p->kwnames, arg);
        } else if (WF_IS_OBJ(p->data)) {
            visit(p->data.u.o, arg);
        }
    }
    WfValue vals[6] = {d->result, d->canceller, d->chained_to, d->fail_result, d->creator, d->invoker};
    for (int i = 0; i < 6; i++)
        if (WF_IS_OBJ(vals[i])) visit(vals[i].u.o, arg);
}

/* The collector calls this on every object of an unreachable cycle
 * before clearing any: the report sees the failure whole. */
static void deferred_finalize_slot(WfVM *vm, WfObject *o) { deferred_finalize(vm, (WfDeferred *)o); }

static void deferred_dealloc(WfVM *vm, WfObject *o) {
    WfDeferred *d = (WfDeferred *)o;
    if (!WF_IS_NULL(d->fail_result)) deferred_finalize(vm, d);
    deferred_clear_fields(vm, d);
    wf_obj_free(vm, o);
}

static void deferred_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    deferred_traverse_fields((WfDeferred *)o, visit, arg);
}

static void deferred_clear(WfVM *vm, WfObject *o) {
    WfDeferred *d = (WfDeferred *)o;
    deferred_finalize(vm, d);
    deferred_clear_fields(vm, d);
}

/* ---- the engine -------------------------------------------------------------------------- */

enum { EF_CHAIN, EF_GEN };

typedef struct EFrame {
    WfObject *obj;       /* CHAIN: the Deferred; GEN: the WfInline; owned */
    WfValue send;        /* GEN: the value to send, or the Failure to throw */
    uint8_t kind;
    bool seg_start;      /* CHAIN: first frame of its segment */
    bool in_call;        /* CHAIN: an INLINE callback of it runs above */
    bool mid_loop;       /* CHAIN: enters inside the pair loop */
    bool in_addboth;     /* GEN: the segment above runs the Deferred the
                            generator just yielded */
} EFrame;

/* Frames that fit without a heap allocation: most engines run one
 * Deferred, or a generator and the Deferred it fires. Kept small because
 * every nested entry (a callback firing another Deferred, an
 * inlineCallbacks call from bytecode) puts one Engine on the C stack. */
#define WF_ENGINE_INLINE_FRAMES 4

typedef struct Engine {
    EFrame *f;
    size_t n, cap;
    EFrame small[WF_ENGINE_INLINE_FRAMES];
} Engine;

static void engine_init(Engine *e) {
    e->f = e->small;
    e->n = 0;
    e->cap = WF_ENGINE_INLINE_FRAMES;
}

static void engine_free(WfVM *vm, Engine *e) {
    if (e->f != e->small) wf_mem_free(vm, e->f);
}

/* Pushes a frame owning obj (a new reference is taken) and send (stolen). */
static int engine_push(WfVM *vm, Engine *e, uint8_t kind, WfObject *obj, WfValue send, bool seg_start) {
    if (e->n == e->cap) {
        size_t cap = e->cap * 2;
        EFrame *nf;
        if (e->f == e->small) {
            nf = wf_mem_alloc(vm, cap * sizeof *nf);
            if (nf) memcpy(nf, e->small, e->n * sizeof *nf);
        } else {
            nf = wf_mem_realloc(vm, e->f, cap * sizeof *nf);
        }
        if (!nf) {
            wf_decref(vm, send);
            return -1;
        }
        e->f = nf;
        e->cap = cap;
    }
    EFrame *fr = &e->f[e->n++];
    wf_obj_incref(obj);
    fr->obj = obj;
    fr->send = send;
    fr->kind = kind;
    fr->seg_start = seg_start;
    fr->in_call = false;
    fr->mid_loop = false;
    fr->in_addboth = false;
    return 0;
}

static void engine_pop(WfVM *vm, Engine *e) {
    EFrame *fr = &e->f[--e->n];
    WfValue send = fr->send;
    WfObject *obj = fr->obj;
    fr->send = WF_NULL;
    wf_decref(vm, send);
    wf_obj_decref(vm, obj);
}

/* Twisted's "warnAboutFunction" for a callback that returned the Deferred
 * it is attached to: a DeprecationWarning, shown because the default
 * filters show them for __main__, once per location. */
static void warn_returned_self(WfVM *vm, WfObject *fn) {
    if (!fn || fn->type != &wf_type_function) return;
    WfFunction *f = (WfFunction *)fn;
    WfValue modname = wf_dict_get_str(f->globals, wf_str_intern_cstr(vm, "__name__"));
    if (!wf_is_str(modname) || strcmp(WF_STR(modname)->data, "__main__") != 0) return;
    WfCode *co = f->code;
    int line = co->firstline;
    for (uint32_t i = 0; i < co->ncode; i++)
        if ((int)co->lines[i] > line) line = (int)co->lines[i];
    WfObject *regkey = wf_str_intern_cstr(vm, "__warningregistry__");
    WfValue reg = wf_dict_get_str(f->globals, regkey);
    if (!wf_is_dict(reg)) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d) || wf_dict_set(vm, f->globals, WF_OBJ(regkey), d) < 0) {
            wf_decref(vm, d);
            wf_err_clear(vm);
            return;
        }
        wf_decref(vm, d);
        reg = wf_dict_get_str(f->globals, regkey);
    }
    WfValue key = WF_INT(line);
    if (!WF_IS_NULL(wf_dict_get(vm, reg, key))) return;
    wf_dict_set(vm, reg, key, WF_TRUE);
    wf_err_clear(vm);
    const char *file = ((WfStr *)co->filename)->data;
    char absbuf[PATH_MAX];
    const char *abs = file[0] == '/' ? NULL : realpath(file, absbuf);
    char src[1024];
    if (!wf_code_source_line(co, line, src, sizeof src)) src[0] = 0;
    WfValue text = wf_str_printf(vm,
                                 "%s:%d: DeprecationWarning: Callback returned the Deferred it was attached to; "
                                 "this breaks the callback chain and will raise an exception in the future.\n  %s\n",
                                 abs ? abs : file, line, src);
    if (WF_IS_NULL(text)) {
        wf_err_clear(vm);
        return;
    }
    fflush(stdout);
    wf_write_stderr(vm, WF_STR(text)->data, (size_t)WF_STR(text)->len);
    wf_err_clear(vm);
    wf_decref(vm, text);
}

static inline WfValue call_fn(WfVM *vm, WfObject *fn, const WfValue *argv, size_t nargs, WfObject *kwnames) {
    /* wf_call's own dispatch and stack check, skipped for the usual case. */
    if (fn->type == &wf_type_function) return wf_vm_call_function(vm, (WfFunction *)fn, argv, nargs, kwnames);
    return wf_call(vm, WF_OBJ(fn), argv, nargs, kwnames);
}

/* fn(result, *a.vals, **kw): a side with two or more extra values. */
static WfValue call_side_args(WfVM *vm, WfObject *fn, WfValue result, SideArgs a) {
    size_t nkw = a.kwnames ? ((WfTuple *)a.kwnames)->n : 0;
    WfValue small[8];
    WfValue *argv = a.n + 1 <= 8 ? small : wf_mem_alloc(vm, (a.n + 1) * sizeof(WfValue));
    if (!argv) return WF_NULL;
    argv[0] = result;
    if (a.n) memcpy(argv + 1, a.vals, a.n * sizeof(WfValue));
    WfValue r = call_fn(vm, fn, argv, a.n + 1 - nkw, nkw ? a.kwnames : NULL);
    if (argv != small) wf_mem_free(vm, argv);
    return r;
}

static void clear_fail_result(WfVM *vm, WfDeferred *d) {
    if (!WF_IS_NULL(d->fail_result)) set_value(vm, &d->fail_result, WF_NULL);
}

/* Takes a Deferred's result as the value of a failed capture: when even the
 * Failure cannot be made (MemoryError), the chain goes on with None. */
static WfValue capture_or_none(WfVM *vm) {
    WfValue f = wf_failure_capture(vm);
    if (WF_IS_NULL(f)) {
        wf_err_clear(vm);
        return WF_NONE;
    }
    return f;
}

/* _startRunCallbacks up to (not including) running the loop: 1 when the
 * loop must run, 0 when the fire was swallowed, -1 on error. Steals
 * result. */
static inline int fire_prepare(WfVM *vm, WfDeferred *d, WfValue result);

/* Pops every frame of the topmost segment. */
static void pop_segment(WfVM *vm, Engine *e) {
    while (e->n) {
        bool start = e->f[e->n - 1].seg_start;
        engine_pop(vm, e);
        if (start) break;
    }
}

/* st's generator ended with value (stolen): fire_prepare on its Deferred
 * d (held by the caller). */
static int inline_fire(WfVM *vm, WfInline *st, WfDeferred *d, WfValue value) {
    /* Nothing can cancel through the status any more: drop the Deferred ->
     * canceller -> status -> Deferred cycle, so a failed Deferred that is
     * dropped is reported at once. */
    if (WF_IS_OBJ(d->canceller) && d->canceller.u.o == &st->ob) set_value(vm, &d->canceller, WF_NULL);
    if (WF_IS_OBJ(value) && !wf_is_failure(value) && wf_is_deferred(value)) {
        wf_decref(vm, value);
        assertion_error(vm);
        return -1;
    }
    return fire_prepare(vm, d, value);
}

/* st's generator ended with value (stolen): fire its Deferred, whose
 * callbacks become a new segment of e. 0 or -1. */
static int inline_finished(WfVM *vm, Engine *e, WfInline *st, WfValue value) {
    WfDeferred *d = wf_inline_deferred(st);
    wf_obj_incref(&d->ob);
    int rc = inline_fire(vm, st, d, value);
    if (rc > 0) rc = engine_push(vm, e, EF_CHAIN, &d->ob, WF_NULL, true);
    wf_obj_decref(vm, &d->ob);
    return rc < 0 ? -1 : 0;
}

/* A callback of d returned the Deferred r (stolen). Twisted's test: when r
 * has a result of its own, d takes it (0); otherwise d pauses and waits on
 * r through a CONTINUE pair (1). */
static int took_deferred(WfVM *vm, WfDeferred *d, WfValue r) {
    WfDeferred *inner = WF_DEFERRED(r);
    if (!inner->called || wf_is_deferred(inner->result) || inner->paused) {
        set_value(vm, &d->result, r);
        d->paused++;
        set_value(vm, &d->chained_to, wf_ref(r));
        WfCbPair *cp = pair_append(vm, inner);
        if (!cp) {
            wf_err_clear(vm);
        } else {
            cp->kind = WF_CB_CONTINUE;
            cp->data = wf_ref(WF_OBJ(d));
        }
        return 1;
    }
    WfValue rr = inner->result;
    inner->result = WF_NONE;
    clear_fail_result(vm, inner);
    set_value(vm, &d->result, rr);
    wf_decref(vm, r);
    return 0;
}

enum { RUN_DONE, RUN_PAUSED, RUN_OTHER, RUN_LOOP };

/* What a popped Python or C pair p did, r being what its function returned
 * (WF_NULL: it raised): r, or the failure, becomes d's result. 1 when r was
 * a Deferred without a result, which d now waits on. */
static inline __attribute__((always_inline)) int pair_result(WfVM *vm, WfDeferred *d, WfCbPair *p, WfObject *fn,
                                                             WfValue r) {
    if (WF_IS_NULL(r)) {
        pair_release(vm, p);
        set_value(vm, &d->result, capture_or_none(vm));
        return 0;
    }
    if (WF_IS_OBJ(r)) {
        if (r.u.o == &d->ob) warn_returned_self(vm, fn);
        pair_release(vm, p);
        if (wf_is_deferred(r)) return took_deferred(vm, d, r);
    } else {
        pair_release(vm, p);
    }
    set_value(vm, &d->result, r);
    return 0;
}

/* Can the dispatch loop run the front pair's function as a frame of its
 * own (wf_defer_loop_next)? A Python function given the result and at
 * most one extra value. */
static inline bool loop_callable(const WfCbPair *p, WfValue res) {
    if (p->kind != WF_CB_PY) return false;
    bool failed = wf_is_failure(res);
    const WfObject *fn = failed ? p->eb : p->cb;
    return fn && fn->type == &wf_type_function && !((p->args_on & (failed ? WF_CB_ARGS_EB : WF_CB_ARGS_CB)) && p->vals);
}

/* Twisted's inner `while current.callbacks` loop over the Python and C
 * pairs at the front of d: RUN_DONE when none are left, RUN_PAUSED when a
 * callback returned a Deferred without a result (d now waits on it),
 * RUN_OTHER at a CONTINUE or INLINE pair, which only the engine runs, and,
 * with `loop`, RUN_LOOP at a pair whose function the dispatch loop runs
 * itself (loop_callable). Inlined into its callers: this is the loop
 * every callback goes through. */
static inline __attribute__((always_inline)) int run_pairs(WfVM *vm, WfDeferred *d, bool loop) {
    while (d->head < d->n) {
        const WfCbPair *slot = &d->cbs[d->head];
        if (slot->kind >= WF_CB_CONTINUE) return RUN_OTHER;
        if (loop && loop_callable(slot, d->result)) return RUN_LOOP;
        /* Popped before the call, as Twisted pops it: the callback may add
         * pairs, which can move the array. */
        WfCbPair p = *slot;
        if (++d->head == d->n) d->head = d->n = 0;
        /* d->result was last written as two halves (set_value): a 16-byte
         * load would wait for them. */
        WfValue res = wf_vload(&d->result), r;
        bool failed = wf_is_failure(res);
        WfObject *fn = NULL;
        if (p.kind == WF_CB_C) {
            /* The callee may replace d.result: hold the argument. */
            wf_incref(res);
            d->running = true;
            r = p.cfn(vm, res, p.data, p.index, failed);
            d->running = false;
            wf_decref(vm, res);
        } else if (!(fn = failed ? p.eb : p.cb)) {
            SideArgs sa = {NULL, 0, NULL};
            if (p.kind == WF_CB_PY2 || (p.args_on & (failed ? WF_CB_ARGS_EB : WF_CB_ARGS_CB)))
                sa = side_args(&p, failed);
            if (sa.n) {
                /* addCallbacks(f, None, errbackArgs=...): Twisted calls
                 * _failthru(failure, *args, **kw), a one-argument
                 * function. */
                passthru_args_error(vm, failed ? "_failthru" : "passthru", sa);
                pair_release(vm, &p);
                set_value(vm, &d->result, capture_or_none(vm));
                continue;
            }
            /* passthru gives the result back: only a Deferred result (one
             * assigned to d.result, or left by unpause) changes anything. */
            if (!wf_is_deferred(res)) {
                pair_release(vm, &p);
                continue;
            }
            r = wf_ref(res);
        } else {
            wf_incref(res);
            d->running = true;
            if (!(p.args_on & (failed ? WF_CB_ARGS_EB : WF_CB_ARGS_CB))) {
                r = call_fn(vm, fn, &res, 1, NULL);
            } else if (!p.vals) {
                /* One extra value, by position or by name. */
                WfValue argv[2] = {res, p.one};
                r = call_fn(vm, fn, argv, p.kwnames ? 1 : 2, p.kwnames);
            } else {
                r = call_side_args(vm, fn, res, side_args(&p, failed));
            }
            d->running = false;
            wf_decref(vm, res);
        }
        if (pair_result(vm, d, &p, fn, r)) return RUN_PAUSED;
    }
    return RUN_DONE;
}

/* Twisted's `if finished:` for d: a Failure result is kept for the
 * unhandled-error report. */
static void chain_finish(WfVM *vm, WfDeferred *d) {
    if (wf_is_failure(d->result)) {
        wf_failure_clean(vm, d->result);
        set_value(vm, &d->fail_result, wf_ref(d->result));
    } else {
        clear_fail_result(vm, d);
    }
}

/* Runs the engine until only `base` frames are left. 0, or -1 with the
 * exception pending that a trampoline at the base raised. */
static int engine_run(WfVM *vm, Engine *e, size_t base) {
    bool raised = false;
    while (e->n > base) {
        EFrame *top = &e->f[e->n - 1];
        if (top->kind == EF_GEN) {
            WfInline *st = (WfInline *)top->obj;
            if (top->in_addboth) {
                top->in_addboth = false;
                if (wf_inline_waiting(st)) {
                    /* The Deferred did not fire during addBoth: suspend. */
                    wf_inline_got_sync(vm, st, WF_NULL);
                    engine_pop(vm, e);
                    continue;
                }
                set_value(vm, &top->send, wf_inline_take_sync(st));
            }
            WfDeferred *wait = NULL;
            WfInlineStep step = wf_inline_step(vm, st, &top->send, &wait);
            top = &e->f[e->n - 1];
            if (step == WF_INLINE_WAIT) {
                engine_pop(vm, e);
            } else if (step == WF_INLINE_ADDBOTH) {
                top->in_addboth = true;
                if (!wait->running && engine_push(vm, e, EF_CHAIN, &wait->ob, WF_NULL, true) < 0) {
                    /* No room to run it now: it runs when next fired or
                     * added to; the generator stays suspended on it. */
                    wf_err_clear(vm);
                }
            } else if (step == WF_INLINE_FINISHED) {
                WfValue value = top->send;
                top->send = WF_NULL;
                wf_obj_incref(&st->ob);
                engine_pop(vm, e);
                if (inline_finished(vm, e, st, value) < 0) raised = true;
                wf_obj_decref(vm, &st->ob);
            } else {
                engine_pop(vm, e);
                raised = true;
            }
            if (raised && e->n == base) break;
            continue;
        }

        /* A CHAIN frame: Twisted's `current = chain[-1]`. */
        WfDeferred *d = (WfDeferred *)top->obj;
        if (top->in_call) {
            /* The INLINE callback (Twisted's gotResult) returned None, or
             * its trampoline raised. */
            top->in_call = false;
            d->running = false;
            set_value(vm, &d->result, raised ? capture_or_none(vm) : WF_NONE);
            raised = false;
        } else if (top->mid_loop) {
            top->mid_loop = false;
        } else {
            if (d->paused) {
                pop_segment(vm, e);
                continue;
            }
            if (!WF_IS_NULL(d->chained_to)) set_value(vm, &d->chained_to, WF_NULL);
        }
        bool finished = true;
        while (run_pairs(vm, d, false) == RUN_OTHER) {
            WfCbPair p = d->cbs[d->head++];
            if (d->head == d->n) d->head = d->n = 0;
            if (p.kind == WF_CB_CONTINUE) {
                /* Give the waiting Deferred our result; forget it here. */
                WfDeferred *chainee = WF_DEFERRED(p.data);
                set_value(vm, &chainee->result, d->result);
                d->result = WF_NONE;
                clear_fail_result(vm, d);
                chainee->paused--;
                int rc = engine_push(vm, e, EF_CHAIN, &chainee->ob, WF_NULL, false);
                pair_release(vm, &p);
                if (rc < 0) {
                    wf_err_clear(vm);
                    break;
                }
                finished = false;
                break;
            }
            /* WF_CB_INLINE */
            WfInline *st = (WfInline *)p.data.u.o;
            if (wf_inline_waiting(st)) {
                /* gotResult while the trampoline is inside addBoth. */
                wf_inline_got_sync(vm, st, d->result);
                set_value(vm, &d->result, WF_NONE);
                pair_release(vm, &p);
                continue;
            }
            WfValue send = wf_ref(d->result);
            d->running = true;
            top->in_call = true;
            int rc = engine_push(vm, e, EF_GEN, &st->ob, send, false);
            pair_release(vm, &p);
            if (rc < 0) {
                top = &e->f[e->n - 1];
                top->in_call = false;
                d->running = false;
                set_value(vm, &d->result, capture_or_none(vm));
                continue;
            }
            finished = false;
            break;
        }
        if (!finished) continue;
        chain_finish(vm, d);
        engine_pop(vm, e);
    }
    return raised ? -1 : 0;
}

/* The rest of d's pair loop, from a CONTINUE or INLINE pair at its front,
 * on an engine. 0, or -1 with the exception a trampoline raised. */
static __attribute__((noinline)) int run_on_engine(WfVM *vm, WfDeferred *d) {
    Engine e;
    engine_init(&e);
    int rc = engine_push(vm, &e, EF_CHAIN, &d->ob, WF_NULL, true);
    if (rc == 0) {
        /* Inside the pair loop already, where Twisted does not look at
         * `paused` again. */
        e.f[0].mid_loop = true;
        rc = engine_run(vm, &e, 0);
    }
    engine_free(vm, &e);
    return rc;
}

/* Twisted's _runCallbacks called from outside the loop. Most chains hold
 * only Python and C pairs and run here without an engine; the first
 * CONTINUE or INLINE pair hands the rest of the loop to one. */
static int run_callbacks(WfVM *vm, WfDeferred *d) {
    if (d->running || d->paused) return 0;
    if (!WF_IS_NULL(d->chained_to)) set_value(vm, &d->chained_to, WF_NULL);
    /* What the engine frame's reference would do: a callback may drop the
     * caller's. */
    wf_obj_incref(&d->ob);
    int rc = 0;
    if (run_pairs(vm, d, false) == RUN_OTHER) rc = run_on_engine(vm, d);
    else chain_finish(vm, d);
    wf_obj_decref(vm, &d->ob);
    return rc;
}

int wf_defer_run_inline(WfVM *vm, WfInline *st, WfValue send, WfDeferred *addboth) {
    Engine e;
    engine_init(&e);
    int rc = engine_push(vm, &e, EF_GEN, &st->ob, send, false);
    if (rc == 0 && addboth) {
        e.f[0].in_addboth = true;
        if (!addboth->running && engine_push(vm, &e, EF_CHAIN, &addboth->ob, WF_NULL, true) < 0) wf_err_clear(vm);
    }
    if (rc == 0) rc = engine_run(vm, &e, 0);
    engine_free(vm, &e);
    return rc;
}

static int run_fired(WfVM *vm, WfDeferred *d);

int wf_defer_inline_finished(WfVM *vm, WfInline *st, WfValue value) {
    /* inline_finished on an engine of its own, whose one segment is what
     * run_callbacks runs (without an engine, usually: the Deferred of a
     * call that finished at once has nothing to run yet). */
    WfDeferred *d = wf_inline_deferred(st);
    wf_obj_incref(&d->ob);
    int rc = inline_fire(vm, st, d, value);
    if (rc > 0) rc = run_fired(vm, d);
    wf_obj_decref(vm, &d->ob);
    return rc < 0 ? -1 : 0;
}

/* ---- firing --------------------------------------------------------------------------- */

static WfValue already_called(WfVM *vm, WfDeferred *d) {
    WfTwisted *st = wf_twisted_state(vm);
    if (st && st->debug) {
        WfBuf b;
        wf_buf_init(&b);
        wf_buf_putc(vm, &b, '\n');
        debug_block(vm, &b, 'C', "Deferred was created:", d->creator);
        debug_block(vm, &b, 'I', "First Invoker was:", d->invoker);
        WfValue msg = wf_buf_finish(vm, &b);
        if (WF_IS_NULL(msg)) return msg;
        wf_twisted_raise(vm, WF_TW_ALREADY_CALLED_ERROR, &msg, 1);
        wf_decref(vm, msg);
        return WF_NULL;
    }
    return wf_twisted_raise(vm, WF_TW_ALREADY_CALLED_ERROR, NULL, 0);
}

static inline int fire_prepare(WfVM *vm, WfDeferred *d, WfValue result) {
    if (d->called) {
        wf_decref(vm, result);
        if (d->suppress_already_called) {
            d->suppress_already_called = false;
            return 0;
        }
        already_called(vm, d);
        return -1;
    }
    WfTwisted *st = wf_twisted_state(vm);
    if (st && st->debug) debug_capture(vm, &d->invoker, 0);
    d->called = true;
    set_value(vm, &d->result, result);
    return 1;
}

/* _startRunCallbacks after fire_prepare. */
static int run_fired(WfVM *vm, WfDeferred *d) {
    if (d->head == d->n && !d->paused && !d->running) {
        /* Nothing to run (succeed, fail): only the end of the loop. */
        if (wf_is_failure(d->result)) {
            wf_failure_clean(vm, d->result);
            set_value(vm, &d->fail_result, wf_ref(d->result));
        }
        return 0;
    }
    return run_callbacks(vm, d);
}

/* _startRunCallbacks: steals result. */
static inline int start_run(WfVM *vm, WfDeferred *d, WfValue result) {
    int rc = fire_prepare(vm, d, result);
    if (rc <= 0) return rc;
    return run_fired(vm, d);
}

int wf_deferred_callback(WfVM *vm, WfValue dv, WfValue v) {
    if (!wf_is_failure(v) && wf_is_deferred(v)) {
        assertion_error(vm);
        return -1;
    }
    return start_run(vm, WF_DEFERRED(dv), wf_ref(v));
}

/* ---- firing from the dispatch loop ---------------------------------------------------- */

int wf_defer_loop_fire(WfVM *vm, WfDeferred *d, WfValue v) {
    if (!wf_is_failure(v) && wf_is_deferred(v)) {
        assertion_error(vm);
        return -1;
    }
    int rc = fire_prepare(vm, d, wf_ref(v));
    if (rc <= 0) return rc;
    /* run_callbacks's start: nothing runs while d is running or paused. */
    if (d->running || d->paused) return 0;
    if (!WF_IS_NULL(d->chained_to)) set_value(vm, &d->chained_to, WF_NULL);
    return 1;
}

/* The pair loop as run_callbacks runs it, up to the next pair whose
 * function the dispatch loop runs as a frame of its own. That pair stays
 * at d's head while it runs (adds during the call append behind it, and a
 * slide of the array keeps it at the head), marked with the side it
 * runs. */
int wf_defer_loop_next(WfVM *vm, WfDeferred *d, WfDeferCall *call) {
    int k = run_pairs(vm, d, true);
    if (k == RUN_LOOP) {
        WfCbPair *p = &d->cbs[d->head];
        bool failed = wf_is_failure(d->result);
        WfObject *fn = failed ? p->eb : p->cb;
        wf_obj_incref(fn);
        call->fn = fn;
        call->args[0] = wf_ref(d->result);
        call->npos = 1;
        call->kwnames = NULL;
        if (p->args_on & (failed ? WF_CB_ARGS_EB : WF_CB_ARGS_CB)) {
            call->args[1] = wf_ref(p->one);
            if (p->kwnames) {
                wf_obj_incref(p->kwnames);
                call->kwnames = p->kwnames;
            } else {
                call->npos = 2;
            }
        }
        if (failed) p->args_on |= WF_CB_RAN_EB;
        d->running = true;
        return 1;
    }
    if (k == RUN_OTHER) return run_on_engine(vm, d) < 0 ? -1 : 0;
    chain_finish(vm, d);
    return 0;
}

int wf_defer_loop_returned(WfVM *vm, WfDeferred *d, WfValue r, WfDeferCall *call) {
    WfCbPair p = d->cbs[d->head];
    if (++d->head == d->n) d->head = d->n = 0;
    d->running = false;
    if (pair_result(vm, d, &p, (p.args_on & WF_CB_RAN_EB) ? p.eb : p.cb, r)) {
        chain_finish(vm, d);
        return 0;
    }
    return wf_defer_loop_next(vm, d, call);
}

/* errback's argument as a Failure (a new reference). */
static WfValue as_failure(WfVM *vm, WfValue f) {
    if (WF_IS_NULL(f) || WF_IS_NONE(f)) return wf_failure_from_handled(vm);
    if (wf_is_failure(f)) return wf_ref(f);
    return wf_failure_new(vm, f);
}

int wf_deferred_errback(WfVM *vm, WfValue dv, WfValue f) {
    WfValue fail = as_failure(vm, f);
    if (WF_IS_NULL(fail)) return -1;
    return start_run(vm, WF_DEFERRED(dv), fail);
}

WfValue wf_succeed(WfVM *vm, WfValue v) {
    WfValue d = wf_deferred_new(vm);
    if (WF_IS_NULL(d)) return d;
    WfTwisted *st = wf_twisted_state(vm);
    if (!(st && st->debug) && !(WF_IS_OBJ(v) && (wf_is_failure(v) || wf_is_deferred(v)))) {
        /* callback(v) on a Deferred with no callbacks only stores v. */
        WfDeferred *dd = WF_DEFERRED(d);
        dd->called = true;
        dd->result = wf_ref(v);
        return d;
    }
    if (wf_deferred_callback(vm, d, v) < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

WfValue wf_fail(WfVM *vm, WfValue f) {
    WfValue d = wf_deferred_new(vm);
    if (WF_IS_NULL(d)) return d;
    if (wf_deferred_errback(vm, d, f) < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

/* ---- adding callbacks --------------------------------------------------------------------- */

/* After appending: run the chain if d has fired (addCallbacks' tail). */
static int added(WfVM *vm, WfDeferred *d) {
    if (d->called) return run_callbacks(vm, d);
    return 0;
}

int wf_deferred_add_c(WfVM *vm, WfValue dv, WfDeferredCFn fn, WfValue data, int64_t index) {
    WfDeferred *d = WF_DEFERRED(dv);
    WfCbPair *p = pair_append(vm, d);
    if (!p) return -1;
    p->kind = WF_CB_C;
    p->cfn = fn;
    p->data = wf_ref(data);
    p->index = index;
    return added(vm, d);
}

int wf_deferred_prepend_c(WfVM *vm, WfValue dv, WfDeferredCFn fn, WfValue data) {
    WfDeferred *d = WF_DEFERRED(dv);
    if (!pair_append(vm, d)) return -1;
    WfCbPair *first = &d->cbs[d->head];
    memmove(first + 1, first, (d->n - 1 - d->head) * sizeof *first);
    first->kind = WF_CB_C;
    first->index = 0;
    first->cfn = fn;
    first->data = wf_ref(data);
    return 0;
}

int wf_deferred_add_inline(WfVM *vm, WfDeferred *d, WfInline *st) {
    WfCbPair *p = pair_append(vm, d);
    if (!p) return -1;
    p->kind = WF_CB_INLINE;
    p->data = wf_ref(WF_OBJ(st));
    return 0;
}

/* A Python pair of cb and eb (NULL: passthru) without extra arguments;
 * takes new references. */
static inline WfCbPair py_pair(WfObject *cb, WfObject *eb) {
    if (cb) wf_obj_incref(cb);
    if (eb) wf_obj_incref(eb);
    return (WfCbPair){.cb = cb, .eb = eb, .one = WF_NULL, .vals = NULL, .kwnames = NULL, .kind = WF_CB_PY};
}

/* Appends a complete pair (its references move to d); releases it when
 * there is no room. Pairs are built before they are appended: building
 * one allocates, and a collection run then could see a half-made slot or
 * (through __del__) move the array under it. 0 or -1. */
static int append_pair(WfVM *vm, WfDeferred *d, WfCbPair *np) {
    WfCbPair *p = pair_append(vm, d);
    if (!p) {
        pair_release(vm, np);
        return -1;
    }
    *p = *np;
    return 0;
}

int wf_deferred_add_callbacks(WfVM *vm, WfValue dv, WfValue cb, WfValue eb) {
    WfDeferred *d = WF_DEFERRED(dv);
    WfCbPair np = py_pair(cb.u.o, WF_IS_NULL(eb) ? NULL : eb.u.o);
    if (append_pair(vm, d, &np) < 0) return -1;
    return added(vm, d);
}

/* Splits a kwargs mapping into interned names and values appended to vals
 * (a list). Returns the names tuple (new ref), WF_NONE when empty, WF_NULL
 * on error. */
static WfValue split_kwargs(WfVM *vm, WfValue kw, WfValue vals) {
    if (WF_IS_NULL(kw) || WF_IS_NONE(kw)) return WF_NONE;
    WfValue d = kw;
    bool own = false;
    if (!wf_is_dict(kw)) {
        d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return d;
        own = true;
        if (wf_dict_update(vm, d, kw) < 0) {
            wf_decref(vm, d);
            return WF_NULL;
        }
    }
    int64_t n = wf_dict_len(d);
    if (n == 0) {
        if (own) wf_decref(vm, d);
        return WF_NONE;
    }
    WfValue names = wf_tuple_new(vm, (size_t)n);
    if (WF_IS_NULL(names)) goto fail;
    size_t pos = 0, i = 0;
    WfValue k, v;
    while (wf_dict_next(d, &pos, &k, &v)) {
        if (!wf_is_str(k)) {
            WF_TUPLE(names)->items[i++] = WF_NONE;
            while (i < (size_t)n) WF_TUPLE(names)->items[i++] = WF_NONE;
            wf_decref(vm, names);
            wf_err_format(vm, &wf_exc_TypeError, "keywords must be strings");
            goto fail;
        }
        WfObject *in = wf_str_intern(vm, WF_STR(k)->data, (size_t)WF_STR(k)->len);
        if (!in || wf_list_append(vm, vals, v) < 0) {
            while (i < (size_t)n) WF_TUPLE(names)->items[i++] = WF_NONE;
            wf_decref(vm, names);
            goto fail;
        }
        WF_TUPLE(names)->items[i++] = wf_ref(WF_OBJ(in));
    }
    if (own) wf_decref(vm, d);
    return names;
fail:
    if (own) wf_decref(vm, d);
    return WF_NULL;
}

/* addCallbacks' (args, kw) for one side: *vals the tuple of the
 * positional then the keyword values, *names the tuple of the keywords or
 * WF_NONE. 0 or -1. */
static int args_from_objects(WfVM *vm, WfValue args, WfValue kw, WfValue *vals, WfValue *names) {
    WfValue l = wf_list_new(vm, 4);
    if (WF_IS_NULL(l)) return -1;
    if (!WF_IS_NULL(args) && !WF_IS_NONE(args) && wf_list_extend(vm, l, args) < 0) {
        wf_decref(vm, l);
        return -1;
    }
    *names = split_kwargs(vm, kw, l);
    if (WF_IS_NULL(*names)) {
        wf_decref(vm, l);
        return -1;
    }
    *vals = wf_list_as_tuple(vm, l);
    wf_decref(vm, l);
    if (WF_IS_NULL(*vals)) {
        wf_decref(vm, *names);
        return -1;
    }
    return 0;
}

/* Gives the sides `on` of p the extra values vals (a tuple, not empty)
 * named at the end by names (a tuple or WF_NONE). */
static void set_args(WfCbPair *p, uint8_t on, WfValue vals, WfValue names) {
    if (WF_TUPLE(vals)->n == 1) p->one = wf_ref(WF_TUPLE(vals)->items[0]);
    else p->vals = wf_ref(vals).u.o;
    if (!WF_IS_NONE(names)) p->kwnames = wf_ref(names).u.o;
    p->args_on = on;
}

/* Gives the sides `on` of p the extra arguments of a call's own (*args,
 * **kw): args[from..nargs) positional, then the keyword values named by
 * kwnames (except skip_kw, the index of a keyword that named the function
 * itself, or -1). 0, or -1 with what was set still owned by p. */
static int args_from_call(WfVM *vm, WfCbPair *p, uint8_t on, const WfValue *args, size_t from, size_t nargs,
                          WfObject *kwnames, int skip_kw) {
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    size_t npos = nargs > from ? nargs - from : 0;
    size_t nnamed = nkw - (skip_kw >= 0 ? 1 : 0);
    size_t nvals = npos + nnamed;
    if (!nvals) return 0;
    p->args_on = on;
    if (nvals == 1) {
        size_t at = npos ? from : nargs + (skip_kw == 0 ? 1 : 0);
        p->one = wf_ref(args[at]);
    } else {
        WfValue t = wf_tuple_new(vm, nvals);
        if (WF_IS_NULL(t)) return -1;
        size_t j = 0;
        for (size_t i = from; i < nargs; i++) WF_TUPLE(t)->items[j++] = wf_ref(args[i]);
        for (size_t k = 0; k < nkw; k++)
            if ((int)k != skip_kw) WF_TUPLE(t)->items[j++] = wf_ref(args[nargs + k]);
        p->vals = t.u.o;
    }
    if (!nnamed) return 0;
    if (skip_kw < 0) {
        wf_obj_incref(kwnames);
        p->kwnames = kwnames;
        return 0;
    }
    WfValue kn = wf_tuple_new(vm, nnamed);
    if (WF_IS_NULL(kn)) return -1;
    size_t m = 0;
    for (size_t k = 0; k < nkw; k++)
        if ((int)k != skip_kw) WF_TUPLE(kn)->items[m++] = wf_ref(((WfTuple *)kwnames)->items[k]);
    p->kwnames = kn.u.o;
    return 0;
}

/* The first argument of addCallback(f, *a, **kw), which may come by name
 * ("callback" / "errback"). Sets *fn and *skip_kw. */
static int first_arg(WfVM *vm, const char *fname, const char *argname, const WfValue *args, size_t nargs,
                     WfObject *kwnames, WfValue *fn, int *skip_kw) {
    *skip_kw = -1;
    if (nargs) {
        *fn = args[0];
        return 0;
    }
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    for (size_t k = 0; k < nkw; k++)
        if (strcmp(WF_STR(((WfTuple *)kwnames)->items[k])->data, argname) == 0) {
            *fn = args[k];
            *skip_kw = (int)k;
            return 0;
        }
    wf_err_format(vm, &wf_exc_TypeError, "Deferred.%s() missing 1 required positional argument: '%s'", fname,
                  argname);
    return -1;
}

enum { ADD_CALLBACK, ADD_ERRBACK, ADD_BOTH };

static WfValue add_common(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames,
                          int which) {
    static const char *const names[] = {"addCallback", "addErrback", "addBoth"};
    static const char *const argnames[] = {"callback", "errback", "callback"};
    static const uint8_t sides[] = {WF_CB_ARGS_CB, WF_CB_ARGS_EB, WF_CB_ARGS_CB | WF_CB_ARGS_EB};
    WfValue fn;
    int skip = -1;
    if (dup_argument(vm, names[which], &argnames[which], 1, nargs, kwnames) < 0) return WF_NULL;
    if (nargs) fn = args[0];
    else if (first_arg(vm, names[which], argnames[which], args, nargs, kwnames, &fn, &skip) < 0) return WF_NULL;
    WfDeferred *d = WF_DEFERRED(self);
    WfCbPair np;
    if (which == ADD_ERRBACK && WF_IS_NONE(fn)) {
        /* addErrback(None) is addCallbacks(passthru, None): None means the
         * default errback there. */
        np = py_pair(NULL, NULL);
    } else {
        if (!is_callable(fn)) return assertion_error(vm);
        np = py_pair(which != ADD_ERRBACK ? fn.u.o : NULL, which != ADD_CALLBACK ? fn.u.o : NULL);
        if (!kwnames && nargs <= 2) {
            /* The common shapes, f and f(x): nothing to allocate. */
            if (nargs == 2) {
                np.one = wf_ref(args[1]);
                np.args_on = sides[which];
            }
        } else if (args_from_call(vm, &np, sides[which], args, nargs ? 1 : 0, nargs, kwnames, skip) < 0) {
            pair_release(vm, &np);
            return WF_NULL;
        }
    }
    if (append_pair(vm, d, &np) < 0) return WF_NULL;
    if (d->called && run_callbacks(vm, d) < 0) return WF_NULL;
    return wf_ref(self);
}

/* The end of an add to a Deferred that has fired: run what was added. */
static __attribute__((noinline)) WfValue add_then_run(WfVM *vm, WfValue self) {
    if (run_callbacks(vm, WF_DEFERRED(self)) < 0) return WF_NULL;
    return wf_ref(self);
}

static WfValue add_grow(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames, int which);

/* add_common for the shapes nearly every call has, f, f(x) and f(k=x) with
 * f a Python function, inlined into each method: the pair is written in
 * place. The rest (other shapes, growing the pair array, running the
 * callbacks of a fired Deferred) is out of line, which keeps this path's
 * register saves few. */
static inline __attribute__((always_inline)) WfValue add_fast(WfVM *vm, WfValue self, const WfValue *args,
                                                              size_t nargs, WfObject *kwnames, int which) {
    WfDeferred *d = WF_DEFERRED(self);
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    if (nargs == 0 || nargs + nkw > 2 || !WF_IS_OBJ(args[0]) || args[0].u.o->type != &wf_type_function)
        return add_common(vm, self, args, nargs, kwnames, which);
    if (nkw) {
        /* addCallback(f, callback=g): add_common raises Twisted's error. */
        const char *kn = WF_STR(((WfTuple *)kwnames)->items[0])->data;
        if (kn[0] == 'c' || kn[0] == 'e') return add_common(vm, self, args, nargs, kwnames, which);
    }
    if (d->n >= d->cap) return add_grow(vm, self, args, nargs, kwnames, which);
    WfObject *fn = args[0].u.o;
    WfObject *kwstore = nkw ? kwnames : NULL;
    if (kwstore) {
        /* f(result, k=x) with k f's second parameter binds as f(result, x)
         * does: stored so, the call binds by position. */
        const WfCode *co = ((WfFunction *)fn)->code;
        if ((co->flags & WF_CO_SIMPLE) && co->argcount >= 2 && co->varnames[1] == ((WfTuple *)kwnames)->items[0].u.o)
            kwstore = NULL;
    }
    wf_deferred_put_pair(d, fn, nargs + nkw == 2 ? args[1] : WF_NULL, kwstore,
                         which == ADD_CALLBACK   ? WF_CB_ARGS_CB
                         : which == ADD_ERRBACK ? WF_CB_ARGS_EB
                                                : WF_CB_ARGS_CB | WF_CB_ARGS_EB);
    if (d->called) return add_then_run(vm, self);
    wf_obj_incref(&d->ob);
    return self;
}

/* add_fast when d's pair array is full: make room, then add. */
static __attribute__((noinline)) WfValue add_grow(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                                  WfObject *kwnames, int which) {
    if (wf_deferred_reserve(vm, WF_DEFERRED(self)) < 0) return WF_NULL;
    return add_fast(vm, self, args, nargs, kwnames, which);
}

static WfValue m_add_callback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return add_fast(vm, self, args, nargs, kw, ADD_CALLBACK);
}
static WfValue m_add_errback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return add_fast(vm, self, args, nargs, kw, ADD_ERRBACK);
}
static WfValue m_add_both(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return add_fast(vm, self, args, nargs, kw, ADD_BOTH);
}

static WfValue m_add_callbacks(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"callback", "errback", "callbackArgs", "callbackKeywords",
                                         "errbackArgs", "errbackKeywords", NULL};
    WfValue a[6];
    if (dup_argument(vm, "addCallbacks", kwlist, 6, nargs, kw) < 0) return WF_NULL;
    if (wf_args_bind_py(vm, "Deferred.addCallbacks", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    WfValue cb = a[0];
    WfValue eb = WF_IS_NULL(a[1]) || WF_IS_NONE(a[1]) ? WF_NULL : a[1];
    if (!is_callable(cb)) return assertion_error(vm);
    if (!WF_IS_NULL(eb) && !is_callable(eb)) return assertion_error(vm);
    WfValue cv, cn, ev, en;
    if (args_from_objects(vm, a[2], a[3], &cv, &cn) < 0) return WF_NULL;
    if (args_from_objects(vm, a[4], a[5], &ev, &en) < 0) {
        wf_decref(vm, cv);
        wf_decref(vm, cn);
        return WF_NULL;
    }
    WfCbPair np = py_pair(cb.u.o, WF_IS_NULL(eb) ? NULL : eb.u.o);
    int rc = 0;
    if (WF_TUPLE(cv)->n && WF_TUPLE(ev)->n) {
        WfValue t = wf_tuple_pack(vm, 4, cv, cn, ev, en);
        if (WF_IS_NULL(t)) {
            rc = -1;
        } else {
            np.kind = WF_CB_PY2;
            np.args_on = WF_CB_ARGS_CB | WF_CB_ARGS_EB;
            np.vals = t.u.o;
        }
    } else if (WF_TUPLE(cv)->n) {
        set_args(&np, WF_CB_ARGS_CB, cv, cn);
    } else if (WF_TUPLE(ev)->n) {
        set_args(&np, WF_CB_ARGS_EB, ev, en);
    }
    wf_decref(vm, cv);
    wf_decref(vm, cn);
    wf_decref(vm, ev);
    wf_decref(vm, en);
    if (rc < 0) {
        pair_release(vm, &np);
        return WF_NULL;
    }
    WfDeferred *d = WF_DEFERRED(self);
    if (append_pair(vm, d, &np) < 0 || added(vm, d) < 0) return WF_NULL;
    return wf_ref(self);
}

/* ---- other methods ----------------------------------------------------------------------- */

/* The parameter list of a method that takes none (for wf_args_bind_py). */
static const char *const no_params[] = {NULL};

WfValue wf_deferred_m_callback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"result", NULL};
    WfValue a[1];
    if (nargs == 1 && !kw) a[0] = args[0];
    else if (wf_args_bind_py(vm, "Deferred.callback", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    return wf_deferred_callback(vm, self, a[0]) < 0 ? WF_NULL : WF_NONE;
}

static WfValue m_errback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"fail", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "Deferred.errback", true, args, nargs, kw, kwlist, 0, a) < 0) return WF_NULL;
    return wf_deferred_errback(vm, self, a[0]) < 0 ? WF_NULL : WF_NONE;
}

static WfValue m_pause(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Deferred.pause", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    WF_DEFERRED(self)->paused++;
    return WF_NONE;
}

static WfValue m_unpause(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Deferred.unpause", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    WfDeferred *d = WF_DEFERRED(self);
    d->paused--;
    if (d->paused) return WF_NONE;
    if (d->called && run_callbacks(vm, d) < 0) return WF_NULL;
    return WF_NONE;
}

/* Deferred.cancel itself; wf_deferred_cancel dispatches to overrides. */
static int deferred_cancel_impl(WfVM *vm, WfValue self) {
    WfDeferred *d = WF_DEFERRED(self);
    if (!d->called) {
        if (!WF_IS_NULL(d->canceller) && !WF_IS_NONE(d->canceller)) {
            WfValue c = wf_ref(d->canceller);
            WfValue r = wf_call1(vm, c, self);
            wf_decref(vm, c);
            if (WF_IS_NULL(r)) return -1;
            wf_decref(vm, r);
        } else {
            d->suppress_already_called = true;
        }
        if (!d->called) {
            WfValue e = wf_twisted_exc_new(vm, WF_TW_CANCELLED_ERROR, NULL, 0);
            if (WF_IS_NULL(e)) return -1;
            WfValue f = wf_failure_new(vm, e);
            wf_decref(vm, e);
            if (WF_IS_NULL(f)) return -1;
            return start_run(vm, d, f);
        }
        return 0;
    }
    if (wf_is_deferred(d->result)) {
        WfValue inner = wf_ref(d->result);
        int rc = wf_deferred_cancel(vm, inner);
        wf_decref(vm, inner);
        return rc;
    }
    return 0;
}

/* d.cancel() as Twisted calls it, through the object, so DeferredList's
 * and subclasses' overrides run. */
int wf_deferred_cancel(WfVM *vm, WfValue self) {
    if (self.u.o->type == &wf_type_deferred) return deferred_cancel_impl(vm, self);
    WfValue r = wf_call_method(vm, self, "cancel", NULL, 0);
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}

static WfValue m_cancel(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "Deferred.cancel", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    return deferred_cancel_impl(vm, self) < 0 ? WF_NULL : WF_NONE;
}

static WfValue m_chain_deferred(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"d", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "Deferred.chainDeferred", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    WfValue other = a[0];
    WfValue cb = wf_getattr_cstr(vm, other, "callback");
    if (WF_IS_NULL(cb)) return cb;
    WfValue eb = wf_getattr_cstr(vm, other, "errback");
    if (WF_IS_NULL(eb)) {
        wf_decref(vm, cb);
        return eb;
    }
    if (wf_is_deferred(other)) set_value(vm, &WF_DEFERRED(other)->chained_to, wf_ref(self));
    int rc = wf_deferred_add_callbacks(vm, self, cb, eb);
    wf_decref(vm, cb);
    wf_decref(vm, eb);
    return rc < 0 ? WF_NULL : wf_ref(self);
}

static WfValue m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"canceller", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "Deferred.__init__", true, args, nargs, kw, kwlist, 0, a) < 0) return WF_NULL;
    WfDeferred *d = WF_DEFERRED(self);
    set_value(vm, &d->canceller, WF_IS_NULL(a[0]) || WF_IS_NONE(a[0]) ? WF_NULL : wf_ref(a[0]));
    return WF_NONE;
}

static WfValue deferred_new_slot(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    WfDeferred *d = deferred_alloc(vm, type);
    if (!d) return WF_NULL;
    WfValue self = WF_OBJ(d);
    /* Deferred() with no canceller: nothing for __init__ to do. */
    if (!nargs && !kw) return self;
    WfValue r = m_init(vm, self, args, nargs, kw);
    if (WF_IS_NULL(r)) {
        wf_decref(vm, self);
        return r;
    }
    return self;
}

/* ---- addTimeout --------------------------------------------------------------------------- */

/* The state addTimeout's three closures share (timeItOut, convertCancelled,
 * cancelTimeout in defer.py). */
typedef struct TimeoutState {
    WfObject ob;
    WfValue deferred, call, timeout, on_cancel;
    bool timed_out;
} TimeoutState;

static void timeout_clear(WfVM *vm, WfObject *o) {
    TimeoutState *t = (TimeoutState *)o;
    WfValue v[4] = {t->deferred, t->call, t->timeout, t->on_cancel};
    t->deferred = t->call = t->timeout = t->on_cancel = WF_NULL;
    for (int i = 0; i < 4; i++) wf_decref(vm, v[i]);
}
static void timeout_dealloc(WfVM *vm, WfObject *o) {
    timeout_clear(vm, o);
    wf_obj_free(vm, o);
}
static void timeout_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    TimeoutState *t = (TimeoutState *)o;
    WfValue v[4] = {t->deferred, t->call, t->timeout, t->on_cancel};
    for (int i = 0; i < 4; i++)
        if (WF_IS_OBJ(v[i])) visit(v[i].u.o, arg);
}
static WfType timeout_state_type = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "_TimeoutState",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(TimeoutState),
    .dealloc = timeout_dealloc,
    .traverse = timeout_traverse,
    .clear = timeout_clear,
};

static WfValue time_it_out(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    TimeoutState *t = (TimeoutState *)self.u.o;
    t->timed_out = true;
    if (WF_IS_NULL(t->deferred)) return WF_NONE;
    WfValue d = wf_ref(t->deferred);
    int rc = wf_deferred_cancel(vm, d);
    wf_decref(vm, d);
    return rc < 0 ? WF_NULL : WF_NONE;
}
static const WfMethodDef time_it_out_def = {"timeItOut", time_it_out, NULL};

static WfValue convert_cancelled(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    TimeoutState *t = (TimeoutState *)data.u.o;
    if (!t->timed_out) return wf_ref(result);
    if (!WF_IS_NULL(t->on_cancel) && !WF_IS_NONE(t->on_cancel)) {
        WfValue a[2] = {result, t->timeout};
        return wf_call(vm, t->on_cancel, a, 2, NULL);
    }
    /* _cancelledToTimedOutError */
    if (!wf_is_failure(result)) return wf_ref(result);
    WfValue ce = WF_OBJ(wf_twisted_class(vm, WF_TW_CANCELLED_ERROR));
    WfValue trap = wf_getattr_cstr(vm, result, "trap");
    if (WF_IS_NULL(trap)) return trap;
    WfValue r = wf_call1(vm, trap, ce);
    wf_decref(vm, trap);
    if (WF_IS_NULL(r)) return r;
    wf_decref(vm, r);
    WfValue targs[2] = {t->timeout, WF_NULL};
    targs[1] = wf_str_from_cstr(vm, "Deferred");
    if (WF_IS_NULL(targs[1])) return WF_NULL;
    wf_twisted_raise(vm, WF_TW_TIMEOUT_ERROR, targs, 2);
    wf_decref(vm, targs[1]);
    return WF_NULL;
}

static WfValue cancel_timeout(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    TimeoutState *t = (TimeoutState *)data.u.o;
    WfValue active = wf_call_method(vm, t->call, "active", NULL, 0);
    if (WF_IS_NULL(active)) return active;
    int on = wf_truthy(vm, active);
    wf_decref(vm, active);
    if (on < 0) return WF_NULL;
    if (on) {
        WfValue r = wf_call_method(vm, t->call, "cancel", NULL, 0);
        if (WF_IS_NULL(r)) return r;
        wf_decref(vm, r);
    }
    /* The timer is done with: drop the cycle deferred -> pair -> state. */
    set_value(vm, &t->deferred, WF_NULL);
    return wf_ref(result);
}

static WfValue m_add_timeout(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"timeout", "clock", "onTimeoutCancel", NULL};
    WfValue a[3];
    if (wf_args_bind_py(vm, "Deferred.addTimeout", true, args, nargs, kw, kwlist, 2, a) < 0) return WF_NULL;
    TimeoutState *t = (TimeoutState *)wf_obj_alloc(vm, &timeout_state_type, sizeof(TimeoutState));
    if (!t) return WF_NULL;
    WfValue tv = WF_OBJ(t);
    t->deferred = wf_ref(self);
    t->timeout = wf_ref(a[0]);
    t->on_cancel = WF_IS_NULL(a[2]) ? WF_NULL : wf_ref(a[2]);
    t->call = WF_NULL;
    WfValue fn = wf_native_new(vm, &time_it_out_def, tv);
    if (WF_IS_NULL(fn)) goto fail;
    WfValue largs[2] = {a[0], fn};
    WfValue later = wf_getattr_cstr(vm, a[1], "callLater");
    WfValue call = WF_IS_NULL(later) ? later : wf_call(vm, later, largs, 2, NULL);
    wf_decref(vm, later);
    wf_decref(vm, fn);
    if (WF_IS_NULL(call)) goto fail;
    t->call = call;
    if (wf_deferred_add_c(vm, self, convert_cancelled, tv, 0) < 0) goto fail;
    if (wf_deferred_add_c(vm, self, cancel_timeout, tv, 0) < 0) goto fail;
    wf_decref(vm, tv);
    return wf_ref(self);
fail:
    wf_decref(vm, tv);
    return WF_NULL;
}

/* ---- str, attributes -------------------------------------------------------------------- */

static WfValue deferred_repr(WfVM *vm, WfValue self) {
    WfDeferred *d = WF_DEFERRED(self);
    const char *cname = d->ob.type->name;
    if (!WF_IS_NULL(d->chained_to) && !WF_IS_NONE(d->chained_to))
        return wf_str_printf(vm, "<%s at 0x%llx waiting on Deferred at 0x%llx>", cname,
                             (unsigned long long)(uintptr_t)d, (unsigned long long)(uintptr_t)d->chained_to.u.o);
    if (WF_IS_NULL(d->result)) return wf_str_printf(vm, "<%s at 0x%llx>", cname, (unsigned long long)(uintptr_t)d);
    int busy = wf_repr_enter(vm, &d->ob);
    if (busy < 0) return WF_NULL;
    if (busy)
        return wf_str_printf(vm, "<%s at 0x%llx current result: ...>", cname, (unsigned long long)(uintptr_t)d);
    WfValue r = wf_repr(vm, d->result);
    wf_repr_leave(vm, &d->ob);
    if (WF_IS_NULL(r)) return r;
    WfValue s = wf_str_printf(vm, "<%s at 0x%llx current result: %s>", cname, (unsigned long long)(uintptr_t)d,
                              WF_STR(r)->data);
    wf_decref(vm, r);
    return s;
}

static WfValue get_called(WfVM *vm, WfValue self) { return WF_BOOL(WF_DEFERRED(self)->called); }
static int set_called(WfVM *vm, WfValue self, WfValue v) {
    int t = WF_IS_NULL(v) ? 0 : wf_truthy(vm, v);
    if (t < 0) return -1;
    WF_DEFERRED(self)->called = t;
    return 0;
}
static WfValue get_paused(WfVM *vm, WfValue self) { return WF_INT(WF_DEFERRED(self)->paused); }
static int set_paused(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        WF_DEFERRED(self)->paused = 0;
        return 0;
    }
    return wf_index(vm, v, NULL, &WF_DEFERRED(self)->paused);
}
static WfValue get_result(WfVM *vm, WfValue self) {
    WfDeferred *d = WF_DEFERRED(self);
    if (WF_IS_NULL(d->result)) return wf_err_no_attribute(vm, self, wf_str_intern_cstr(vm, "result"));
    return wf_ref(d->result);
}
static int set_result(WfVM *vm, WfValue self, WfValue v) {
    WfDeferred *d = WF_DEFERRED(self);
    if (WF_IS_NULL(v) && WF_IS_NULL(d->result)) {
        wf_err_no_attribute(vm, self, wf_str_intern_cstr(vm, "result"));
        return -1;
    }
    set_value(vm, &d->result, wf_ref(v));
    return 0;
}

/* `callbacks`: the pending pairs as Twisted's list of
 * ((callback, args, kwargs), (errback, args, kwargs)). */
static WfValue side_tuple(WfVM *vm, WfTwisted *st, const WfCbPair *p, bool eb) {
    WfObject *f = eb ? p->eb : p->cb;
    WfValue fn = f ? WF_OBJ(f) : st ? st->passthru : WF_NONE;
    SideArgs sa = side_args(p, eb);
    size_t nkw = sa.kwnames ? ((WfTuple *)sa.kwnames)->n : 0;
    WfValue args = wf_tuple_from_array(vm, sa.vals, sa.n - nkw);
    WfValue kw = wf_dict_new(vm);
    WfValue r = WF_NULL;
    if (!WF_IS_NULL(args) && !WF_IS_NULL(kw)) {
        bool ok = true;
        for (size_t k = 0; k < nkw && ok; k++)
            ok = wf_dict_set(vm, kw, ((WfTuple *)sa.kwnames)->items[k], sa.vals[sa.n - nkw + k]) == 0;
        if (ok) r = wf_tuple_pack(vm, 3, fn, args, kw);
    }
    wf_decref(vm, args);
    wf_decref(vm, kw);
    return r;
}

static WfValue get_callbacks(WfVM *vm, WfValue self) {
    WfDeferred *d = WF_DEFERRED(self);
    WfTwisted *st = wf_twisted_state(vm);
    WfValue l = wf_list_new(vm, d->n - d->head);
    if (WF_IS_NULL(l)) return l;
    for (uint32_t i = d->head; i < d->n; i++) {
        WfCbPair *p = &d->cbs[i];
        WfValue a = WF_NULL, b = WF_NULL;
        if (p->kind <= WF_CB_PY2) {
            a = side_tuple(vm, st, p, false);
            b = side_tuple(vm, st, p, true);
        } else {
            WfValue args = wf_tuple_pack(vm, 1, p->data);
            WfValue kw = wf_dict_new(vm);
            if (!WF_IS_NULL(args) && !WF_IS_NULL(kw)) {
                a = wf_tuple_pack(vm, 3, WF_NONE, args, kw);
                b = wf_ref(a);
            }
            wf_decref(vm, args);
            wf_decref(vm, kw);
        }
        WfValue pair = WF_IS_NULL(a) || WF_IS_NULL(b) ? WF_NULL : wf_tuple_pack(vm, 2, a, b);
        wf_decref(vm, a);
        wf_decref(vm, b);
        if (WF_IS_NULL(pair) || wf_list_append_steal(vm, l, pair) < 0) {
            wf_decref(vm, l);
            return WF_NULL;
        }
    }
    return l;
}

static WfValue or_none(WfValue v) { return WF_IS_NULL(v) ? WF_NONE : wf_ref(v); }
static WfValue get_canceller(WfVM *vm, WfValue self) { return or_none(WF_DEFERRED(self)->canceller); }
static WfValue get_chained_to(WfVM *vm, WfValue self) { return or_none(WF_DEFERRED(self)->chained_to); }
static WfValue get_suppress(WfVM *vm, WfValue self) { return WF_BOOL(WF_DEFERRED(self)->suppress_already_called); }
static WfValue get_running(WfVM *vm, WfValue self) { return WF_BOOL(WF_DEFERRED(self)->running); }
static WfValue get_debug(WfVM *vm, WfValue self) {
    WfTwisted *st = wf_twisted_state(vm);
    return WF_BOOL(st && st->debug);
}

static const WfGetSetDef deferred_getsets[] = {
    {"called", get_called, set_called},
    {"paused", get_paused, set_paused},
    {"result", get_result, set_result},
    {"callbacks", get_callbacks, NULL},
    {"_canceller", get_canceller, NULL},
    {"_chainedTo", get_chained_to, NULL},
    {"_suppressAlreadyCalled", get_suppress, NULL},
    {"_runningCallbacks", get_running, NULL},
    {"debug", get_debug, NULL},
    {NULL, NULL, NULL}};

static WfValue m_str(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__str__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return deferred_repr(vm, self);
}

static const WfMethodDef deferred_methods[] = {
    {"__init__", m_init, "Initialize a Deferred."},
    {"addCallbacks", m_add_callbacks, "Add a pair of callbacks (success and error) to this Deferred."},
    {"addCallback", m_add_callback, "Convenience method for adding just a callback.", WF_METH_DEFER_ADD_CB},
    {"addErrback", m_add_errback, "Convenience method for adding just an errback.", WF_METH_DEFER_ADD_EB},
    {"addBoth", m_add_both, "Convenience method for adding a single callable as both a callback and an errback.",
     WF_METH_DEFER_ADD_CB | WF_METH_DEFER_ADD_EB},
    {"addTimeout", m_add_timeout, "Time out this Deferred by scheduling it to be cancelled after timeout seconds."},
    {"chainDeferred", m_chain_deferred, "Chain another Deferred to this Deferred."},
    {"callback", wf_deferred_m_callback, "Run all success callbacks that have been added to this Deferred.",
     WF_METH_DEFER_FIRE},
    {"errback", m_errback, "Run all error callbacks that have been added to this Deferred."},
    {"pause", m_pause, "Stop processing on a Deferred until unpause() is called."},
    {"unpause", m_unpause, "Process all callbacks made since pause() was called."},
    {"cancel", m_cancel, "Cancel this Deferred."},
    {"__str__", m_str, "Return a string representation of this Deferred."},
    {"__repr__", m_str, "Return a string representation of this Deferred."},
    {NULL, NULL, NULL}};

WfType wf_type_deferred = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "Deferred",
    .module = "twisted.internet.defer",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfDeferred),
    .dealloc = deferred_dealloc,
    .traverse = deferred_traverse,
    .clear = deferred_clear,
    .finalize = deferred_finalize_slot,
    .repr = deferred_repr,
    .new_ = deferred_new_slot,
    .methods = deferred_methods,
    .getsets = deferred_getsets,
    .doc = "This is a callback which will be put off until later.",
};

/* ---- debugging (setDebugging) --------------------------------------------------------------- */

/* traceback.format_stack() of the running frames, outermost first, skipping
 * the `skip` innermost, in DebugInfo's layout: lines joined with "\n X:"
 * (X is C for the creator, I for the first invoker). Stored in *slot. */
static void debug_capture(WfVM *vm, WfValue *slot, int skip) {
    WfFrame *frames[256];
    int n = 0;
    for (WfFrame *f = vm->frame; f && n < 256; f = f->prev) frames[n++] = f;
    WfBuf b;
    wf_buf_init(&b);
    char line[1024];
    bool first = true;
    for (int i = n - 1; i >= skip; i--) {
        WfFrame *f = frames[i];
        int ln = wf_frame_line(f);
        if (!first) wf_buf_puts(vm, &b, "\n");
        first = false;
        wf_buf_printf(vm, &b, "  File \"%s\", line %d, in %s", ((WfStr *)f->code->filename)->data, ln,
                      ((WfStr *)f->code->name)->data);
        if (wf_code_source_line(f->code, ln, line, sizeof line)) wf_buf_printf(vm, &b, "\n    %s", line);
    }
    WfValue text = wf_buf_finish(vm, &b);
    if (WF_IS_NULL(text)) {
        wf_err_clear(vm);
        return;
    }
    set_value(vm, slot, text);
}

/* Appends " X: <title>\n X:" + text with every newline followed by " X:". */
static void debug_block(WfVM *vm, WfBuf *b, char letter, const char *title, WfValue text) {
    if (!wf_is_str(text)) return;
    wf_buf_printf(vm, b, " %c: %s\n %c:", letter, title, letter);
    const char *s = WF_STR(text)->data;
    for (; *s; s++) {
        wf_buf_putc(vm, b, *s);
        if (*s == '\n') wf_buf_printf(vm, b, " %c:", letter);
    }
    wf_buf_putc(vm, b, '\n');
}

/* ---- maybeDeferred, execute, passthru, ... --------------------------------------------------- */

WfValue wf_maybe_deferred(WfVM *vm, WfValue f, const WfValue *args, size_t nargs, WfObject *kwnames) {
    WfValue r = wf_call(vm, f, args, nargs, kwnames);
    if (WF_IS_NULL(r)) {
        WfValue fl = wf_failure_capture(vm);
        if (WF_IS_NULL(fl)) return fl;
        WfValue d = wf_fail(vm, fl);
        wf_decref(vm, fl);
        return d;
    }
    if (wf_is_failure(r)) {
        WfValue d = wf_fail(vm, r);
        wf_decref(vm, r);
        return d;
    }
    if (wf_is_deferred(r)) return r;
    WfValue d = wf_succeed(vm, r);
    wf_decref(vm, r);
    return d;
}

static WfValue f_maybe_deferred(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    WfValue fn;
    int skip;
    if (first_arg(vm, "maybeDeferred", "f", args, nargs, kw, &fn, &skip) < 0) return WF_NULL;
    if (skip >= 0) return wf_err_format(vm, &wf_exc_TypeError, "maybeDeferred() takes f positionally");
    return wf_maybe_deferred(vm, fn, args + 1, nargs - 1, kw);
}

static WfValue f_execute(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs == 0) return wf_err_format(vm, &wf_exc_TypeError, "execute() missing 1 required positional argument: 'callable'");
    WfValue r = wf_call(vm, args[0], args + 1, nargs - 1, kw);
    if (WF_IS_NULL(r)) {
        WfValue fl = wf_failure_capture(vm);
        if (WF_IS_NULL(fl)) return fl;
        WfValue d = wf_fail(vm, fl);
        wf_decref(vm, fl);
        return d;
    }
    WfValue d = wf_succeed(vm, r);
    wf_decref(vm, r);
    return d;
}

static WfValue f_succeed(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"result", NULL};
    WfValue a[1];
    if (nargs == 1 && !kw) a[0] = args[0];
    else if (wf_args_bind_py(vm, "succeed", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    return wf_succeed(vm, a[0]);
}

static WfValue f_fail(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"result", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "fail", false, args, nargs, kw, kwlist, 0, a) < 0) return WF_NULL;
    return wf_fail(vm, a[0]);
}

static WfValue f_passthru(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"arg", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "passthru", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    return wf_ref(a[0]);
}

static WfValue f_set_debugging(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"on", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "setDebugging", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    int on = wf_truthy(vm, a[0]);
    if (on < 0) return WF_NULL;
    WfTwisted *st = wf_twisted_state(vm);
    if (st) st->debug = on;
    return WF_NONE;
}

static WfValue f_get_debugging(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "getDebugging", false, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    WfTwisted *st = wf_twisted_state(vm);
    return WF_BOOL(st && st->debug);
}

void wf_twisted_log_failure(WfVM *vm, const char *msg, WfValue failure) {
    WfValue saved = wf_err_fetch(vm);
    WfValue tb = wf_failure_traceback_text(vm, failure);
    if (!WF_IS_NULL(tb)) {
        WfValue text = wf_str_printf(vm, "%s\n%s\n", msg, WF_STR(tb)->data);
        if (!WF_IS_NULL(text)) {
            fflush(stdout);
            wf_write_stderr(vm, WF_STR(text)->data, (size_t)WF_STR(text)->len);
            wf_decref(vm, text);
        }
        wf_decref(vm, tb);
    }
    wf_err_clear(vm);
    if (!WF_IS_NULL(saved)) wf_err_restore(vm, saved);
}

static WfValue f_log_error(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"err", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "logError", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    if (wf_is_failure(a[0])) wf_twisted_log_failure(vm, "", a[0]);
    return wf_ref(a[0]);
}

/* ---- DeferredList ------------------------------------------------------------------------- */

typedef struct WfDeferredList {
    WfDeferred d;
    WfValue dlist;         /* _deferredList: list */
    WfValue result_list;   /* resultList: list */
    int64_t finished;
    bool fire_one_cb, fire_one_eb, consume;
} WfDeferredList;

#define WF_DL(v) ((WfDeferredList *)(v).u.o)

static void dl_clear_own(WfVM *vm, WfDeferredList *dl) {
    WfValue a = dl->dlist, b = dl->result_list;
    dl->dlist = dl->result_list = WF_NULL;
    wf_decref(vm, a);
    wf_decref(vm, b);
}

static void dl_dealloc(WfVM *vm, WfObject *o) {
    WfDeferredList *dl = (WfDeferredList *)o;
    deferred_finalize(vm, &dl->d);
    dl_clear_own(vm, dl);
    deferred_clear_fields(vm, &dl->d);
    wf_obj_free(vm, o);
}

static void dl_clear(WfVM *vm, WfObject *o) {
    WfDeferredList *dl = (WfDeferredList *)o;
    deferred_finalize(vm, &dl->d);
    dl_clear_own(vm, dl);
    deferred_clear_fields(vm, &dl->d);
}

static void dl_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfDeferredList *dl = (WfDeferredList *)o;
    if (WF_IS_OBJ(dl->dlist)) visit(dl->dlist.u.o, arg);
    if (WF_IS_OBJ(dl->result_list)) visit(dl->result_list.u.o, arg);
    deferred_traverse_fields(&dl->d, visit, arg);
}

/* DeferredList._cbDeferred(result, index, succeeded). */
static WfValue dl_cb_deferred(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    WfDeferredList *dl = WF_DL(data);
    bool succeeded = !failed;
    WfValue item = wf_tuple_pack(vm, 2, WF_BOOL(succeeded), result);
    if (WF_IS_NULL(item)) return item;
    WfList *rl = WF_LIST(dl->result_list);
    if (index < 0 || (size_t)index >= rl->n) {
        wf_decref(vm, item);
        return wf_err_format(vm, &wf_exc_IndexError, "list assignment index out of range");
    }
    set_value(vm, &rl->items[index], item);
    dl->finished++;
    if (!dl->d.called) {
        int rc = 0;
        if (succeeded && dl->fire_one_cb) {
            WfValue t = wf_tuple_pack(vm, 2, result, WF_INT(index));
            rc = WF_IS_NULL(t) ? -1 : wf_deferred_callback(vm, data, t);
            wf_decref(vm, t);
        } else if (!succeeded && dl->fire_one_eb) {
            WfValue fa[2] = {result, WF_INT(index)};
            WfValue fe = wf_twisted_exc_new(vm, WF_TW_FIRST_ERROR, fa, 2);
            WfValue f = WF_IS_NULL(fe) ? fe : wf_failure_new(vm, fe);
            wf_decref(vm, fe);
            rc = WF_IS_NULL(f) ? -1 : wf_deferred_errback(vm, data, f);
            wf_decref(vm, f);
        } else if ((size_t)dl->finished == rl->n) {
            rc = wf_deferred_callback(vm, data, dl->result_list);
        }
        if (rc < 0) return WF_NULL;
    }
    if (!succeeded && dl->consume) return WF_NONE;
    return wf_ref(result);
}

static WfValue dl_m_cb_deferred(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"result", "index", "succeeded", NULL};
    WfValue a[3];
    if (wf_args_bind(vm, "_cbDeferred", args, nargs, kw, kwlist, 0, 3, a) < 0) return WF_NULL;
    int64_t index;
    if (wf_index(vm, a[1], NULL, &index) < 0) return WF_NULL;
    int ok = wf_truthy(vm, a[2]);
    if (ok < 0) return WF_NULL;
    return dl_cb_deferred(vm, a[0], self, index, !ok);
}
static const WfMethodDef dl_cb_def = {"_cbDeferred", dl_m_cb_deferred, NULL};

static int dl_setup(WfVM *vm, WfValue self, WfValue members, bool fire_cb, bool fire_eb, bool consume) {
    WfDeferredList *dl = WF_DL(self);
    WfValue list = wf_list_from_iterable(vm, members);
    if (WF_IS_NULL(list)) return -1;
    set_value(vm, &dl->dlist, list);
    size_t n = WF_LIST(list)->n;
    WfValue rl = wf_list_new(vm, n);
    if (WF_IS_NULL(rl)) return -1;
    for (size_t i = 0; i < n; i++) wf_list_append(vm, rl, WF_NONE);
    set_value(vm, &dl->result_list, rl);
    if (n == 0 && !fire_cb) {
        WfValue empty = wf_list_new(vm, 0);
        if (WF_IS_NULL(empty)) return -1;
        int rc = wf_deferred_callback(vm, self, empty);
        wf_decref(vm, empty);
        if (rc < 0) return -1;
    }
    dl->fire_one_cb = fire_cb;
    dl->fire_one_eb = fire_eb;
    dl->consume = consume;
    dl->finished = 0;
    for (size_t i = 0; i < WF_LIST(dl->dlist)->n; i++) {
        WfValue m = wf_ref(WF_LIST(dl->dlist)->items[i]);
        int rc;
        if (wf_is_deferred(m)) {
            rc = wf_deferred_add_c(vm, m, dl_cb_deferred, self, (int64_t)i);
        } else {
            /* Anything with addCallbacks takes the bound _cbDeferred. */
            WfValue add = wf_getattr_cstr(vm, m, "addCallbacks");
            WfValue cb = WF_IS_NULL(add) ? add : wf_native_new(vm, &dl_cb_def, self);
            WfValue ca = wf_tuple_pack(vm, 2, WF_INT(i), WF_TRUE);
            WfValue ea = wf_tuple_pack(vm, 2, WF_INT(i), WF_FALSE);
            WfValue names = wf_tuple_pack(vm, 2, WF_OBJ(wf_str_intern_cstr(vm, "callbackArgs")),
                                          WF_OBJ(wf_str_intern_cstr(vm, "errbackArgs")));
            WfValue r = WF_NULL;
            if (!WF_IS_NULL(cb) && !WF_IS_NULL(ca) && !WF_IS_NULL(ea) && !WF_IS_NULL(names)) {
                WfValue cargs[4] = {cb, cb, ca, ea};
                r = wf_call(vm, add, cargs, 2, names.u.o);
            }
            wf_decref(vm, add);
            wf_decref(vm, cb);
            wf_decref(vm, ca);
            wf_decref(vm, ea);
            wf_decref(vm, names);
            rc = WF_IS_NULL(r) ? -1 : 0;
            wf_decref(vm, r);
        }
        wf_decref(vm, m);
        if (rc < 0) return -1;
    }
    return 0;
}

static WfValue dl_new_slot(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"deferredList", "fireOnOneCallback", "fireOnOneErrback", "consumeErrors",
                                         NULL};
    WfValue a[4];
    if (wf_args_bind_py(vm, "DeferredList.__init__", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    int flags[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++)
        if (!WF_IS_NULL(a[i + 1]) && (flags[i] = wf_truthy(vm, a[i + 1])) < 0) return WF_NULL;
    WfDeferred *d = deferred_alloc(vm, type);
    if (!d) return WF_NULL;
    WfValue self = WF_OBJ(d);
    WF_DL(self)->dlist = WF_DL(self)->result_list = WF_NULL;
    if (dl_setup(vm, self, a[0], flags[0], flags[1], flags[2]) < 0) {
        wf_decref(vm, self);
        return WF_NULL;
    }
    return self;
}

static WfValue dl_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    /* The work happens in DeferredList(...) itself; a subclass calling
     * DeferredList.__init__ again redoes it. */
    static const char *const kwlist[] = {"deferredList", "fireOnOneCallback", "fireOnOneErrback", "consumeErrors",
                                         NULL};
    WfValue a[4];
    if (wf_args_bind_py(vm, "DeferredList.__init__", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    if (WF_IS_NULL(WF_DL(self)->dlist)) {
        int flags[3] = {0, 0, 0};
        for (int i = 0; i < 3; i++)
            if (!WF_IS_NULL(a[i + 1]) && (flags[i] = wf_truthy(vm, a[i + 1])) < 0) return WF_NULL;
        if (dl_setup(vm, self, a[0], flags[0], flags[1], flags[2]) < 0) return WF_NULL;
    }
    return WF_NONE;
}

/* DeferredList.cancel: cancel every member unless the list has fired;
 * errors from member cancellers are logged, not raised. */
static int dl_cancel(WfVM *vm, WfValue self) {
    WfDeferredList *dl = WF_DL(self);
    if (dl->d.called || WF_IS_NULL(dl->dlist)) return 0;
    WfValue list = wf_ref(dl->dlist);
    for (size_t i = 0; i < WF_LIST(list)->n; i++) {
        WfValue m = wf_ref(WF_LIST(list)->items[i]);
        int rc;
        if (wf_is_deferred(m)) {
            rc = wf_deferred_cancel(vm, m);
        } else {
            WfValue r = wf_call_method(vm, m, "cancel", NULL, 0);
            rc = WF_IS_NULL(r) ? -1 : 0;
            wf_decref(vm, r);
        }
        wf_decref(vm, m);
        if (rc < 0) {
            WfValue f = wf_failure_capture(vm);
            if (WF_IS_NULL(f)) {
                wf_err_clear(vm);
                continue;
            }
            wf_twisted_log_failure(vm, "Exception raised from user supplied canceller", f);
            wf_decref(vm, f);
        }
    }
    wf_decref(vm, list);
    return 0;
}

static WfValue dl_m_cancel(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "DeferredList.cancel", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    return dl_cancel(vm, self) < 0 ? WF_NULL : WF_NONE;
}

static WfValue dl_get_list(WfVM *vm, WfValue self) { return or_none(WF_DL(self)->dlist); }
static WfValue dl_get_results(WfVM *vm, WfValue self) { return or_none(WF_DL(self)->result_list); }
static WfValue dl_get_finished(WfVM *vm, WfValue self) { return WF_INT(WF_DL(self)->finished); }
static WfValue dl_get_fire_cb(WfVM *vm, WfValue self) { return WF_BOOL(WF_DL(self)->fire_one_cb); }
static WfValue dl_get_fire_eb(WfVM *vm, WfValue self) { return WF_BOOL(WF_DL(self)->fire_one_eb); }
static WfValue dl_get_consume(WfVM *vm, WfValue self) { return WF_BOOL(WF_DL(self)->consume); }

static const WfGetSetDef dl_getsets[] = {
    {"_deferredList", dl_get_list, NULL},
    {"resultList", dl_get_results, NULL},
    {"finishedCount", dl_get_finished, NULL},
    {"fireOnOneCallback", dl_get_fire_cb, NULL},
    {"fireOnOneErrback", dl_get_fire_eb, NULL},
    {"consumeErrors", dl_get_consume, NULL},
    {NULL, NULL, NULL}};

static const WfMethodDef dl_methods[] = {
    {"__init__", dl_m_init, "Initialize a DeferredList."},
    {"_cbDeferred", dl_m_cb_deferred, "(internal) Callback for when one of my deferreds fires."},
    {"cancel", dl_m_cancel, "Cancel this DeferredList."},
    {NULL, NULL, NULL}};

WfType wf_type_deferred_list = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "DeferredList",
    .module = "twisted.internet.defer",
    .base = &wf_type_deferred,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfDeferredList),
    .dealloc = dl_dealloc,
    .traverse = dl_traverse,
    .clear = dl_clear,
    .finalize = deferred_finalize_slot,
    .repr = deferred_repr,
    .new_ = dl_new_slot,
    .methods = dl_methods,
    .getsets = dl_getsets,
    .doc = "DeferredList is a tool for collecting the results of several Deferreds.",
};

/* gatherResults' _parseDeferredListResult (the errback side passes). */
static WfValue parse_dl_result(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    if (failed) return wf_ref(result);
    if (!wf_is_list(result)) return wf_ref(result);
    WfList *l = WF_LIST(result);
    WfValue out = wf_list_new(vm, l->n);
    if (WF_IS_NULL(out)) return out;
    for (size_t i = 0; i < l->n; i++) {
        WfValue item = l->items[i];
        if (!wf_is_tuple(item) || WF_TUPLE(item)->n != 2 || !wf_truthy(vm, WF_TUPLE(item)->items[0])) {
            wf_decref(vm, out);
            return assertion_error(vm);
        }
        if (wf_list_append(vm, out, WF_TUPLE(item)->items[1]) < 0) {
            wf_decref(vm, out);
            return WF_NULL;
        }
    }
    return out;
}

static WfValue f_gather_results(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"deferredList", "consumeErrors", NULL};
    WfValue a[2];
    if (wf_args_bind_py(vm, "gatherResults", false, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    int consume = WF_IS_NULL(a[1]) ? 0 : wf_truthy(vm, a[1]);
    if (consume < 0) return WF_NULL;
    WfDeferred *d = deferred_alloc(vm, &wf_type_deferred_list);
    if (!d) return WF_NULL;
    WfValue dv = WF_OBJ(d);
    WF_DL(dv)->dlist = WF_DL(dv)->result_list = WF_NULL;
    if (dl_setup(vm, dv, a[0], false, true, consume) < 0 ||
        wf_deferred_add_c(vm, dv, parse_dl_result, WF_NONE, 0) < 0) {
        wf_decref(vm, dv);
        return WF_NULL;
    }
    return dv;
}

/* ---- DeferredLock, DeferredSemaphore --------------------------------------------------------- */

/* One type for both: a lock is a semaphore whose `locked` flag stands in
 * for "no tokens left"; the attributes each shows differ. */
typedef struct WfDeferredSem {
    WfObject ob;
    WfValue waiting;       /* list of Deferreds */
    int64_t tokens, limit;
    bool locked;
    WfObject *dict;        /* instance attributes */
} WfDeferredSem;

extern WfType wf_type_deferred_lock, wf_type_deferred_semaphore, wf_type_deferred_queue;
#define WF_SEM(v) ((WfDeferredSem *)(v).u.o)

static bool is_lock(WfValue self) { return wf_isinstance(self, &wf_type_deferred_lock); }

static void sem_clear(WfVM *vm, WfObject *o) {
    WfDeferredSem *s = (WfDeferredSem *)o;
    WfValue w = s->waiting;
    WfObject *d = s->dict;
    s->waiting = WF_NULL;
    s->dict = NULL;
    wf_decref(vm, w);
    wf_obj_xdecref(vm, d);
}
static void sem_dealloc(WfVM *vm, WfObject *o) {
    sem_clear(vm, o);
    wf_obj_free(vm, o);
}
static void sem_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfDeferredSem *s = (WfDeferredSem *)o;
    if (WF_IS_OBJ(s->waiting)) visit(s->waiting.u.o, arg);
    if (s->dict) visit(s->dict, arg);
}

static WfValue plain_getattr(WfVM *vm, WfValue obj, WfObject **dictp, WfObject *name) {
    if (*dictp) {
        WfValue v = wf_dict_get_str(WF_OBJ(*dictp), name);
        if (!WF_IS_NULL(v)) return wf_ref(v);
    }
    return wf_generic_getattr(vm, obj, name);
}

static int plain_setattr(WfVM *vm, WfValue obj, WfObject **dictp, WfObject *name, WfValue v) {
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    if (wf_type_find(wf_type_of(obj), ((WfStr *)name)->data, &def, &gs) && gs) {
        if (gs->set) return gs->set(vm, obj, v);
        wf_err_format(vm, &wf_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                      ((WfStr *)name)->data, wf_type_name(obj));
        return -1;
    }
    if (WF_IS_NULL(v)) {
        if (*dictp && !WF_IS_NULL(wf_dict_get_str(WF_OBJ(*dictp), name)))
            return wf_dict_del(vm, WF_OBJ(*dictp), WF_OBJ(name));
        wf_err_no_attribute(vm, obj, name);
        return -1;
    }
    if (!*dictp) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return -1;
        *dictp = d.u.o;
    }
    return wf_dict_set(vm, WF_OBJ(*dictp), WF_OBJ(name), v);
}

static WfValue sem_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    return plain_getattr(vm, obj, &WF_SEM(obj)->dict, name);
}
static int sem_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    return plain_setattr(vm, obj, &WF_SEM(obj)->dict, name, v);
}

static WfValue sem_m_cancel_acquire(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "_cancelAcquire", nargs, kw, 1, 1) < 0) return WF_NULL;
    return wf_call_method(vm, WF_SEM(self)->waiting, "remove", args, 1);
}
static const WfMethodDef sem_cancel_def = {"_cancelAcquire", sem_m_cancel_acquire, NULL};

/* A Deferred whose canceller is owner.<def> (bound). */
static WfValue deferred_with_canceller(WfVM *vm, const WfMethodDef *def, WfValue owner) {
    WfValue d = wf_deferred_new(vm);
    if (WF_IS_NULL(d)) return d;
    WfValue c = wf_native_new(vm, def, owner);
    if (WF_IS_NULL(c)) {
        wf_decref(vm, d);
        return c;
    }
    WF_DEFERRED(d)->canceller = c;
    return d;
}

static WfValue sem_acquire(WfVM *vm, WfValue self) {
    WfDeferredSem *s = WF_SEM(self);
    bool lock = is_lock(self);
    if (!lock && s->tokens < 0)
        return wf_err_format(vm, &wf_exc_AssertionError, "Internal inconsistency??  tokens should never be negative");
    WfValue d = deferred_with_canceller(vm, &sem_cancel_def, self);
    if (WF_IS_NULL(d)) return d;
    bool wait = lock ? s->locked : s->tokens == 0;
    if (wait) {
        if (wf_list_append(vm, s->waiting, d) < 0) {
            wf_decref(vm, d);
            return WF_NULL;
        }
        return d;
    }
    if (lock) s->locked = true;
    else s->tokens--;
    if (wf_deferred_callback(vm, d, self) < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

static int sem_release(WfVM *vm, WfValue self) {
    WfDeferredSem *s = WF_SEM(self);
    bool lock = is_lock(self);
    if (lock) {
        if (!s->locked) {
            wf_err_format(vm, &wf_exc_AssertionError, "Tried to release an unlocked lock");
            return -1;
        }
        s->locked = false;
    } else {
        if (!(s->tokens < s->limit)) {
            wf_err_format(vm, &wf_exc_AssertionError, "Someone released me too many times: too many tokens!");
            return -1;
        }
        s->tokens++;
    }
    WfList *w = WF_LIST(s->waiting);
    if (w->n) {
        if (lock) s->locked = true;
        else s->tokens--;
        WfValue d = w->items[0];
        memmove(w->items, w->items + 1, (w->n - 1) * sizeof(WfValue));
        w->n--;
        int rc = wf_is_deferred(d) ? wf_deferred_callback(vm, d, self) : -1;
        if (!wf_is_deferred(d)) {
            WfValue r = wf_call_method(vm, d, "callback", &self, 1);
            rc = WF_IS_NULL(r) ? -1 : 0;
            wf_decref(vm, r);
        }
        wf_decref(vm, d);
        return rc;
    }
    return 0;
}

/* "DeferredLock.acquire" or "DeferredSemaphore.acquire": the two share
 * their methods here, not in Twisted. */
static const char *sem_method(WfValue self, const char *name) {
    bool lock = wf_type_is_subtype(wf_type_of(self), &wf_type_deferred_lock);
    if (strcmp(name, "acquire") == 0) return lock ? "DeferredLock.acquire" : "DeferredSemaphore.acquire";
    return lock ? "DeferredLock.release" : "DeferredSemaphore.release";
}

static WfValue sem_m_acquire(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, sem_method(self, "acquire"), true, args, nargs, kw, no_params, 0, NULL) < 0)
        return WF_NULL;
    return sem_acquire(vm, self);
}
static WfValue sem_m_release(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, sem_method(self, "release"), true, args, nargs, kw, no_params, 0, NULL) < 0)
        return WF_NULL;
    return sem_release(vm, self) < 0 ? WF_NULL : WF_NONE;
}

/* run(f, *args, **kw): acquire, then maybeDeferred(f, ...) with the release
 * added to its result. The state of one run: (primitive, f, args, kwnames). */
static WfValue release_and_return(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    WfValue r = wf_call_method(vm, data, "release", NULL, 0);
    if (WF_IS_NULL(r)) return r;
    wf_decref(vm, r);
    return wf_ref(result);
}

static WfValue run_execute(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed) {
    if (failed) return wf_ref(result);
    /* data: (primitive, f, args tuple, kwnames or None) */
    WfTuple *t = WF_TUPLE(data);
    WfTuple *args = WF_TUPLE(t->items[2]);
    WfObject *kwnames = WF_IS_NONE(t->items[3]) ? NULL : t->items[3].u.o;
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    WfValue d = wf_maybe_deferred(vm, t->items[1], args->items, args->n - nkw, kwnames);
    if (WF_IS_NULL(d)) return d;
    if (wf_deferred_add_c(vm, d, release_and_return, t->items[0], 0) < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

static WfValue primitive_run(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs == 0) return wf_err_format(vm, &wf_exc_TypeError, "run() missing 1 required positional argument: 'f'");
    size_t nkw = kw ? ((WfTuple *)kw)->n : 0;
    WfValue rest = wf_tuple_from_array(vm, args + 1, nargs - 1 + nkw);
    if (WF_IS_NULL(rest)) return rest;
    WfValue data = wf_tuple_pack(vm, 4, self, args[0], rest, kw ? WF_OBJ(kw) : WF_NONE);
    wf_decref(vm, rest);
    if (WF_IS_NULL(data)) return data;
    WfValue d = wf_call_method(vm, self, "acquire", NULL, 0);
    if (WF_IS_NULL(d) || !wf_is_deferred(d)) {
        wf_decref(vm, data);
        if (!WF_IS_NULL(d)) {
            wf_decref(vm, d);
            return wf_err_format(vm, &wf_exc_TypeError, "acquire() did not return a Deferred");
        }
        return d;
    }
    int rc = wf_deferred_add_c(vm, d, run_execute, data, 0);
    wf_decref(vm, data);
    if (rc < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

static WfDeferredSem *sem_alloc(WfVM *vm, WfType *type) {
    size_t size = type->size > sizeof(WfDeferredSem) ? type->size : sizeof(WfDeferredSem);
    WfDeferredSem *s = (WfDeferredSem *)wf_obj_alloc(vm, type, size);
    if (!s) return NULL;
    s->waiting = wf_list_new(vm, 0);
    if (WF_IS_NULL(s->waiting)) {
        wf_obj_decref(vm, &s->ob);
        return NULL;
    }
    return s;
}

static WfValue lock_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    if (!(type->flags & WF_TPFLAG_HEAPTYPE) &&
        wf_args_bind_py(vm, "_ConcurrencyPrimitive.__init__", true, args, nargs, kw, no_params, 0, NULL) < 0)
        return WF_NULL;
    WfDeferredSem *s = sem_alloc(vm, type);
    return s ? WF_OBJ(s) : WF_NULL;
}

static int sem_set_tokens(WfVM *vm, WfValue self, WfValue tokens) {
    int64_t n;
    int lt = wf_richcmp_bool(vm, tokens, WF_INT(1), WF_CMP_LT);
    if (lt < 0) return -1;
    if (lt) {
        wf_err_format(vm, &wf_exc_ValueError, "DeferredSemaphore requires tokens >= 1");
        return -1;
    }
    if (wf_index(vm, tokens, NULL, &n) < 0) return -1;
    WF_SEM(self)->tokens = WF_SEM(self)->limit = n;
    return 0;
}

static WfValue semaphore_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"tokens", NULL};
    WfValue a[1] = {WF_NULL};
    bool heap = type->flags & WF_TPFLAG_HEAPTYPE;
    if (!(heap && !nargs && !kw) &&
        wf_args_bind_py(vm, "DeferredSemaphore.__init__", true, args, nargs, kw, kwlist, 1, a) < 0)
        return WF_NULL;
    WfDeferredSem *s = sem_alloc(vm, type);
    if (!s) return WF_NULL;
    WfValue self = WF_OBJ(s);
    if (!WF_IS_NULL(a[0]) && sem_set_tokens(vm, self, a[0]) < 0) {
        wf_decref(vm, self);
        return WF_NULL;
    }
    return self;
}

static WfValue lock_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "_ConcurrencyPrimitive.__init__", true, args, nargs, kw, no_params, 0, NULL) < 0)
        return WF_NULL;
    return WF_NONE;
}

static WfValue sem_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"tokens", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "DeferredSemaphore.__init__", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    return sem_set_tokens(vm, self, a[0]) < 0 ? WF_NULL : WF_NONE;
}

static WfValue sem_get_waiting(WfVM *vm, WfValue self) { return wf_ref(WF_SEM(self)->waiting); }
static int sem_set_waiting(WfVM *vm, WfValue self, WfValue v) {
    if (!wf_is_list(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "waiting must be a list");
        return -1;
    }
    set_value(vm, &WF_SEM(self)->waiting, wf_ref(v));
    return 0;
}
static WfValue lock_get_locked(WfVM *vm, WfValue self) { return WF_BOOL(WF_SEM(self)->locked); }
static int lock_set_locked(WfVM *vm, WfValue self, WfValue v) {
    int t = WF_IS_NULL(v) ? 0 : wf_truthy(vm, v);
    if (t < 0) return -1;
    WF_SEM(self)->locked = t;
    return 0;
}
static WfValue sem_get_tokens(WfVM *vm, WfValue self) { return WF_INT(WF_SEM(self)->tokens); }
static int sem_set_tokens_attr(WfVM *vm, WfValue self, WfValue v) {
    return WF_IS_NULL(v) ? 0 : wf_index(vm, v, NULL, &WF_SEM(self)->tokens);
}
static WfValue sem_get_limit(WfVM *vm, WfValue self) { return WF_INT(WF_SEM(self)->limit); }
static int sem_set_limit(WfVM *vm, WfValue self, WfValue v) {
    return WF_IS_NULL(v) ? 0 : wf_index(vm, v, NULL, &WF_SEM(self)->limit);
}

static const WfGetSetDef lock_getsets[] = {
    {"waiting", sem_get_waiting, sem_set_waiting},
    {"locked", lock_get_locked, lock_set_locked},
    {NULL, NULL, NULL}};
static const WfGetSetDef semaphore_getsets[] = {
    {"waiting", sem_get_waiting, sem_set_waiting},
    {"tokens", sem_get_tokens, sem_set_tokens_attr},
    {"limit", sem_get_limit, sem_set_limit},
    {NULL, NULL, NULL}};

static const WfMethodDef lock_methods[] = {
    {"__init__", lock_m_init, NULL},
    {"acquire", sem_m_acquire, "Attempt to acquire the lock."},
    {"release", sem_m_release, "Release the lock."},
    {"run", primitive_run, "Acquire, run, release."},
    {"_cancelAcquire", sem_m_cancel_acquire, NULL},
    {NULL, NULL, NULL}};
static const WfMethodDef semaphore_methods[] = {
    {"__init__", sem_m_init, NULL},
    {"acquire", sem_m_acquire, "Attempt to acquire the token."},
    {"release", sem_m_release, "Release the token."},
    {"run", primitive_run, "Acquire, run, release."},
    {"_cancelAcquire", sem_m_cancel_acquire, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_deferred_lock = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "DeferredLock",
    .module = "twisted.internet.defer",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfDeferredSem),
    .dealloc = sem_dealloc,
    .traverse = sem_traverse,
    .clear = sem_clear,
    .getattr = sem_getattr,
    .setattr = sem_setattr,
    .new_ = lock_new,
    .methods = lock_methods,
    .getsets = lock_getsets,
    .doc = "A lock for event driven systems.",
};

WfType wf_type_deferred_semaphore = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "DeferredSemaphore",
    .module = "twisted.internet.defer",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfDeferredSem),
    .dealloc = sem_dealloc,
    .traverse = sem_traverse,
    .clear = sem_clear,
    .getattr = sem_getattr,
    .setattr = sem_setattr,
    .new_ = semaphore_new,
    .methods = semaphore_methods,
    .getsets = semaphore_getsets,
    .doc = "A semaphore for event driven systems.",
};

/* ---- DeferredQueue ----------------------------------------------------------------------- */

typedef struct WfDeferredQueue {
    WfObject ob;
    WfValue waiting, pending, size, backlog;
    WfObject *dict;
} WfDeferredQueue;
#define WF_QUEUE(v) ((WfDeferredQueue *)(v).u.o)

static void queue_clear(WfVM *vm, WfObject *o) {
    WfDeferredQueue *q = (WfDeferredQueue *)o;
    WfValue v[4] = {q->waiting, q->pending, q->size, q->backlog};
    WfObject *d = q->dict;
    q->waiting = q->pending = q->size = q->backlog = WF_NULL;
    q->dict = NULL;
    for (int i = 0; i < 4; i++) wf_decref(vm, v[i]);
    wf_obj_xdecref(vm, d);
}
static void queue_dealloc(WfVM *vm, WfObject *o) {
    queue_clear(vm, o);
    wf_obj_free(vm, o);
}
static void queue_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfDeferredQueue *q = (WfDeferredQueue *)o;
    WfValue v[4] = {q->waiting, q->pending, q->size, q->backlog};
    for (int i = 0; i < 4; i++)
        if (WF_IS_OBJ(v[i])) visit(v[i].u.o, arg);
    if (q->dict) visit(q->dict, arg);
}
static WfValue queue_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    return plain_getattr(vm, obj, &WF_QUEUE(obj)->dict, name);
}
static int queue_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    return plain_setattr(vm, obj, &WF_QUEUE(obj)->dict, name, v);
}

static int queue_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"size", "backlog", NULL};
    WfValue a[2];
    if (wf_args_bind_py(vm, "DeferredQueue.__init__", true, args, nargs, kw, kwlist, 0, a) < 0) return -1;
    WfDeferredQueue *q = WF_QUEUE(self);
    set_value(vm, &q->size, WF_IS_NULL(a[0]) ? WF_NONE : wf_ref(a[0]));
    set_value(vm, &q->backlog, WF_IS_NULL(a[1]) ? WF_NONE : wf_ref(a[1]));
    return 0;
}

static WfValue queue_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    size_t size = type->size > sizeof(WfDeferredQueue) ? type->size : sizeof(WfDeferredQueue);
    WfDeferredQueue *q = (WfDeferredQueue *)wf_obj_alloc(vm, type, size);
    if (!q) return WF_NULL;
    WfValue self = WF_OBJ(q);
    q->size = q->backlog = WF_NONE;
    q->waiting = wf_list_new(vm, 0);
    q->pending = wf_list_new(vm, 0);
    if (WF_IS_NULL(q->waiting) || WF_IS_NULL(q->pending)) goto fail;
    if (!((type->flags & WF_TPFLAG_HEAPTYPE) && !nargs && !kw) &&
        queue_init(vm, self, args, nargs, kw) < 0)
        goto fail;
    return self;
fail:
    wf_decref(vm, self);
    return WF_NULL;
}

static WfValue queue_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return queue_init(vm, self, args, nargs, kw) < 0 ? WF_NULL : WF_NONE;
}

static WfValue list_pop_front(WfValue list) {
    WfList *l = WF_LIST(list);
    WfValue v = l->items[0];
    memmove(l->items, l->items + 1, (l->n - 1) * sizeof(WfValue));
    l->n--;
    return v;
}

static WfValue queue_m_put(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"obj", NULL};
    WfValue a[1];
    if (wf_args_bind_py(vm, "DeferredQueue.put", true, args, nargs, kw, kwlist, 1, a) < 0) return WF_NULL;
    WfDeferredQueue *q = WF_QUEUE(self);
    if (WF_LIST(q->waiting)->n) {
        WfValue d = list_pop_front(q->waiting);
        int rc;
        if (wf_is_deferred(d)) {
            rc = wf_deferred_callback(vm, d, a[0]);
        } else {
            WfValue r = wf_call_method(vm, d, "callback", a, 1);
            rc = WF_IS_NULL(r) ? -1 : 0;
            wf_decref(vm, r);
        }
        wf_decref(vm, d);
        return rc < 0 ? WF_NULL : WF_NONE;
    }
    int room = 1;
    if (!WF_IS_NONE(q->size)) {
        room = wf_richcmp_bool(vm, WF_INT((int64_t)WF_LIST(q->pending)->n), q->size, WF_CMP_LT);
        if (room < 0) return WF_NULL;
    }
    if (room) return wf_list_append(vm, q->pending, a[0]) < 0 ? WF_NULL : WF_NONE;
    return wf_twisted_raise(vm, WF_TW_QUEUE_OVERFLOW, NULL, 0);
}

static WfValue queue_m_cancel_get(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "_cancelGet", nargs, kw, 1, 1) < 0) return WF_NULL;
    return wf_call_method(vm, WF_QUEUE(self)->waiting, "remove", args, 1);
}
static const WfMethodDef queue_cancel_def = {"_cancelGet", queue_m_cancel_get, NULL};

static WfValue queue_m_get(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_bind_py(vm, "DeferredQueue.get", true, args, nargs, kw, no_params, 0, NULL) < 0) return WF_NULL;
    WfDeferredQueue *q = WF_QUEUE(self);
    if (WF_LIST(q->pending)->n) {
        WfValue v = list_pop_front(q->pending);
        WfValue d = wf_succeed(vm, v);
        wf_decref(vm, v);
        return d;
    }
    int room = 1;
    if (!WF_IS_NONE(q->backlog)) {
        room = wf_richcmp_bool(vm, WF_INT((int64_t)WF_LIST(q->waiting)->n), q->backlog, WF_CMP_LT);
        if (room < 0) return WF_NULL;
    }
    if (!room) return wf_twisted_raise(vm, WF_TW_QUEUE_UNDERFLOW, NULL, 0);
    WfValue d = deferred_with_canceller(vm, &queue_cancel_def, self);
    if (WF_IS_NULL(d)) return d;
    if (wf_list_append(vm, q->waiting, d) < 0) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

#define QUEUE_FIELD(name)                                                                \
    static WfValue queue_get_##name(WfVM *vm, WfValue self) { return wf_ref(WF_QUEUE(self)->name); } \
    static int queue_set_##name(WfVM *vm, WfValue self, WfValue v) {                     \
        set_value(vm, &WF_QUEUE(self)->name, WF_IS_NULL(v) ? WF_NONE : wf_ref(v));       \
        return 0;                                                                        \
    }
QUEUE_FIELD(waiting)
QUEUE_FIELD(pending)
QUEUE_FIELD(size)
QUEUE_FIELD(backlog)
#undef QUEUE_FIELD

static const WfGetSetDef queue_getsets[] = {
    {"waiting", queue_get_waiting, queue_set_waiting},
    {"pending", queue_get_pending, queue_set_pending},
    {"size", queue_get_size, queue_set_size},
    {"backlog", queue_get_backlog, queue_set_backlog},
    {NULL, NULL, NULL}};

static const WfMethodDef queue_methods[] = {
    {"__init__", queue_m_init, NULL},
    {"put", queue_m_put, "Add an object to this queue."},
    {"get", queue_m_get, "Attempt to retrieve and remove an object from the queue."},
    {"_cancelGet", queue_m_cancel_get, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_deferred_queue = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "DeferredQueue",
    .module = "twisted.internet.defer",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfDeferredQueue),
    .dealloc = queue_dealloc,
    .traverse = queue_traverse,
    .clear = queue_clear,
    .getattr = queue_getattr,
    .setattr = queue_setattr,
    .new_ = queue_new,
    .methods = queue_methods,
    .getsets = queue_getsets,
    .doc = "An event driven queue.",
};

/* ---- the module --------------------------------------------------------------------------- */

static const WfMethodDef defer_functions[] = {
    {"succeed", f_succeed, "Return a Deferred that has already had .callback(result) called."},
    {"fail", f_fail, "Return a Deferred that has already had .errback(result) called."},
    {"maybeDeferred", f_maybe_deferred, "Invoke a function that may or may not return a Deferred."},
    {"execute", f_execute, "Create a Deferred from a callable and arguments."},
    {"passthru", f_passthru, NULL},
    {"setDebugging", f_set_debugging, "Enable or disable Deferred debugging."},
    {"getDebugging", f_get_debugging, "Determine whether Deferred debugging is enabled."},
    {"logError", f_log_error, "Log and return failure."},
    {"gatherResults", f_gather_results, "Returns, via a Deferred, a list with the results of the given Deferreds."},
    {NULL, NULL, NULL}};

int wf_defer_module_init(WfVM *vm, WfValue module) {
    if (wf_module_add_functions(vm, module, defer_functions) < 0) return -1;
    struct {
        const char *name;
        WfValue v;
    } items[] = {
        {"Deferred", WF_OBJ(&wf_type_deferred)},
        {"DeferredList", WF_OBJ(&wf_type_deferred_list)},
        {"DeferredLock", WF_OBJ(&wf_type_deferred_lock)},
        {"DeferredSemaphore", WF_OBJ(&wf_type_deferred_semaphore)},
        {"DeferredQueue", WF_OBJ(&wf_type_deferred_queue)},
        {"Failure", WF_OBJ(&wf_type_failure)},
        {"SUCCESS", WF_TRUE},
        {"FAILURE", WF_FALSE},
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        if (wf_module_add(vm, module, items[i].name, items[i].v) < 0) return -1;
    WfTwisted *st = wf_twisted_state(vm);
    if (st) {
        WfValue p = wf_dict_get_str(wf_module_dict(module), wf_str_intern_cstr(vm, "passthru"));
        set_value(vm, &st->passthru, wf_ref(p));
    }
    return 0;
}

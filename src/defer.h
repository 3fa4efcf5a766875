/* defer.h: twisted.internet.defer in C (defer.c) and the per-VM Twisted
 * state (twisted.c). A Deferred keeps its callback pairs in an array popped
 * from the front, as Twisted's list is. Callback loops that hand results
 * to waiting Deferreds or generators run on an engine: an explicit stack
 * of "run this Deferred's callbacks" and "resume this inlineCallbacks
 * generator" frames, so Deferreds returning Deferreds and generators
 * waiting on generators unwind at any depth with constant C stack, in
 * exactly the order Twisted's recursion would take. */
#ifndef WF_DEFER_H
#define WF_DEFER_H
#include "failure.h"

/* ---- per-VM state (twisted.c) ------------------------------------------------ */

/* The exception classes weft creates per VM (heap classes, so tracebacks
 * and reprs name them "twisted.internet.defer.CancelledError", ...). */
typedef enum WfTwClass {
    WF_TW_ALREADY_CALLED_ERROR,
    WF_TW_CANCELLED_ERROR,
    WF_TW_TIMEOUT_ERROR,
    WF_TW_NOT_A_COROUTINE_ERROR,
    WF_TW_FIRST_ERROR,
    WF_TW_QUEUE_OVERFLOW,
    WF_TW_QUEUE_UNDERFLOW,
    WF_TW_ALREADY_TRYING_TO_LOCK,
    WF_TW_INLINE_CANCELLED,        /* _InternalInlineCallbacksCancelledError */
    WF_TW_DEFGEN_RETURN,           /* _DefGen_Return (BaseException) */
    WF_TW_NO_CURRENT_EXCEPTION,    /* twisted.python.failure */
    WF_TW_DEFAULT_EXCEPTION,
    WF_TW_ERR_ALREADY_CALLED,      /* twisted.internet.error from here on */
    WF_TW_ERR_ALREADY_CANCELLED,
    WF_TW_ERR_REACTOR_NOT_RUNNING,
    WF_TW_ERR_REACTOR_NOT_RESTARTABLE,
    WF_TW_ERR_REACTOR_ALREADY_RUNNING,
    WF_TW_ERR_REACTOR_ALREADY_INSTALLED,
    WF_TW_ERR_CONNECTION_CLOSED,
    WF_TW_ERR_CONNECTION_LOST,
    WF_TW_ERR_CONNECTION_DONE,
    WF_TW_ERR_CONNECT_ERROR,
    WF_TW_ERR_CONNECTION_REFUSED,
    WF_TW_ERR_TIMEOUT_ERROR,
    WF_TW_ERR_NOT_CONNECTING,
    WF_TW_ERR_NOT_LISTENING,
    WF_TW_NCLASSES
} WfTwClass;

/* The state lives in one object held by the `twisted` module. */
typedef struct WfTwisted {
    WfObject ob;
    WfValue cls[WF_TW_NCLASSES];   /* owned */
    WfValue passthru;              /* the module's passthru function */
    int64_t failure_count;
    bool debug;                    /* defer.setDebugging */
} WfTwisted;

/* The VM's Twisted state (borrowed), or NULL before wf_twisted_init or
 * after teardown dropped the modules. */
static inline WfTwisted *wf_twisted_state(WfVM *vm) { return (WfTwisted *)vm->twisted; }
/* A class of the table above (borrowed); falls back to Exception when the
 * state is gone (teardown). */
WfType *wf_twisted_class(WfVM *vm, WfTwClass c);
/* Raises class c with the given args (borrowed); returns WF_NULL. */
WfValue wf_twisted_raise(WfVM *vm, WfTwClass c, const WfValue *args, size_t nargs);
/* An instance of class c with args (a new reference, WF_NULL on error). */
WfValue wf_twisted_exc_new(WfVM *vm, WfTwClass c, const WfValue *args, size_t nargs);
/* Registers the twisted.* modules; called once at VM start. */
int wf_twisted_init(WfVM *vm);

/* ---- Deferred ----------------------------------------------------------------- */

/* A C callback: called with the current result (borrowed), its data and
 * index; returns the new result (a new reference) or WF_NULL with the
 * exception set, which becomes a Failure as a raising callback's does. */
typedef WfValue (*WfDeferredCFn)(WfVM *vm, WfValue result, WfValue data, int64_t index, bool failed);

/* Ordered so that the callback loop's own kinds come first. */
enum { WF_CB_PY, WF_CB_PY2, WF_CB_C, WF_CB_CONTINUE, WF_CB_INLINE };

/* A pending pair. Python pairs (PY) hold the callback and errback (NULL:
 * passthru) and one set of extra arguments, which addCallback, addErrback
 * and addBoth give to one side or both (args_on): fn(result,
 * *vals[:npos], **dict(zip(kwnames, vals[npos:]))), the values being `one`
 * when there is exactly one (no tuple to allocate: the common
 * addCallback(f, x)) and the tuple `vals` when there are more. Only
 * addCallbacks can give each side its own arguments; that pair is PY2, its
 * `vals` the tuple (cb values, cb kwnames or None, eb values, eb kwnames or
 * None). Kept small: the callback loop copies each pair out before calling
 * it, as Twisted pops it. */
/* WF_CB_RAN_EB: the dispatch loop is running this pair's errback
 * (wf_defer_loop_next). */
enum { WF_CB_ARGS_CB = 1, WF_CB_ARGS_EB = 2, WF_CB_RAN_EB = 4 };
typedef struct WfCbPair {
    union {
        struct {
            WfObject *cb, *eb;     /* PY, PY2 */
            WfValue one;           /* the only extra value, or WF_NULL */
            WfObject *vals;        /* tuple of two or more, or NULL */
            WfObject *kwnames;     /* tuple of interned str, or NULL */
        };
        struct {
            WfValue data;          /* CONTINUE: the waiting Deferred; C:
                                      its data; INLINE: the generator's
                                      status (inline.h) */
            WfDeferredCFn cfn;     /* WF_CB_C */
            int64_t index;         /* WF_CB_C */
        };
    };
    uint8_t kind;                  /* WF_CB_* */
    uint8_t args_on;               /* PY: WF_CB_ARGS_* bits; set only when
                                      there are extra values */
} WfCbPair;

typedef struct WfDeferred {
    WfObject ob;
    WfCbPair *cbs;         /* cbs[head..n) are pending */
    uint32_t head, n, cap;
    bool called, running, suppress_already_called;
    int64_t paused;
    WfValue result;        /* WF_NULL until fired */
    WfValue canceller;     /* WF_NULL: none */
    WfValue chained_to;    /* the Deferred this one waits on, or WF_NULL */
    WfValue fail_result;   /* unhandled Failure to report, or WF_NULL */
    WfValue creator;       /* debugging: stack text at creation, or WF_NULL */
    WfValue invoker;       /* debugging: stack text at first fire */
} WfDeferred;

extern WfType wf_type_deferred, wf_type_deferred_list;

static inline bool wf_is_deferred(WfValue v) {
    return v.tag == WF_TAG_OBJ &&
           (v.u.o->type == &wf_type_deferred || wf_type_is_subtype(v.u.o->type, &wf_type_deferred));
}
#define WF_DEFERRED(v) ((WfDeferred *)(v).u.o)

/* Deferred(), succeed(v), fail(f). fail's argument is what errback takes
 * (WF_NULL: the exception being handled). */
WfValue wf_deferred_new(WfVM *vm);
WfValue wf_succeed(WfVM *vm, WfValue v);
WfValue wf_fail(WfVM *vm, WfValue f);
/* d.callback(v) / d.errback(f): 0, or -1 with the exception set
 * (AlreadyCalledError, AssertionError for a Deferred value, ...). */
int wf_deferred_callback(WfVM *vm, WfValue d, WfValue v);
int wf_deferred_errback(WfVM *vm, WfValue d, WfValue f);
/* Deferred.callback, the method. */
WfValue wf_deferred_m_callback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw);

/* Makes room for one more pair in d's array: 0, or -1 with MemoryError. */
int wf_deferred_reserve(WfVM *vm, WfDeferred *d);
/* The pair addCallback, addErrback or addBoth make of the Python function
 * fn (borrowed) and at most one extra value (borrowed; WF_NULL: none),
 * given by position or, with kwname, by that name, on the sides
 * (WF_CB_ARGS_* bits) the method adds to: written into the next slot of
 * d's array, which has room. */
static inline void wf_deferred_put_pair(WfDeferred *d, WfObject *fn, WfValue one, WfObject *kwname,
                                        unsigned sides) {
    WfCbPair *p = &d->cbs[d->n++];
    p->cb = (sides & WF_CB_ARGS_CB) ? fn : NULL;
    p->eb = (sides & WF_CB_ARGS_EB) ? fn : NULL;
    fn->refcnt += sides == (WF_CB_ARGS_CB | WF_CB_ARGS_EB) ? 2 : 1;
    p->vals = NULL;
    /* One keyword argument or none: the pair loop reads a kwnames as one
     * name. */
    p->kwnames = kwname;
    if (kwname) wf_obj_incref(kwname);
    p->kind = WF_CB_PY;
    if (WF_IS_NULL(one)) {
        p->one = WF_NULL;
        p->args_on = 0;
    } else {
        wf_incref(one);
        p->one = one;
        p->args_on = (uint8_t)sides;
    }
}

/* Firing from the dispatch loop (interp.c's defer_next): d.callback(v)
 * called by the loop runs d's Python callbacks as frames of the loop
 * instead of nested run()s, with d on the caller's stack meanwhile. The
 * loop runs the plainest pairs (a callback given the result and at most
 * one positional value) itself; these functions do everything else, as
 * run_callbacks does. A callback for the loop to make: new references to
 * fn and its values, npos positional, then (kwnames set, a new reference)
 * one keyword argument. */
typedef struct WfDeferCall {
    WfObject *fn;
    WfValue args[2];
    uint32_t npos;
    WfObject *kwnames;
} WfDeferCall;
/* Deferred.callback's firing of d with v (borrowed): 1 when the loop is to
 * step through d's pairs, 0 when nothing runs now, -1 with the exception
 * set (AlreadyCalledError, the AssertionError for a Deferred). */
int wf_defer_loop_fire(WfVM *vm, WfDeferred *d, WfValue v);
/* Runs d's pairs up to one whose function the loop makes: 1 with *call
 * set (the pair stays at d's head until wf_defer_loop_returned), 0 when
 * the chain has run as far as it can, -1 with the exception an
 * inlineCallbacks trampoline raised. */
int wf_defer_loop_next(WfVM *vm, WfDeferred *d, WfDeferCall *call);
/* The function made for d's head pair returned r (stolen), or raised (r
 * WF_NULL, the exception set): pops the pair, records the result, then as
 * wf_defer_loop_next. */
int wf_defer_loop_returned(WfVM *vm, WfDeferred *d, WfValue r, WfDeferCall *call);
/* Adds a C pair (fn on both sides) and runs the chain if d has fired;
 * data is borrowed. 0 or -1. */
int wf_deferred_add_c(WfVM *vm, WfValue d, WfDeferredCFn fn, WfValue data, int64_t index);
/* Puts a C pair in front of d's pending callbacks, without running them
 * (the inlineCallbacks canceller's handleCancel). 0 or -1. */
int wf_deferred_prepend_c(WfVM *vm, WfValue d, WfDeferredCFn fn, WfValue data);
/* d.addCallbacks(cb, eb) with no extra arguments; eb WF_NULL: passthru. */
int wf_deferred_add_callbacks(WfVM *vm, WfValue d, WfValue cb, WfValue eb);
/* What Twisted's log.failure(msg, failure) / log.err print when no log
 * observer was started: "msg\n<getTraceback()>\n" on stderr. The reactor's
 * "Unhandled Error" reports use it too. Keeps any pending exception. */
void wf_twisted_log_failure(WfVM *vm, const char *msg, WfValue failure);
/* d.cancel(), through the object (overrides such as DeferredList's run). */
int wf_deferred_cancel(WfVM *vm, WfValue d);
/* maybeDeferred(f, *args, **kw). */
WfValue wf_maybe_deferred(WfVM *vm, WfValue f, const WfValue *args, size_t nargs, WfObject *kwnames);

/* ---- the engine (defer.c) and inlineCallbacks (inline.c) -------------------------- */

typedef struct WfInline WfInline;

/* Runs an inlineCallbacks generator (status st, which owns the generator
 * and the Deferred it fires), sending it send (stolen; WF_NONE starts it).
 * With addboth, the generator has just yielded that fired Deferred and
 * waits in addBoth while its pending callbacks run. 0, or -1 with the
 * exception the trampoline raised (firing its Deferred failed). */
int wf_defer_run_inline(WfVM *vm, WfInline *st, WfValue send, WfDeferred *addboth);
/* st's generator ended with value (stolen; a Failure when it raised):
 * fires st's Deferred and runs its callbacks. 0 or -1. */
int wf_defer_inline_finished(WfVM *vm, WfInline *st, WfValue value);

/* What the trampoline's while loop (inline.c) asks the engine to do next. */
typedef enum WfInlineStep {
    WF_INLINE_WAIT,        /* suspended on an unfired Deferred (pair added) */
    WF_INLINE_ADDBOTH,     /* pair added to a fired Deferred whose pending
                              callbacks must run first: *wait is it */
    WF_INLINE_FINISHED,    /* the generator ended: *send is the result (a
                              Failure when it raised) */
    WF_INLINE_ERROR,       /* internal error (MemoryError) pending */
    WF_INLINE_SEND         /* wf_inline_yielded: resume with *send */
} WfInlineStep;
/* The trampoline: sends *send (owned; a Failure is thrown in) into the
 * generator, and keeps resuming it in a loop while it yields values or
 * Deferreds that already have results. */
WfInlineStep wf_inline_step(WfVM *vm, WfInline *st, WfValue *send, WfDeferred **wait);
/* Appends an INLINE pair for st to d. 0 or -1. */
int wf_deferred_add_inline(WfVM *vm, WfDeferred *d, WfInline *st);
/* The callback-loop side of Twisted's gotResult while the trampoline is
 * inside addBoth (st->waiting): records r and clears the flag. */
void wf_inline_got_sync(WfVM *vm, WfInline *st, WfValue r);
bool wf_inline_waiting(WfInline *st);

/* Creates the contents of twisted.internet.defer (defer.c, inline.c). */
int wf_defer_module_init(WfVM *vm, WfValue module);
int wf_inline_module_init(WfVM *vm, WfValue module);
#endif

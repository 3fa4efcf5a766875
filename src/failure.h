/* failure.h: twisted.python.failure.Failure as a C type (failure.c). A
 * Failure holds an exception's class and value and the traceback of where
 * it began, kept as a WfTraceback chain (interp.h) that outlives
 * cleanFailure, so tracebacks re-thrown into inlineCallbacks generators keep
 * every level. Failure subclasses BaseException, as in Twisted; its text
 * (repr, str, getTraceback, getBriefTraceback) is Twisted 22.4's. */
#ifndef WF_FAILURE_H
#define WF_FAILURE_H
#include "exc.h"
#include "interp.h"

typedef struct WfFailure {
    WfException exc;       /* the BaseException part: args is () */
    WfValue type;          /* the exception class, or type(obj) */
    WfValue value;         /* the exception instance (or any object) */
    WfObject *frames;      /* WfTraceback chain, catch point first, raise
                              site last; NULL: no frames */
    WfObject *stack;       /* WfTraceback chain of the frames above the
                              catch point, oldest first; NULL: none */
    WfValue parents;       /* list of qualified names, built on first use */
    int64_t count;         /* Twisted's global serial number */
    bool tb_cleared;       /* cleanFailure ran: .tb reads None */
    bool capture_vars;
    int pickled;
} WfFailure;

extern WfType wf_type_failure;

static inline bool wf_is_failure(WfValue v) {
    return v.tag == WF_TAG_OBJ &&
           (v.u.o->type == &wf_type_failure || wf_type_is_subtype(v.u.o->type, &wf_type_failure));
}
#define WF_FAILURE(v) ((WfFailure *)(v).u.o)

/* Failure(value): value is an exception instance, a Failure (copied) or any
 * other object; its traceback is value.__traceback__. A str raises
 * TypeError("Strings are not supported by Failure"). */
WfValue wf_failure_new(WfVM *vm, WfValue value);
/* Failure(): from the exception being handled (vm->handled), or
 * NoCurrentExceptionError when there is none. */
WfValue wf_failure_from_handled(WfVM *vm);
/* A Failure of the pending exception (vm->exc), which it takes: what
 * Twisted's `except BaseException: Failure()` does in the callback loop and
 * the inlineCallbacks trampoline. The stack above is the running frames. */
WfValue wf_failure_capture(WfVM *vm);
/* cleanFailure(): .tb becomes None, value.__traceback__ None; the frames
 * stay. */
void wf_failure_clean(WfVM *vm, WfValue f);
/* Makes the failure's exception the pending one, with its traceback set to
 * the failure's frames (so a generator it is thrown into appends its
 * level). Non-exception values raise TypeError as `raise` would. */
void wf_failure_set_pending(WfVM *vm, WfValue f);
/* getTraceback() text ("default" detail): a new str. */
WfValue wf_failure_traceback_text(WfVM *vm, WfValue f);
/* reflect.qual(cls): "module.qualname" ("builtins.ValueError"). */
WfValue wf_twisted_qual(WfVM *vm, WfValue cls);

/* Creates twisted.python.failure's contents in module (called from
 * twisted.c). */
int wf_failure_module_init(WfVM *vm, WfValue module);
#endif

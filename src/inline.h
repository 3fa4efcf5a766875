/* inline.h: inlineCallbacks (inline.c). Calling a decorated function makes
 * its generator and a status object (Twisted's _CancellationStatus plus the
 * trampoline's `waiting` pair) that owns the generator and the Deferred the
 * call returns; the engine (defer.c) resumes the generator through
 * wf_inline_step whenever a Deferred it waits on fires. */
#ifndef WF_INLINE_H
#define WF_INLINE_H
#include "defer.h"

struct WfInline {
    WfObject ob;
    WfValue gen;           /* the generator; WF_NULL once it finished */
    WfValue deferred;      /* status.deferred: fired when gen finishes */
    WfValue waiting_on;    /* status.waitingOn */
    WfValue sync_result;   /* waiting[1]: a result delivered during addBoth */
    bool waiting;          /* waiting[0]: the trampoline is inside addBoth */
};

/* The type of status objects; calling one is the returned Deferred's
 * canceller. */
extern WfType wf_type_inline_status;
/* What inlineCallbacks(f) returns: calling it runs f's generator. */
extern WfType wf_type_inline_function;

/* status.deferred (borrowed). */
WfDeferred *wf_inline_deferred(WfInline *st);
/* Takes waiting[1] (a new reference). */
WfValue wf_inline_take_sync(WfInline *st);
/* Calls an inlineCallbacks-decorated f (with self in front of args unless
 * it is WF_NULL): what unwindGenerator does. */
WfValue wf_inline_call(WfVM *vm, WfValue f, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames);

/* The dispatch loop runs the first step of an @inlineCallbacks call itself
 * (DESIGN.md section 7: building a deep chain nests no C calls), with
 * these. wf_inline_begin does all of unwindGenerator but that step: it
 * returns the status (a new reference), whose generator has not started
 * and whose Deferred is what the call returns. */
WfValue wf_inline_begin(WfVM *vm, WfValue f, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames);
/* The wrapped function of an inlineCallbacks wrapper, or of a bound method
 * of one (*self set to its self; otherwise WF_NULL). WF_NULL when callable
 * is a bound method of anything else. Borrowed. */
WfValue wf_inline_func_of(WfValue callable, WfValue *self);
/* The generator yielded out (stolen): WF_INLINE_SEND puts in *send what
 * resumes it (a Failure is thrown in); otherwise what wf_inline_step
 * would return. */
WfInlineStep wf_inline_yielded(WfVM *vm, WfInline *st, WfValue out, WfValue *send, WfDeferred **wait);
/* The loop's run of st's generator ended: it returned value (stolen), or
 * raised (value WF_NULL, the exception pending). Fires st's Deferred. 0,
 * or -1 with an exception for the caller. */
int wf_inline_loop_finished(WfVM *vm, WfInline *st, WfValue value);
#endif

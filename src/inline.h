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
/* Calls an inlineCallbacks-decorated f: what unwindGenerator does. */
WfValue wf_inline_call(WfVM *vm, WfValue f, const WfValue *args, size_t nargs, WfObject *kwnames);
#endif

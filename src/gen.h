/* gen.h: generator objects. A generator owns a heap frame (interp.h) and a
 * state; resuming pushes that frame onto the running frame chain and
 * suspending pops it, so a suspended generator holds no C stack. C code
 * resumes a generator through wf_gen_resume. */
#ifndef WF_GEN_H
#define WF_GEN_H
#include "interp.h"

typedef enum WfGenState { WF_GEN_CREATED, WF_GEN_SUSPENDED, WF_GEN_RUNNING, WF_GEN_CLOSED } WfGenState;
typedef enum WfGenStatus { WF_GEN_YIELDED, WF_GEN_RETURNED, WF_GEN_RAISED } WfGenStatus;

typedef struct WfGen {
    WfObject ob;
    WfFrame *frame;        /* NULL once closed */
    WfObject *name, *qualname;
    WfCode *code;
    WfValue exc_state;     /* the exception its own except block was
                              handling when it last suspended, or WF_NULL */
    uint8_t state;
} WfGen;

extern WfType wf_type_generator;

/* Takes ownership of the heap frame f. */
WfValue wf_gen_new(WfVM *vm, WfFrame *f);
/* Resumes gen with value (borrowed; WF_NULL means None) or, with throwing,
 * with the pending exception raised at the suspended yield. *out receives
 * the yielded or returned value (a new reference). */
WfGenStatus wf_gen_resume(WfVM *vm, WfValue gen, WfValue value, bool throwing, WfValue *out);
/* g.__next__() / g.next() and g.send(v); the VM recognises them to resume
 * the generator inside its own loop. */
WfValue wf_gen_m_next(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw);
WfValue wf_gen_m_send(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw);
/* PEP 479: turns a pending StopIteration into RuntimeError. */
void wf_gen_convert_stopiteration(WfVM *vm);
/* One step of `yield from`: send `sent` into the iterator it. 1: it
 * yielded *result; 0: it finished with return value *result; -1: error. */
int wf_gen_delegate_send(WfVM *vm, WfValue it, WfValue sent, WfValue *result);
#endif

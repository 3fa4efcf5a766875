/* interp.h: the dispatch loop's interface. Frames live on a per-VM chunked
 * stack (a call is a pointer bump); a call from bytecode to a weft function
 * switches frames inside the same loop, with no C recursion. C code that
 * must run weft code (a sort key, a dunder method) enters the loop again
 * through wf_vm_call_function, bounded by WF_MAX_C_DEPTH. */
#ifndef WF_INTERP_H
#define WF_INTERP_H
#include "func.h"

/* Nested dispatch loops allowed on the C stack. Each costs a few hundred
 * bytes of C stack plus the native frames between; 6000 stays far inside
 * the 8 MiB main-thread stack even under ASan, whatever the weft recursion
 * limit is set to. */
#define WF_MAX_C_DEPTH 6000

struct WfFrame {
    WfFrame *prev;
    WfCode *code;
    WfFunction *func;      /* owned */
    const uint32_t *ip;    /* next instruction */
    WfValue *sp;           /* the value stack starts at slots + code->nslots */
    WfValue locals;        /* class body namespace (owned) or WF_NULL */
    /* The small state, in one word so that a call sets it with one store. */
    union {
        struct {
            union {
                struct {
                    bool entry;          /* returning from it leaves the C loop */
                    bool heap;           /* owned by a generator, not the frame
                                            stack */
                    bool finished;       /* a generator frame that returned or
                                            raised: its slots are released */
                    uint8_t resume_kind; /* WF_RESUME_*, below */
                };
                uint32_t special;        /* 0: a plain call, which RETURN_VALUE
                                            pops without looking further */
            };
            int32_t handlers;            /* except/finally handlers running in
                                            this frame (PUSH_EXC_INFO not yet
                                            popped) */
        };
        uint64_t state;
    };
    /* Generator frames only (heap true); not set on the frame stack. */
    struct WfGen *gen;     /* the generator owning this heap frame */
    WfValue caller_handled;/* while a generator runs: its caller's handled
                              exception, restored when it suspends */
    WfValue slots[];       /* locals, cells, frees, then the value stack */
};

/* What a frame's caller expects when the frame ends or yields, for frames
 * the dispatch loop pushed itself: a generator frame run by FOR_ITER,
 * YIELD_FROM or g.send() / next(g) (CALL); the first step of an
 * @inlineCallbacks call, whose status object is on the caller's stack
 * (INLINE); an __init__ run for a class call, whose instance is on the
 * caller's stack (INIT); a callback of the Deferred on the caller's stack,
 * which d.callback(v) fires from the loop (DEFER). */
enum {
    WF_RESUME_NONE,
    WF_RESUME_FOR_ITER,
    WF_RESUME_YIELD_FROM,
    WF_RESUME_CALL,
    WF_RESUME_INLINE,
    WF_RESUME_INIT,
    WF_RESUME_DEFER
};

static inline WfValue *wf_frame_stack(WfFrame *f) { return f->slots + f->code->nslots; }

WfValue wf_vm_call_function(WfVM *vm, WfFunction *fn, const WfValue *args, size_t nargs,
                            WfObject *kwnames);
/* Generators (gen.c) own heap frames and resume them through this: sent
 * (stolen; WF_NULL on the first resume) is pushed as the value of the
 * suspended yield, or, with throwing, the pending exception is raised at
 * it. Returns the yielded value (*yielded true), the return value, or
 * WF_NULL with the exception set; in the last two cases the frame is
 * finished. */
WfValue wf_frame_resume(WfVM *vm, WfFrame *f, WfValue sent, bool throwing, bool *yielded);
/* Releases a heap frame (finished or not). */
void wf_frame_free_heap(WfVM *vm, WfFrame *f);
/* Runs a module's code with globals as its namespace. */
WfValue wf_vm_run_module_code(WfVM *vm, WfCode *code, WfValue globals);
/* Line currently executing in frame f. */
int wf_frame_line(WfFrame *f);
/* Appends a traceback entry for (code, line) to the pending exception. */
void wf_traceback_add(WfVM *vm, WfCode *code, int line);
/* Prints the pending exception with its traceback and chain, as CPython's
 * default excepthook does, to stderr; clears it. */
void wf_print_exception(WfVM *vm, WfValue exc);
void wf_frames_free(WfVM *vm);

typedef struct WfTraceback {
    WfObject ob;
    struct WfTraceback *next;
    WfCode *code;
    int line;
} WfTraceback;
#endif

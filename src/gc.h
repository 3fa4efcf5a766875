/* gc.h: the cycle collector's interface to the allocation funnel and the
 * VM. Reference counting frees almost everything; the collector finds
 * groups of container objects that only reference each other (trial
 * deletion, as CPython's gc does) and breaks them with each type's clear. */
#ifndef WF_GC_H
#define WF_GC_H
#include "vm.h"

/* First collection after this many tracked objects; afterwards the threshold
 * follows the live count (twice the survivors), so a full collection costs
 * O(1) amortised per allocation. 700 is CPython's generation-0 threshold. */
#define WF_GC_MIN_THRESHOLD 700

void wf_gc_init(WfVM *vm);
void wf_gc_link(WfVM *vm, WfGCHead *g);
void wf_gc_unlink(WfVM *vm, WfGCHead *g);
static inline bool wf_gc_should_collect(WfVM *vm) {
#ifdef WEFT_GC_STRESS
    /* Every allocation while the heap is small (where most test programs
     * live); past that every (live / 64)th, so a stress run of a program
     * with a large heap costs about 64 object visits per allocation
     * instead of growing quadratically. */
    if (vm->gc_running) return false;
    size_t every = vm->gc_count / 64 + 1;
    return ++vm->gc_stress_tick % every == 0;
#else
    return vm->gc_count >= vm->gc_threshold && !vm->gc_running;
#endif
}
/* An object whose finalizer (__del__) has run is marked, so it never runs
 * again however the object dies (CPython's PEP 442): the low bit of its
 * GC head's prev link, which only gc.c follows. */
static inline bool wf_gc_is_finalized(const WfObject *o) {
    return ((uintptr_t)WF_GC_HEAD(o)->prev & 1) != 0;
}
static inline void wf_gc_set_finalized(WfObject *o) {
    WfGCHead *g = WF_GC_HEAD(o);
    g->prev = (WfGCHead *)((uintptr_t)g->prev | 1);
}
/* Frees unreachable cycles; returns how many objects it found garbage. */
size_t wf_gc_collect(WfVM *vm);
#endif

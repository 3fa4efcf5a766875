/* gc.c: the cycle collector. Trial deletion over every tracked container:
 * copy each refcount into gc_refs, subtract the references that come from
 * other tracked objects, and whatever still has gc_refs > 0 is referenced
 * from outside (C locals, frames, static roots). Everything reachable from
 * those survives; the rest is garbage held only by cycles, which is broken
 * by calling each object's clear slot while the collector holds an extra
 * reference to every garbage object (so none is freed mid-walk). The
 * finalizers (__del__, a suspended generator's finally blocks) run first,
 * and what they make reachable again is not cleared (PEP 442).
 * Called from the allocation funnel (mem.c) and at VM teardown. */
#include <stdlib.h>
#include "gc.h"

#define GC_REACHABLE ((intptr_t)-1)

void wf_gc_init(WfVM *vm) {
    vm->gc_list.next = vm->gc_list.prev = &vm->gc_list;
    vm->gc_count = 0;
    vm->gc_threshold = WF_GC_MIN_THRESHOLD;
}

/* prev without the finalized mark (gc.h), which stays with its object. */
#define PREV(g) ((WfGCHead *)((uintptr_t)(g)->prev & ~(uintptr_t)1))
#define MARK(g) ((uintptr_t)(g)->prev & 1)

void wf_gc_link(WfVM *vm, WfGCHead *g) {
    WfGCHead *head = &vm->gc_list;
    WfGCHead *tail = head->prev; /* the list head never carries the mark */
    g->next = head;
    g->prev = tail;
    tail->next = g;
    head->prev = g;
    vm->gc_count++;
}

void wf_gc_unlink(WfVM *vm, WfGCHead *g) {
    WfGCHead *prev = PREV(g), *next = g->next;
    prev->next = next;
    next->prev = (WfGCHead *)((uintptr_t)prev | MARK(next));
    g->next = g->prev = NULL;
    vm->gc_count--;
}

static bool is_tracked(WfObject *o) {
    return wf_has_gc_head(o) && WF_GC_HEAD(o)->next != NULL;
}

static void visit_decref(WfObject *child, void *arg) {
    (*(size_t *)arg)++;
    if (is_tracked(child)) WF_GC_HEAD(child)->gc_refs--;
}

typedef struct {
    WfObject **items;
    size_t n, cap;
    bool failed;
} Stack;

static void push(Stack *s, WfObject *o) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        WfObject **p = realloc(s->items, cap * sizeof *p);
        if (!p) {
            s->failed = true;
            return;
        }
        s->items = p;
        s->cap = cap;
    }
    s->items[s->n++] = o;
}

static void visit_reach(WfObject *child, void *arg) {
    if (!is_tracked(child)) return;
    WfGCHead *g = WF_GC_HEAD(child);
    if (g->gc_refs == GC_REACHABLE) return;
    g->gc_refs = GC_REACHABLE;
    push(arg, child);
}

/* After the finalizers ran, the garbage's gc_refs are biased by this much
 * (no other tracked object's come near: they are GC_REACHABLE, or 0 when
 * allocated by a finalizer), so the visits below touch garbage only. */
#define GC_BIAS ((intptr_t)1 << 40)
static inline bool in_garbage(WfObject *o) { return is_tracked(o) && WF_GC_HEAD(o)->gc_refs >= GC_BIAS / 2; }

static void visit_garbage_decref(WfObject *child, void *arg) {
    (void)arg;
    if (in_garbage(child)) WF_GC_HEAD(child)->gc_refs--;
}

static void visit_garbage_reach(WfObject *child, void *arg) {
    if (!in_garbage(child)) return;
    WF_GC_HEAD(child)->gc_refs = GC_REACHABLE;
    push(arg, child);
}

/* A finalizer may have stored a garbage object where live code can reach
 * it: that object, and everything it references, is resurrected and must
 * not be cleared (CPython's handle_resurrected_objects). Leaves the
 * survivors GC_REACHABLE; false when out of memory (then nothing may be
 * cleared). */
static bool find_resurrected(Stack *garbage) {
    for (size_t i = 0; i < garbage->n; i++) {
        WfObject *o = garbage->items[i];
        WF_GC_HEAD(o)->gc_refs = o->refcnt - 1 + GC_BIAS; /* less the collector's own */
    }
    for (size_t i = 0; i < garbage->n; i++) {
        WfObject *o = garbage->items[i];
        if (o->type->traverse) o->type->traverse(o, visit_garbage_decref, NULL);
    }
    Stack work = {0};
    for (size_t i = 0; i < garbage->n; i++) {
        WfGCHead *g = WF_GC_HEAD(garbage->items[i]);
        if (g->gc_refs > GC_BIAS) {
            g->gc_refs = GC_REACHABLE;
            push(&work, garbage->items[i]);
        }
    }
    while (work.n && !work.failed) {
        WfObject *o = work.items[--work.n];
        if (o->type->traverse) o->type->traverse(o, visit_garbage_reach, &work);
    }
    bool ok = !work.failed;
    free(work.items);
    return ok;
}

size_t wf_gc_collect(WfVM *vm) {
    if (vm->gc_running) return 0;
    vm->gc_running = true;
    WfGCHead *head = &vm->gc_list;
    for (WfGCHead *g = head->next; g != head; g = g->next) g->gc_refs = WF_GC_OBJ(g)->refcnt;
    size_t visits = 0;
    for (WfGCHead *g = head->next; g != head; g = g->next) {
        WfObject *o = WF_GC_OBJ(g);
        if (o->type->traverse) o->type->traverse(o, visit_decref, &visits);
    }
    Stack work = {0};
    for (WfGCHead *g = head->next; g != head; g = g->next) {
        /* refcnt 0: the object is being destroyed right now (a finalizer
         * triggered this collection); it is not garbage to free again, and
         * what it still holds stays alive until its dealloc releases it. */
        if (g->gc_refs > 0 || WF_GC_OBJ(g)->refcnt == 0) {
            g->gc_refs = GC_REACHABLE;
            push(&work, WF_GC_OBJ(g));
        }
    }
    while (work.n && !work.failed) {
        WfObject *o = work.items[--work.n];
        if (o->type->traverse) o->type->traverse(o, visit_reach, &work);
    }
    size_t found = 0;
    if (!work.failed) {
        Stack garbage = {0};
        for (WfGCHead *g = head->next; g != head; g = g->next)
            if (g->gc_refs != GC_REACHABLE) push(&garbage, WF_GC_OBJ(g));
        if (!garbage.failed) {
            found = garbage.n;
            for (size_t i = 0; i < garbage.n; i++) wf_obj_incref(garbage.items[i]);
            /* Finalizers first, while every object of the cycle is whole. */
            bool finalized = false;
            for (size_t i = 0; i < garbage.n; i++) {
                WfObject *o = garbage.items[i];
                if (o->type->finalize) {
                    o->type->finalize(vm, o);
                    finalized = true;
                }
            }
            bool clear = !finalized || find_resurrected(&garbage);
            for (size_t i = 0; i < garbage.n && clear; i++) {
                WfObject *o = garbage.items[i];
                if (o->type->clear && WF_GC_HEAD(o)->gc_refs != GC_REACHABLE) o->type->clear(vm, o);
            }
            for (size_t i = 0; i < garbage.n; i++) wf_obj_decref(vm, garbage.items[i]);
        }
        free(garbage.items);
    }
    free(work.items);
    /* A full collection costs the objects plus every reference they hold
     * (a list of two million ints is one object but two million visits):
     * wait for allocations in proportion to both, so collecting stays a
     * bounded share of the work however large the live heap is. */
    size_t live = vm->gc_count;
    size_t next = live * 2 + visits / 4;
    vm->gc_threshold = live + (next > WF_GC_MIN_THRESHOLD ? next : WF_GC_MIN_THRESHOLD);
    vm->gc_running = false;
    return found;
}

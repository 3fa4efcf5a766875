/* list.h: list extras beyond object.h (list.c, sort.c): the repr guard
 * and the non-recursive release every container uses, the list iterators
 * (public layouts so the VM can step them inline), extend, and an inline
 * append fast path.
 * Invariant: items[0..n) are owned references, n <= cap. */
#ifndef WF_LIST_H
#define WF_LIST_H
#include "vm.h"

typedef struct WfListIter {
    WfObject ob;
    WfList *seq;                 /* NULL once exhausted */
    size_t i;
} WfListIter;

extern WfType wf_type_list_iter, wf_type_list_reverseiter;

/* Dropping references without deep C recursion (CPython's trashcan): a
 * chain of a million nested lists, tuples or dicts dies in a loop. Exact
 * list/tuple/dict children whose last reference is dropped are destroyed
 * in place up to WF_RELEASE_DEPTH levels (CPython's order), deeper ones
 * are queued and destroyed after. Queued objects keep refcnt 1 so a
 * collection run by a finaliser meanwhile takes them for live. */
typedef struct WfRelease {
    WfObject **queue;
    size_t n, cap;
    int depth;
    WfObject *small[16];
} WfRelease;
void wf_release_begin(WfRelease *r);
void wf_release_value(WfVM *vm, WfRelease *r, WfValue v);   /* steals v */
void wf_release_end(WfVM *vm, WfRelease *r);
/* Steals vals[0..n), dropping the last first (CPython's order for list
 * and tuple items). */
void wf_release_values(WfVM *vm, const WfValue *vals, size_t n);

/* Repr recursion guard (vm->repr_active): 1 when o's repr is already
 * running (print [...]), 0 after marking it (call wf_repr_leave), -1 on
 * error. */
int wf_repr_enter(WfVM *vm, WfObject *o);
void wf_repr_leave(WfVM *vm, WfObject *o);

WfValue wf_list_iter(WfVM *vm, WfValue list);
WfValue wf_list_reversed_iter(WfVM *vm, WfValue list);
/* list.extend(iterable); 0 or -1. */
int wf_list_extend(WfVM *vm, WfValue list, WfValue iterable);
/* A new tuple with the list's items. */
WfValue wf_list_as_tuple(WfVM *vm, WfValue list);
/* New list of items[lo, hi) (lo <= hi <= n). */
WfValue wf_list_slice(WfVM *vm, WfValue list, size_t lo, size_t hi);
/* Grows the buffer to hold at least n items; 0 or -1 (MemoryError). */
int wf_list_reserve(WfVM *vm, WfValue list, size_t n);

/* Sequence repetition count for `seq * n` / `n * seq`: the non-sequence
 * operand as an int (negative counts as 0). -1 with TypeError "can't
 * multiply sequence by non-int of type 'T'" set. */
int wf_seq_repeat_count(WfVM *vm, WfValue n, int64_t *out);

static inline int wf_list_append_fast(WfVM *vm, WfValue list, WfValue v) {
    WfList *l = WF_LIST(list);
    if (l->n < l->cap) {
        wf_incref(v);
        l->items[l->n++] = v;
        return 0;
    }
    return wf_list_append(vm, list, v);
}
#endif

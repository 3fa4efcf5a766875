/* tuple.h: tuple extras beyond object.h (tuple.c). Tuples are immutable
 * once they escape their creator; vm->empty_tuple is the one empty tuple.
 * The iterator layout is public so the VM can step it inline. */
#ifndef WF_TUPLE_H
#define WF_TUPLE_H
#include "vm.h"

typedef struct WfTupleIter {
    WfObject ob;
    WfTuple *seq;                /* NULL once exhausted */
    size_t i;
} WfTupleIter;

extern WfType wf_type_tuple_iter;

WfValue wf_tuple_iter(WfVM *vm, WfValue tuple);
/* New tuple of items[lo, hi) of t (borrowed; lo <= hi <= n). */
WfValue wf_tuple_slice(WfVM *vm, WfValue t, size_t lo, size_t hi);
/* The tuple hash (CPython 3.11's xxHash-based one) of n values. */
int wf_tuple_hash_items(WfVM *vm, const WfValue *items, size_t n, int64_t *out);
#endif

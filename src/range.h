/* range.h: range, its iterator, and slice objects (range.c). The range
 * iterator's layout is public because the VM special-cases
 * `for i in range(n)`: while (step > 0 ? cur < stop : cur > stop) it yields
 * cur and advances cur by step (range.c clamps cur to stop instead of
 * overflowing). Slices are public so sequence types read them directly. */
#ifndef WF_RANGE_H
#define WF_RANGE_H
#include "vm.h"

typedef struct WfRange {
    WfObject ob;
    int64_t start, stop, step;   /* step != 0 */
    uint64_t len;                /* may exceed INT64_MAX: len() then raises */
} WfRange;

typedef struct WfRangeIter {
    WfObject ob;
    int64_t cur, stop, step;
} WfRangeIter;

typedef struct WfSlice {
    WfObject ob;
    WfValue start, stop, step;   /* any values; None when omitted */
} WfSlice;

extern WfType wf_type_range_iter;

/* range(start, stop, step) from C; ValueError when step is 0. */
WfValue wf_range_new(WfVM *vm, int64_t start, int64_t stop, int64_t step);
/* iter(range) and reversed(range). */
WfValue wf_range_iter(WfVM *vm, WfValue range);
WfValue wf_range_reversed_iter(WfVM *vm, WfValue range);
/* A range iterator over [start, stop) by step, without a range object. */
WfValue wf_range_iter_new(WfVM *vm, int64_t start, int64_t stop, int64_t step);

/* A slice's parts as CPython's PySlice_Unpack does (None filled in, big
 * ints clamped, zero step rejected), before adjusting to a length. */
int wf_slice_unpack(WfVM *vm, WfValue slice, int64_t *start, int64_t *stop,
                    int64_t *step);
/* PySlice_AdjustIndices: clamps unpacked parts to a length, returns the
 * number of items. Cannot fail. */
int64_t wf_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step);

static inline bool wf_is_slice(WfValue v) {
    return v.tag == WF_TAG_OBJ && v.u.o->type == &wf_type_slice;
}
#endif

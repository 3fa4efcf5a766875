/* range.c: range (int64 start/stop/step; a bound outside int64 raises
 * OverflowError), its iterator, and slice objects with CPython's index
 * normalisation. Invariant: a range's step is never 0 and its len is
 * computed once, exactly (128-bit arithmetic). The VM steps WfRangeIter
 * inline for `for i in range(n)`; sequences call wf_slice_unpack/adjust. */
#include <string.h>
#include "list.h"
#include "range.h"
#include "tuple.h"

#define RANGE(v) ((WfRange *)(v).u.o)

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop)
        return (uint64_t)(((__int128)stop - start - 1) / step + 1);
    if (step < 0 && start > stop)
        return (uint64_t)(((__int128)start - stop - 1) / -(__int128)step + 1);
    return 0;
}

WfValue wf_range_new(WfVM *vm, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return wf_err_format(vm, &wf_exc_ValueError, "range() arg 3 must not be zero");
    WfRange *r = (WfRange *)wf_obj_alloc(vm, &wf_type_range, sizeof(WfRange));
    if (!r) return WF_NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return WF_OBJ(r);
}

/* An int argument of range(): __index__ accepted, floats refused. */
static int range_arg(WfVM *vm, WfValue v, int64_t *out) {
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) {
        *out = v.u.i;
        return 0;
    }
    if (wf_is_int(v)) return wf_int_as_i64(vm, v, out);
    return wf_index(vm, v, NULL, out);
}

static WfValue range_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                          WfObject *kwnames) {
    if (wf_args_check(vm, "range", nargs, kwnames, 1, 3) < 0) return WF_NULL;
    int64_t start = 0, stop, step = 1;
    if (nargs == 1) {
        if (range_arg(vm, args[0], &stop) < 0) return WF_NULL;
    } else {
        if (range_arg(vm, args[0], &start) < 0 || range_arg(vm, args[1], &stop) < 0)
            return WF_NULL;
        if (nargs == 3 && range_arg(vm, args[2], &step) < 0) return WF_NULL;
    }
    return wf_range_new(vm, start, stop, step);
}

static WfValue range_repr(WfVM *vm, WfValue v) {
    WfRange *r = RANGE(v);
    if (r->step == 1)
        return wf_str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return wf_str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                         (long long)r->step);
}

static int64_t range_len(WfVM *vm, WfValue v) {
    WfRange *r = RANGE(v);
    if (r->len > (uint64_t)INT64_MAX) {
        wf_err_format(vm, &wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (int64_t)r->len;
}

static int range_truth(WfVM *vm, WfValue v) { return RANGE(v)->len != 0; }

/* Sequence equality: same length, and the same items (CPython's
 * range_equals). */
static bool range_same(const WfRange *a, const WfRange *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->len == 0) return true;
    if (a->start != b->start) return false;
    if (a->len == 1) return true;
    return a->step == b->step;
}

static WfValue range_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (op != WF_CMP_EQ && op != WF_CMP_NE) return WF_NOTIMPL;
    if (a.tag != WF_TAG_OBJ || b.tag != WF_TAG_OBJ || a.u.o->type != &wf_type_range ||
        b.u.o->type != &wf_type_range)
        return WF_NOTIMPL;
    bool eq = range_same(RANGE(a), RANGE(b));
    return WF_BOOL(op == WF_CMP_EQ ? eq : !eq);
}

/* hash((len, start, step)) with None for the parts that do not matter, as
 * CPython does, so equal ranges hash equal. */
static int range_hash(WfVM *vm, WfValue v, int64_t *out) {
    WfRange *r = RANGE(v);
    WfValue parts[3] = {WF_INT((int64_t)r->len), WF_NONE, WF_NONE};
    if (r->len > (uint64_t)INT64_MAX) {
        WfValue t = wf_tuple_pack(vm, 3, WF_INT(r->start), WF_INT(r->stop), WF_INT(r->step));
        if (WF_IS_NULL(t)) return -1;
        int rc = wf_hash(vm, t, out);
        wf_decref(vm, t);
        return rc;
    }
    if (r->len > 0) {
        parts[1] = WF_INT(r->start);
        if (r->len > 1) parts[2] = WF_INT(r->step);
    }
    return wf_tuple_hash_items(vm, parts, 3, out);
}

/* x is in the range (x an int64): its position, or -1. */
static int64_t range_pos(const WfRange *r, int64_t x) {
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
    __int128 d = (__int128)x - r->start;
    if (d % r->step != 0) return -1;
    return (int64_t)(d / r->step);
}

/* Linear search by == for non-int values (CPython does the same): the
 * first position, -1 when absent, -2 on error. count gets the number of
 * matches when not NULL. */
static int64_t range_search(WfVM *vm, const WfRange *r, WfValue x, int64_t *count) {
    int64_t cur = r->start, found = -1;
    for (uint64_t i = 0; i < r->len; i++, cur += r->step) {
        int eq = wf_eq(vm, WF_INT(cur), x);
        if (eq < 0) return -2;
        if (eq) {
            if (!count) return (int64_t)i;
            if (found < 0) found = (int64_t)i;
            (*count)++;
        }
        if (i + 1 == r->len) break;
    }
    return found;
}

static int range_contains(WfVM *vm, WfValue v, WfValue x) {
    WfRange *r = RANGE(v);
    if (x.tag == WF_TAG_INT || x.tag == WF_TAG_BOOL) return range_pos(r, x.u.i) >= 0;
    if (wf_is_int(x)) return 0;
    int64_t p = range_search(vm, r, x, NULL);
    return p == -2 ? -1 : p >= 0;
}

static WfValue range_item(WfRange *r, uint64_t i) {
    return WF_INT((int64_t)((__int128)r->start + (__int128)i * r->step));
}

static WfValue range_getitem(WfVM *vm, WfValue v, WfValue key) {
    WfRange *r = RANGE(v);
    int64_t i;
    if (key.tag == WF_TAG_INT) {
        i = key.u.i;
    } else if (wf_is_slice(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(vm, key, &start, &stop, &step) < 0) return WF_NULL;
        /* wf_slice_adjust with a 128-bit length: len may exceed INT64_MAX. */
        __int128 len = r->len, lo = start, hi = stop;
        if (lo < 0) {
            lo += len;
            if (lo < 0) lo = step < 0 ? -1 : 0;
        } else if (lo >= len) {
            lo = step < 0 ? len - 1 : len;
        }
        if (hi < 0) {
            hi += len;
            if (hi < 0) hi = step < 0 ? -1 : 0;
        } else if (hi >= len) {
            hi = step < 0 ? len - 1 : len;
        }
        /* None parts mean the ends, which int64 sentinels cannot name. */
        if (WF_IS_NONE(((WfSlice *)key.u.o)->start)) lo = step < 0 ? len - 1 : 0;
        if (WF_IS_NONE(((WfSlice *)key.u.o)->stop)) hi = step < 0 ? -1 : len;
        __int128 nstart = (__int128)r->start + lo * r->step;
        __int128 nstop = (__int128)r->start + hi * r->step;
        __int128 nstep = (__int128)r->step * step;
        if (nstart < INT64_MIN || nstart > INT64_MAX || nstop < INT64_MIN || nstop > INT64_MAX ||
            nstep < INT64_MIN || nstep > INT64_MAX)
            return wf_err_format(vm, &wf_exc_OverflowError,
                                 "Python int too large to convert to C long");
        return wf_range_new(vm, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
    } else if (wf_index(vm, key, "range", &i) < 0) {
        return WF_NULL;
    }
    __int128 k = i;
    if (k < 0) k += r->len;
    if (k < 0 || k >= (__int128)r->len)
        return wf_err_format(vm, &wf_exc_IndexError, "range object index out of range");
    return range_item(r, (uint64_t)k);
}

/* ---- iterator ---------------------------------------------------------------- */

WfValue wf_range_iter_new(WfVM *vm, int64_t start, int64_t stop, int64_t step) {
    WfRangeIter *it = (WfRangeIter *)wf_obj_alloc(vm, &wf_type_range_iter, sizeof *it);
    if (!it) return WF_NULL;
    it->cur = start;
    it->stop = stop;
    it->step = step;
    return WF_OBJ(it);
}

WfValue wf_range_iter(WfVM *vm, WfValue range) {
    WfRange *r = RANGE(range);
    return wf_range_iter_new(vm, r->start, r->stop, r->step);
}

WfValue wf_range_reversed_iter(WfVM *vm, WfValue range) {
    WfRange *r = RANGE(range);
    if (r->len == 0) return wf_range_iter_new(vm, 0, 0, 1);
    __int128 last = (__int128)r->start + (__int128)(r->len - 1) * r->step;
    __int128 stop = (__int128)r->start - r->step;
    __int128 step = -(__int128)r->step;
    if (stop < INT64_MIN || stop > INT64_MAX || step > INT64_MAX)
        return wf_err_format(vm, &wf_exc_OverflowError, "range too large to reverse");
    return wf_range_iter_new(vm, (int64_t)last, (int64_t)stop, (int64_t)step);
}

static WfValue range_iter_slot(WfVM *vm, WfValue v) { return wf_range_iter(vm, v); }

static WfValue rangeiter_iter(WfVM *vm, WfValue v) { return wf_ref(v); }

static WfValue rangeiter_next(WfVM *vm, WfValue v) {
    WfRangeIter *it = (WfRangeIter *)v.u.o;
    int64_t cur = it->cur;
    if (it->step > 0 ? cur >= it->stop : cur <= it->stop) return WF_NULL;
    if (__builtin_add_overflow(cur, it->step, &it->cur)) it->cur = it->stop;
    return WF_INT(cur);
}

static WfValue rangeiter_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                     WfObject *kw) {
    WfRangeIter *it = (WfRangeIter *)self.u.o;
    uint64_t n = range_length(it->cur, it->stop, it->step);
    return WF_INT(n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n);
}

static const WfMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_range_iter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "range_iterator",
    .base = &wf_type_object,
    .size = sizeof(WfRangeIter),
    .dealloc = wf_obj_free,
    .iter = rangeiter_iter,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

/* ---- range methods and attributes ---------------------------------------------- */

static WfValue range_m_count(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                             WfObject *kw) {
    if (wf_args_check(vm, "range.count", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfRange *r = RANGE(self);
    WfValue x = args[0];
    if (x.tag == WF_TAG_INT || x.tag == WF_TAG_BOOL) return WF_INT(range_pos(r, x.u.i) >= 0);
    if (wf_is_int(x)) return WF_INT(0);
    int64_t c = 0;
    if (range_search(vm, r, x, &c) == -2) return WF_NULL;
    return WF_INT(c);
}

static WfValue range_m_index(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                             WfObject *kw) {
    if (wf_args_check(vm, "range.index", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfRange *r = RANGE(self);
    WfValue x = args[0];
    int64_t p;
    if (x.tag == WF_TAG_INT || x.tag == WF_TAG_BOOL || wf_is_int(x)) {
        p = x.tag == WF_TAG_OBJ ? -1 : range_pos(r, x.u.i);
        if (p >= 0) return WF_INT(p);
        WfValue s = wf_repr(vm, x);
        if (WF_IS_NULL(s)) return s;
        wf_err_format(vm, &wf_exc_ValueError, "%s is not in range", WF_STR(s)->data);
        wf_decref(vm, s);
        return WF_NULL;
    }
    p = range_search(vm, r, x, NULL);
    if (p == -2) return WF_NULL;
    if (p < 0)
        return wf_err_format(vm, &wf_exc_ValueError, "sequence.index(x): x not in sequence");
    return WF_INT(p);
}

static WfValue range_m_reversed(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                WfObject *kw) {
    if (wf_args_check(vm, "range.__reversed__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_range_reversed_iter(vm, self);
}

static WfValue range_get_start(WfVM *vm, WfValue v) { return WF_INT(RANGE(v)->start); }
static WfValue range_get_stop(WfVM *vm, WfValue v) { return WF_INT(RANGE(v)->stop); }
static WfValue range_get_step(WfVM *vm, WfValue v) { return WF_INT(RANGE(v)->step); }

static const WfMethodDef range_methods[] = {
    {"count", range_m_count, "rangeobject.count(value) -> integer -- return number of occurrences of value", 0},
    {"index", range_m_index, "rangeobject.index(value) -> integer -- return index of value.", 0},
    {"__reversed__", range_m_reversed, NULL, 0},
    {NULL, NULL, NULL, 0},
};

static const WfGetSetDef range_getsets[] = {
    {"start", range_get_start, NULL},
    {"stop", range_get_stop, NULL},
    {"step", range_get_step, NULL},
    {NULL, NULL, NULL},
};

WfType wf_type_range = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "range",
    .base = &wf_type_object,
    .size = sizeof(WfRange),
    .dealloc = wf_obj_free,
    .repr = range_repr,
    .hash = range_hash,
    .richcmp = range_richcmp,
    .new_ = range_new_,
    .iter = range_iter_slot,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .truth = range_truth,
    .methods = range_methods,
    .getsets = range_getsets,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
};

/* ---- slice ------------------------------------------------------------------------ */

#define SLICE(v) ((WfSlice *)(v).u.o)

WfValue wf_slice_new(WfVM *vm, WfValue start, WfValue stop, WfValue step) {
    WfSlice *s = (WfSlice *)wf_obj_alloc(vm, &wf_type_slice, sizeof(WfSlice));
    if (!s) return WF_NULL;
    s->start = wf_ref(start);
    s->stop = wf_ref(stop);
    s->step = wf_ref(step);
    return WF_OBJ(s);
}

/* CPython's _PyEval_SliceIndex: ints (big ones clamped to int64) and
 * __index__. */
static int slice_index(WfVM *vm, WfValue v, int64_t *out) {
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) {
        *out = v.u.i;
        return 0;
    }
    if (wf_is_int(v)) {
        if (wf_int_as_i64(vm, v, out) == 0) return 0;
        wf_err_clear(vm);
        int neg = wf_richcmp_bool(vm, v, WF_INT(0), WF_CMP_LT);
        if (neg < 0) return -1;
        *out = neg ? INT64_MIN : INT64_MAX;
        return 0;
    }
    WfType *t = wf_type_of(v);
    if (t->index) {
        WfValue r = t->index(vm, v);
        if (WF_IS_NULL(r)) return -1;
        int rc = wf_is_int(r) ? slice_index(vm, r, out) : -1;
        if (rc < 0 && !wf_err_occurred(vm))
            wf_err_format(vm, &wf_exc_TypeError, "__index__ returned non-int (type %s)",
                          wf_type_name(r));
        wf_decref(vm, r);
        return rc;
    }
    wf_err_format(vm, &wf_exc_TypeError,
                  "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int wf_slice_unpack(WfVM *vm, WfValue slice, int64_t *start, int64_t *stop, int64_t *step) {
    WfSlice *s = SLICE(slice);
    if (WF_IS_NONE(s->step)) {
        *step = 1;
    } else {
        if (slice_index(vm, s->step, step) < 0) return -1;
        if (*step == 0) {
            wf_err_format(vm, &wf_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* So that -step cannot overflow. */
        if (*step < -INT64_MAX) *step = -INT64_MAX;
    }
    if (WF_IS_NONE(s->start))
        *start = *step < 0 ? INT64_MAX : 0;
    else if (slice_index(vm, s->start, start) < 0)
        return -1;
    if (WF_IS_NONE(s->stop))
        *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_index(vm, s->stop, stop) < 0)
        return -1;
    return 0;
}

int64_t wf_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int64_t wf_slice_indices(WfVM *vm, WfValue slice, int64_t length, int64_t *start,
                         int64_t *stop, int64_t *step) {
    if (wf_slice_unpack(vm, slice, start, stop, step) < 0) return -1;
    return wf_slice_adjust(length, start, stop, *step);
}

static void slice_clear(WfVM *vm, WfObject *o) {
    WfSlice *s = (WfSlice *)o;
    WfValue a = s->start, b = s->stop, c = s->step;
    s->start = s->stop = s->step = WF_NONE;
    wf_decref(vm, a);
    wf_decref(vm, b);
    wf_decref(vm, c);
}

static void slice_dealloc(WfVM *vm, WfObject *o) {
    o->refcnt = 1; /* see list.c list_dealloc */
    slice_clear(vm, o);
    wf_obj_free(vm, o);
}

static void slice_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfSlice *s = (WfSlice *)o;
    if (s->start.tag == WF_TAG_OBJ) visit(s->start.u.o, arg);
    if (s->stop.tag == WF_TAG_OBJ) visit(s->stop.u.o, arg);
    if (s->step.tag == WF_TAG_OBJ) visit(s->step.u.o, arg);
}

static WfValue slice_repr(WfVM *vm, WfValue v) {
    WfSlice *s = SLICE(v);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_append(vm, &b, "slice(", 6);
    wf_buf_append_repr(vm, &b, s->start);
    wf_buf_append(vm, &b, ", ", 2);
    wf_buf_append_repr(vm, &b, s->stop);
    wf_buf_append(vm, &b, ", ", 2);
    wf_buf_append_repr(vm, &b, s->step);
    wf_buf_putc(vm, &b, ')');
    return wf_buf_finish(vm, &b);
}

static WfValue slice_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!wf_is_slice(a) || !wf_is_slice(b)) return WF_NOTIMPL;
    if (a.u.o == b.u.o && (op == WF_CMP_EQ || op == WF_CMP_NE)) return WF_BOOL(op == WF_CMP_EQ);
    WfSlice *x = SLICE(a), *y = SLICE(b);
    WfValue t = wf_tuple_pack(vm, 3, x->start, x->stop, x->step);
    if (WF_IS_NULL(t)) return t;
    WfValue u = wf_tuple_pack(vm, 3, y->start, y->stop, y->step);
    if (WF_IS_NULL(u)) {
        wf_decref(vm, t);
        return u;
    }
    WfValue r = wf_richcmp(vm, t, u, op);
    wf_decref(vm, t);
    wf_decref(vm, u);
    return r;
}

static WfValue slice_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                          WfObject *kwnames) {
    if (wf_args_check(vm, "slice", nargs, kwnames, 1, 3) < 0) return WF_NULL;
    if (nargs == 1) return wf_slice_new(vm, WF_NONE, args[0], WF_NONE);
    return wf_slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : WF_NONE);
}

static WfValue slice_m_indices(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                               WfObject *kw) {
    if (wf_args_check(vm, "slice.indices", nargs, kw, 1, 1) < 0) return WF_NULL;
    int64_t len;
    if (wf_index(vm, args[0], NULL, &len) < 0) return WF_NULL;
    if (len < 0) return wf_err_format(vm, &wf_exc_ValueError, "length should not be negative");
    int64_t start, stop, step;
    if (wf_slice_indices(vm, self, len, &start, &stop, &step) < 0) return WF_NULL;
    return wf_tuple_pack(vm, 3, WF_INT(start), WF_INT(stop), WF_INT(step));
}

static WfValue slice_get_start(WfVM *vm, WfValue v) { return wf_ref(SLICE(v)->start); }
static WfValue slice_get_stop(WfVM *vm, WfValue v) { return wf_ref(SLICE(v)->stop); }
static WfValue slice_get_step(WfVM *vm, WfValue v) { return wf_ref(SLICE(v)->step); }

static const WfMethodDef slice_methods[] = {
    {"indices", slice_m_indices, "S.indices(len) -> (start, stop, stride)", 0},
    {NULL, NULL, NULL, 0},
};

static const WfGetSetDef slice_getsets[] = {
    {"start", slice_get_start, NULL},
    {"stop", slice_get_stop, NULL},
    {"step", slice_get_step, NULL},
    {NULL, NULL, NULL},
};

WfType wf_type_slice = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "slice",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_UNHASHABLE,
    .size = sizeof(WfSlice),
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .clear = slice_clear,
    .repr = slice_repr,
    .richcmp = slice_richcmp,
    .new_ = slice_new_,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .doc = "slice(stop)\nslice(start, stop[, step])",
};

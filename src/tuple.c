/* tuple.c: the tuple type and its iterator. Items live inline after the
 * header; a tuple is filled by its creator (wf_tuple_new leaves WF_NULL
 * slots) and immutable once it escapes. One empty tuple per VM
 * (vm->empty_tuple). Called by the VM (BUILD_TUPLE, *args), the builtins
 * and every C function that returns several values. */
#include <string.h>
#include "list.h"
#include "range.h"
#include "tuple.h"

/* No tuple needs more slots than fit in the allocation funnel's limit; this
 * keeps n * sizeof(WfValue) from wrapping. */
#define WF_TUPLE_MAX_ITEMS (((size_t)1 << 40) / sizeof(WfValue))

WfValue wf_tuple_new(WfVM *vm, size_t n) {
    if (n == 0 && WF_IS_OBJ(vm->empty_tuple)) return wf_ref(vm->empty_tuple);
    if (n > WF_TUPLE_MAX_ITEMS) return wf_err_no_memory(vm);
    WfTuple *t = (WfTuple *)wf_obj_alloc(vm, &wf_type_tuple,
                                         sizeof(WfTuple) + n * sizeof(WfValue));
    if (!t) return WF_NULL;
    t->n = n;
    return WF_OBJ(t);
}

WfValue wf_tuple_pack(WfVM *vm, size_t n, ...) {
    WfValue r = wf_tuple_new(vm, n);
    if (WF_IS_NULL(r)) return r;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) WF_TUPLE(r)->items[i] = wf_ref(va_arg(ap, WfValue));
    va_end(ap);
    return r;
}

WfValue wf_tuple_from_array(WfVM *vm, const WfValue *items, size_t n) {
    WfValue r = wf_tuple_new(vm, n);
    if (WF_IS_NULL(r)) return r;
    WfValue *dst = WF_TUPLE(r)->items;
    for (size_t i = 0; i < n; i++) dst[i] = wf_ref(items[i]);
    return r;
}

WfValue wf_tuple_slice(WfVM *vm, WfValue t, size_t lo, size_t hi) {
    return wf_tuple_from_array(vm, WF_TUPLE(t)->items + lo, hi - lo);
}

WfValue wf_tuple_from_iterable(WfVM *vm, WfValue iterable) {
    if (iterable.tag == WF_TAG_OBJ) {
        WfType *t = iterable.u.o->type;
        if (t == &wf_type_tuple) return wf_ref(iterable);
        if (wf_is_tuple_items(iterable))
            return wf_tuple_from_array(vm, WF_TUPLE(iterable)->items, WF_TUPLE(iterable)->n);
        if (wf_is_list_items(iterable))
            return wf_tuple_from_array(vm, WF_LIST(iterable)->items, WF_LIST(iterable)->n);
    }
    WfValue l = wf_list_from_iterable(vm, iterable);
    if (WF_IS_NULL(l)) return l;
    WfValue r = wf_list_as_tuple(vm, l);
    wf_decref(vm, l);
    return r;
}

/* ---- slots ------------------------------------------------------------------ */

static void tuple_dealloc(WfVM *vm, WfObject *o) {
    WfTuple *t = (WfTuple *)o;
    size_t n = t->n;
    /* Hide the items from the collector first: a decref below may run a
     * __del__ that allocates and collects. */
    t->n = 0;
    o->refcnt = 1; /* see list.c list_dealloc */
    wf_release_values(vm, t->items, n);
    wf_obj_free(vm, o);
}

static void tuple_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfTuple *t = (WfTuple *)o;
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].tag == WF_TAG_OBJ) visit(t->items[i].u.o, arg);
}

static WfValue tuple_repr(WfVM *vm, WfValue v) {
    WfTuple *t = WF_TUPLE(v);
    if (t->n == 0) return wf_str_new(vm, "()", 2);
    int rc = wf_repr_enter(vm, v.u.o);
    if (rc < 0) return WF_NULL;
    if (rc > 0) return wf_str_new(vm, "(...)", 5);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_putc(vm, &b, '(');
    for (size_t i = 0; i < t->n; i++) {
        if (i > 0) wf_buf_append(vm, &b, ", ", 2);
        if (!wf_buf_append_repr(vm, &b, t->items[i])) break;
    }
    if (t->n == 1) wf_buf_putc(vm, &b, ',');
    wf_buf_putc(vm, &b, ')');
    wf_repr_leave(vm, v.u.o);
    return wf_buf_finish(vm, &b);
}

/* CPython 3.11's tuplehash (xxHash's round, 64-bit primes). */
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)

int wf_tuple_hash_items(WfVM *vm, const WfValue *items, size_t n, int64_t *out) {
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        int64_t h;
        WfValue x = items[i];
        if (x.tag == WF_TAG_INT && x.u.i > -((int64_t)1 << 61) + 1 &&
            x.u.i < ((int64_t)1 << 61) - 1 && x.u.i != -1)
            h = x.u.i;
        else if (wf_hash(vm, x, &h) < 0)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    *out = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    return 0;
}

static int tuple_hash(WfVM *vm, WfValue v, int64_t *out) {
    return wf_tuple_hash_items(vm, WF_TUPLE(v)->items, WF_TUPLE(v)->n, out);
}

static WfValue tuple_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!wf_is_tuple(a) || !wf_is_tuple(b)) return WF_NOTIMPL;
    WfTuple *x = WF_TUPLE(a), *y = WF_TUPLE(b);
    if ((op == WF_CMP_EQ || op == WF_CMP_NE) && x->n != y->n) return WF_BOOL(op == WF_CMP_NE);
    size_t i, n = x->n < y->n ? x->n : y->n;
    for (i = 0; i < n; i++) {
        int eq = wf_eq(vm, x->items[i], y->items[i]);
        if (eq < 0) return WF_NULL;
        if (!eq) break;
    }
    if (i >= n) {
        size_t p = x->n, q = y->n;
        switch (op) {
        case WF_CMP_LT: return WF_BOOL(p < q);
        case WF_CMP_LE: return WF_BOOL(p <= q);
        case WF_CMP_EQ: return WF_BOOL(p == q);
        case WF_CMP_NE: return WF_BOOL(p != q);
        case WF_CMP_GT: return WF_BOOL(p > q);
        default: return WF_BOOL(p >= q);
        }
    }
    if (op == WF_CMP_EQ) return WF_FALSE;
    if (op == WF_CMP_NE) return WF_TRUE;
    return wf_richcmp(vm, x->items[i], y->items[i], op);
}

static int64_t tuple_len(WfVM *vm, WfValue v) { return (int64_t)WF_TUPLE(v)->n; }

static WfValue tuple_getitem(WfVM *vm, WfValue v, WfValue key) {
    WfTuple *t = WF_TUPLE(v);
    int64_t i;
    if (key.tag == WF_TAG_INT) {
        i = key.u.i;
    } else if (wf_is_slice(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(vm, key, &start, &stop, &step) < 0) return WF_NULL;
        int64_t n = wf_slice_adjust((int64_t)t->n, &start, &stop, step);
        if (n <= 0) return wf_tuple_new(vm, 0);
        if (step == 1) {
            if (n == (int64_t)t->n && v.u.o->type == &wf_type_tuple) return wf_ref(v);
            return wf_tuple_from_array(vm, t->items + start, (size_t)n);
        }
        WfValue r = wf_tuple_new(vm, (size_t)n);
        if (WF_IS_NULL(r)) return r;
        for (int64_t k = 0, j = start; k < n; k++, j += step)
            WF_TUPLE(r)->items[k] = wf_ref(t->items[j]);
        return r;
    } else if (wf_index(vm, key, "tuple", &i) < 0) {
        return WF_NULL;
    }
    if (i < 0) i += (int64_t)t->n;
    if (i < 0 || i >= (int64_t)t->n)
        return wf_err_format(vm, &wf_exc_IndexError, "tuple index out of range");
    return wf_ref(t->items[i]);
}

static int tuple_contains(WfVM *vm, WfValue v, WfValue x) {
    WfTuple *t = WF_TUPLE(v);
    for (size_t i = 0; i < t->n; i++) {
        int eq = wf_eq(vm, t->items[i], x);
        if (eq != 0) return eq;
    }
    return 0;
}

/* Tries the other operand's slot before giving CPython's concatenation
 * error, as CPython does (sq_concat comes after both nb_add slots). */
static WfValue try_other(WfVM *vm, int op, WfValue a, WfValue b, WfType *self_type) {
    WfType *tb = wf_type_of(b);
    WfBinaryFn fb = tb->binop[op];
    /* A built-in sequence's slot would treat a as its repeat count. */
    if (!(tb->flags & WF_TPFLAG_HEAPTYPE) &&
        (tb->flags & (WF_TPFLAG_STR | WF_TPFLAG_LIST | WF_TPFLAG_TUPLE)))
        return WF_NOTIMPL;
    if (fb && fb != self_type->binop[op]) return fb(vm, a, b);
    return WF_NOTIMPL;
}

static WfValue tuple_add(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_tuple(a)) return WF_NOTIMPL;
    if (!wf_is_tuple(b)) {
        WfValue r = try_other(vm, WF_BIN_ADD, a, b, &wf_type_tuple);
        if (!WF_IS_NOTIMPL(r)) return r;
        return wf_err_format(vm, &wf_exc_TypeError,
                             "can only concatenate tuple (not \"%s\") to tuple", wf_type_name(b));
    }
    WfTuple *x = WF_TUPLE(a), *y = WF_TUPLE(b);
    if (y->n == 0 && a.u.o->type == &wf_type_tuple) return wf_ref(a);
    if (x->n == 0 && b.u.o->type == &wf_type_tuple) return wf_ref(b);
    WfValue r = wf_tuple_new(vm, x->n + y->n);
    if (WF_IS_NULL(r)) return r;
    WfValue *d = WF_TUPLE(r)->items;
    for (size_t i = 0; i < x->n; i++) d[i] = wf_ref(x->items[i]);
    for (size_t i = 0; i < y->n; i++) d[x->n + i] = wf_ref(y->items[i]);
    return r;
}

static WfValue tuple_mul(WfVM *vm, WfValue a, WfValue b) {
    WfValue seq = a, cnt = b;
    if (!wf_is_tuple(a)) {
        seq = b;
        cnt = a;
    } else if (!wf_is_int(b) && !wf_type_of(b)->index) {
        WfValue r = try_other(vm, WF_BIN_MUL, a, b, &wf_type_tuple);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    int64_t k;
    if (wf_seq_repeat_count(vm, cnt, &k) < 0) return WF_NULL;
    WfTuple *t = WF_TUPLE(seq);
    if (k == 0 || t->n == 0) return wf_tuple_new(vm, 0);
    if (k == 1 && seq.u.o->type == &wf_type_tuple) return wf_ref(seq);
    if ((uint64_t)k > WF_TUPLE_MAX_ITEMS / t->n) return wf_err_no_memory(vm);
    size_t n = t->n * (size_t)k;
    WfValue r = wf_tuple_new(vm, n);
    if (WF_IS_NULL(r)) return r;
    WfValue *d = WF_TUPLE(r)->items;
    for (size_t j = 0; j < n; j += t->n)
        for (size_t i = 0; i < t->n; i++) d[j + i] = wf_ref(t->items[i]);
    return r;
}

static WfValue tuple_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                          WfObject *kwnames) {
    if (wf_args_check(vm, "tuple", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    WfValue t = nargs == 0 ? wf_tuple_new(vm, 0) : wf_tuple_from_iterable(vm, args[0]);
    if (type == &wf_type_tuple || WF_IS_NULL(t)) return t;
    /* A subclass instance: the items, then the class's instance-dict area
     * (class.c). */
    WfTuple *src = WF_TUPLE(t);
    size_t end = sizeof(WfTuple) + src->n * sizeof(WfValue);
    WfTuple *o = (WfTuple *)wf_obj_alloc(vm, type, wf_class_var_size(type, end));
    if (o) {
        o->n = src->n;
        for (size_t i = 0; i < src->n; i++) o->items[i] = wf_ref(src->items[i]);
    }
    wf_decref(vm, t);
    return o ? WF_OBJ(o) : WF_NULL;
}

/* ---- iterator ------------------------------------------------------------------ */

WfValue wf_tuple_iter(WfVM *vm, WfValue tuple) {
    WfTupleIter *it = (WfTupleIter *)wf_obj_alloc(vm, &wf_type_tuple_iter, sizeof *it);
    if (!it) return WF_NULL;
    wf_obj_incref(tuple.u.o);
    it->seq = WF_TUPLE(tuple);
    return WF_OBJ(it);
}

static void tupleiter_clear(WfVM *vm, WfObject *o) {
    WfTupleIter *it = (WfTupleIter *)o;
    WfTuple *t = it->seq;
    it->seq = NULL;
    if (t) wf_obj_decref(vm, &t->ob);
}

static void tupleiter_dealloc(WfVM *vm, WfObject *o) {
    o->refcnt = 1; /* see list.c list_dealloc */
    tupleiter_clear(vm, o);
    wf_obj_free(vm, o);
}

static void tupleiter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfTupleIter *it = (WfTupleIter *)o;
    if (it->seq) visit(&it->seq->ob, arg);
}

static WfValue iter_self(WfVM *vm, WfValue v) { return wf_ref(v); }

static WfValue tupleiter_next(WfVM *vm, WfValue v) {
    WfTupleIter *it = (WfTupleIter *)v.u.o;
    WfTuple *t = it->seq;
    if (!t) return WF_NULL;
    if (it->i < t->n) return wf_ref(t->items[it->i++]);
    tupleiter_clear(vm, v.u.o);
    return WF_NULL;
}

static WfValue tupleiter_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                     WfObject *kw) {
    WfTupleIter *it = (WfTupleIter *)self.u.o;
    return WF_INT(it->seq ? (int64_t)(it->seq->n - it->i) : 0);
}

static const WfMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_tuple_iter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "tuple_iterator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfTupleIter),
    .dealloc = tupleiter_dealloc,
    .traverse = tupleiter_traverse,
    .clear = tupleiter_clear,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .methods = tupleiter_methods,
};

/* ---- methods --------------------------------------------------------------------- */

/* CPython's _PyEval_SliceIndexNotNone + clamping for index(x, start, stop). */
static int clamp_bound(WfVM *vm, WfValue v, int64_t n, int64_t *out) {
    if (WF_IS_NULL(v)) return 0;
    int64_t i;
    if (wf_index(vm, v, NULL, &i) < 0) {
        if (wf_err_matches(vm, &wf_exc_TypeError)) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
        }
        return -1;
    }
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    *out = i;
    return 0;
}

static WfValue tuple_index(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                           WfObject *kw) {
    if (wf_args_check(vm, "tuple.index", nargs, kw, 1, 3) < 0) return WF_NULL;
    WfTuple *t = WF_TUPLE(self);
    int64_t start = 0, stop = INT64_MAX;
    if (clamp_bound(vm, nargs > 1 ? args[1] : WF_NULL, (int64_t)t->n, &start) < 0 ||
        clamp_bound(vm, nargs > 2 ? args[2] : WF_NULL, (int64_t)t->n, &stop) < 0)
        return WF_NULL;
    for (int64_t i = start; i < stop && i < (int64_t)t->n; i++) {
        int eq = wf_eq(vm, t->items[i], args[0]);
        if (eq < 0) return WF_NULL;
        if (eq) return WF_INT(i);
    }
    return wf_err_format(vm, &wf_exc_ValueError, "tuple.index(x): x not in tuple");
}

static WfValue tuple_count(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                           WfObject *kw) {
    if (wf_args_check(vm, "tuple.count", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfTuple *t = WF_TUPLE(self);
    int64_t c = 0;
    for (size_t i = 0; i < t->n; i++) {
        int eq = wf_eq(vm, t->items[i], args[0]);
        if (eq < 0) return WF_NULL;
        c += eq;
    }
    return WF_INT(c);
}

static WfValue tuple_iter_slot(WfVM *vm, WfValue v) { return wf_tuple_iter(vm, v); }

static WfValue tuple_m_len(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                           WfObject *kw) {
    if (wf_args_check(vm, "tuple.__len__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT((int64_t)WF_TUPLE(self)->n);
}

static WfValue tuple_m_getitem(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                               WfObject *kw) {
    if (wf_args_check(vm, "tuple.__getitem__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return tuple_getitem(vm, self, args[0]);
}

static WfValue tuple_m_contains(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                WfObject *kw) {
    if (wf_args_check(vm, "tuple.__contains__", nargs, kw, 1, 1) < 0) return WF_NULL;
    int r = tuple_contains(vm, self, args[0]);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}

static const WfMethodDef tuple_methods[] = {
    {"index", tuple_index, "Return first index of value.", 0},
    {"count", tuple_count, "Return number of occurrences of value.", 0},
    {"__len__", tuple_m_len, NULL, 0},
    {"__getitem__", tuple_m_getitem, NULL, 0},
    {"__contains__", tuple_m_contains, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_tuple = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "tuple",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_TUPLE | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfTuple),
    .itemsize = sizeof(WfValue),
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcmp = tuple_richcmp,
    .new_ = tuple_new_,
    .iter = tuple_iter_slot,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .binop = {[WF_BIN_ADD] = tuple_add, [WF_BIN_MUL] = tuple_mul},
    .methods = tuple_methods,
    .doc = "Built-in immutable sequence.",
};

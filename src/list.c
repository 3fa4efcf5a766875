/* list.c: the list type, its iterators, the repr recursion guard every
 * container repr uses, and the non-recursive release (trashcan) that list,
 * tuple and dict deallocs share. Invariant: items[0..n) are owned references and
 * n <= cap; a decref can run arbitrary weft code (__del__), so every
 * mutation first puts the list in its final shape and only then drops the
 * references it removed. Called by the VM (BUILD_LIST, LIST_APPEND, for
 * loops), the builtins and sort.c (wf_list_sort). */
#include <string.h>
#include "dict.h"
#include "list.h"
#include "range.h"
#include "str.h"
#include "tuple.h"

/* The allocation funnel refuses more than 2**36 bytes at once; this bound
 * keeps cap * sizeof(WfValue) from wrapping before it gets there. */
#define WF_LIST_MAX_ITEMS (((size_t)1 << 40) / sizeof(WfValue))

/* CPython's list_resize over-allocation (~12.5% plus a little), so append
 * is amortised O(1) and memory use matches CPython's. */
static int grow(WfVM *vm, WfList *l, size_t need) {
    if (need <= l->cap) return 0;
    if (need > WF_LIST_MAX_ITEMS) {
        wf_err_no_memory(vm);
        return -1;
    }
    size_t cap = (need + (need >> 3) + 6) & ~(size_t)3;
    if (need - l->n > cap - need) cap = (need + 3) & ~(size_t)3;
    WfValue *p = wf_mem_realloc(vm, l->items, cap * sizeof(WfValue));
    if (!p) return -1;
    l->items = p;
    l->cap = cap;
    return 0;
}

/* Gives memory back after large deletions; failure just keeps the old
 * buffer. */
static void shrink(WfVM *vm, WfList *l) {
    if (l->cap <= 32 || l->n >= l->cap / 4) return;
    size_t cap = (l->n + (l->n >> 3) + 6) & ~(size_t)3;
    WfValue *p = wf_mem_realloc(vm, l->items, cap * sizeof(WfValue));
    if (!p) {
        wf_err_clear(vm);
        return;
    }
    l->items = p;
    l->cap = cap;
}

int wf_list_reserve(WfVM *vm, WfValue list, size_t n) { return grow(vm, WF_LIST(list), n); }

WfValue wf_list_new(WfVM *vm, size_t cap) {
    if (cap > WF_LIST_MAX_ITEMS) return wf_err_no_memory(vm);
    WfList *l = (WfList *)wf_obj_alloc(vm, &wf_type_list, sizeof(WfList));
    if (!l) return WF_NULL;
    if (cap) {
        l->items = wf_mem_alloc(vm, cap * sizeof(WfValue));
        if (!l->items) {
            wf_obj_decref(vm, &l->ob);
            return WF_NULL;
        }
        l->cap = cap;
    }
    return WF_OBJ(l);
}

int wf_list_append_steal(WfVM *vm, WfValue list, WfValue v) {
    WfList *l = WF_LIST(list);
    if (l->n == l->cap && grow(vm, l, l->n + 1) < 0) {
        wf_decref(vm, v);
        return -1;
    }
    l->items[l->n++] = v;
    return 0;
}

int wf_list_append(WfVM *vm, WfValue list, WfValue v) {
    WfList *l = WF_LIST(list);
    if (l->n == l->cap && grow(vm, l, l->n + 1) < 0) return -1;
    wf_incref(v);
    l->items[l->n++] = v;
    return 0;
}

WfValue wf_list_slice(WfVM *vm, WfValue list, size_t lo, size_t hi) {
    size_t m = hi - lo;
    WfValue r = wf_list_new(vm, m);
    if (WF_IS_NULL(r)) return r;
    WfList *l = WF_LIST(list), *d = WF_LIST(r);
    for (size_t i = 0; i < m; i++) d->items[i] = wf_ref(l->items[lo + i]);
    d->n = m;
    return r;
}

WfValue wf_list_as_tuple(WfVM *vm, WfValue list) {
    return wf_tuple_from_array(vm, WF_LIST(list)->items, WF_LIST(list)->n);
}

/* ---- repr guard -------------------------------------------------------------- */

int wf_repr_enter(WfVM *vm, WfObject *o) {
    if (!wf_is_list(vm->repr_active)) {
        WfValue l = wf_list_new(vm, 8);
        if (WF_IS_NULL(l)) return -1;
        vm->repr_active = l;
    }
    WfList *l = WF_LIST(vm->repr_active);
    for (size_t i = l->n; i-- > 0;)
        if (l->items[i].u.o == o) return 1;
    return wf_list_append(vm, vm->repr_active, WF_OBJ(o)) < 0 ? -1 : 0;
}

void wf_repr_leave(WfVM *vm, WfObject *o) {
    if (!wf_is_list(vm->repr_active)) return;
    WfList *l = WF_LIST(vm->repr_active);
    for (size_t i = l->n; i-- > 0;) {
        if (l->items[i].u.o == o) {
            memmove(l->items + i, l->items + i + 1, (l->n - i - 1) * sizeof(WfValue));
            l->n--;
            wf_obj_decref(vm, o);
            return;
        }
    }
}

/* ---- building from iterables ------------------------------------------------- */

/* A size guess for preallocation; only asks built-in types (no user code
 * runs). 0 when unknown. */
static size_t length_hint(WfVM *vm, WfValue v) {
    if (v.tag != WF_TAG_OBJ) return 0;
    WfType *t = v.u.o->type;
    if (t == &wf_type_list_iter) {
        WfListIter *it = (WfListIter *)v.u.o;
        return it->seq && it->i < it->seq->n ? it->seq->n - it->i : 0;
    }
    if (t == &wf_type_tuple_iter) {
        WfTupleIter *it = (WfTupleIter *)v.u.o;
        return it->seq && it->i < it->seq->n ? it->seq->n - it->i : 0;
    }
    if (t == &wf_type_range_iter) {
        WfRangeIter *it = (WfRangeIter *)v.u.o;
        __int128 n = 0;
        if (it->step > 0 && it->cur < it->stop)
            n = ((__int128)it->stop - it->cur - 1) / it->step + 1;
        else if (it->step < 0 && it->cur > it->stop)
            n = ((__int128)it->cur - it->stop - 1) / -(__int128)it->step + 1;
        return n > (__int128)WF_LIST_MAX_ITEMS ? 0 : (size_t)n;
    }
    if (t->len && !(t->flags & WF_TPFLAG_HEAPTYPE)) {
        int64_t n = t->len(vm, v);
        if (n < 0) {
            wf_err_clear(vm);
            return 0;
        }
        return (size_t)n > WF_LIST_MAX_ITEMS ? 0 : (size_t)n;
    }
    return 0;
}

static int extend_iter(WfVM *vm, WfValue list, WfValue iterable) {
    WfValue it = wf_iter(vm, iterable);
    if (WF_IS_NULL(it)) return -1;
    size_t hint = length_hint(vm, it);
    WfList *l = WF_LIST(list);
    if (hint && grow(vm, l, l->n + hint) < 0) {
        wf_decref(vm, it);
        return -1;
    }
    WfUnaryFn next = wf_type_of(it)->iternext;
    if (!next) {
        wf_decref(vm, it);
        wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not an iterator",
                      wf_type_name(it));
        return -1;
    }
    for (;;) {
        WfValue x = next(vm, it);
        if (WF_IS_NULL(x)) break;
        if (l->n < l->cap) {
            l->items[l->n++] = x;
        } else if (wf_list_append_steal(vm, list, x) < 0) {
            wf_decref(vm, it);
            return -1;
        }
    }
    wf_decref(vm, it);
    if (wf_err_occurred(vm)) {
        /* StopIteration (a generator's return value) ends the iteration. */
        if (!wf_err_matches(vm, &wf_exc_StopIteration)) return -1;
        wf_err_clear(vm);
    }
    return 0;
}

static int extend_array(WfVM *vm, WfList *l, const WfValue *src, size_t m) {
    if (m == 0) return 0; /* an empty list's items may be NULL: no offset from it */
    if (grow(vm, l, l->n + m) < 0) return -1;
    WfValue *d = l->items + l->n;
    for (size_t i = 0; i < m; i++) d[i] = wf_ref(src[i]);
    l->n += m;
    return 0;
}

int wf_list_extend(WfVM *vm, WfValue list, WfValue iterable) {
    WfList *l = WF_LIST(list);
    if (iterable.tag == WF_TAG_OBJ) {
        WfObject *o = iterable.u.o;
        if (wf_is_list_items(iterable)) {
            WfList *s = (WfList *)o;
            size_t m = s->n;
            if (m == 0) return 0;
            if (grow(vm, l, l->n + m) < 0) return -1;
            /* s may be l itself: read its items after growing. */
            WfValue *d = l->items + l->n;
            for (size_t i = 0; i < m; i++) d[i] = wf_ref(s->items[i]);
            l->n += m;
            return 0;
        }
        if (wf_is_tuple_items(iterable))
            return extend_array(vm, l, ((WfTuple *)o)->items, ((WfTuple *)o)->n);
        if (o->type == &wf_type_range) {
            WfRange *r = (WfRange *)o;
            if (r->len > WF_LIST_MAX_ITEMS) return extend_iter(vm, list, iterable);
            if (grow(vm, l, l->n + (size_t)r->len) < 0) return -1;
            /* Stepping after the last item could overflow int64. */
            int64_t x = r->start;
            for (uint64_t i = 0; i < r->len; i++) {
                l->items[l->n++] = WF_INT(x);
                if (i + 1 < r->len) x += r->step;
            }
            return 0;
        }
        if (o->type == &wf_type_str) {
            WfStr *s = (WfStr *)o;
            if (grow(vm, l, l->n + (size_t)s->ncp) < 0) return -1;
            for (int64_t i = 0; i < s->len;) {
                int k;
                uint32_t cp = wf_utf8_decode((const unsigned char *)s->data + i, &k);
                WfValue c = wf_str_from_char(vm, cp);
                if (WF_IS_NULL(c)) return -1;
                if (wf_list_append_steal(vm, list, c) < 0) return -1;
                i += k;
            }
            return 0;
        }
    }
    return extend_iter(vm, list, iterable);
}

WfValue wf_list_from_iterable(WfVM *vm, WfValue iterable) {
    WfValue r = wf_list_new(vm, 0);
    if (WF_IS_NULL(r)) return r;
    if (wf_list_extend(vm, r, iterable) < 0) {
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}

/* ---- repetition -------------------------------------------------------------- */

int wf_seq_repeat_count(WfVM *vm, WfValue n, int64_t *out) {
    int64_t k;
    if (n.tag == WF_TAG_INT || n.tag == WF_TAG_BOOL) {
        k = n.u.i;
    } else if (wf_is_int(n)) {
        if (wf_int_as_i64(vm, n, &k) < 0) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_OverflowError,
                          "cannot fit 'int' into an index-sized integer");
            return -1;
        }
    } else if (wf_type_of(n)->index) {
        if (wf_index(vm, n, NULL, &k) < 0) return -1;
    } else {
        wf_err_format(vm, &wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                      wf_type_name(n));
        return -1;
    }
    *out = k < 0 ? 0 : k;
    return 0;
}

/* ---- slots ------------------------------------------------------------------- */

static void list_clear(WfVM *vm, WfObject *o) {
    WfList *l = (WfList *)o;
    WfValue *items = l->items;
    size_t n = l->n;
    l->items = NULL;
    l->n = l->cap = 0;
    wf_release_values(vm, items, n);
    wf_mem_free(vm, items);
}

/* ---- release without recursion -------------------------------------------------- */

/* Nesting destroyed by direct recursion before objects are queued: deep
 * enough that ordinary data dies in CPython's order, shallow enough for
 * any C stack. */
#define WF_RELEASE_DEPTH 100

void wf_release_begin(WfRelease *r) {
    r->queue = r->small;
    r->n = 0;
    r->cap = sizeof r->small / sizeof r->small[0];
    r->depth = 0;
}

/* Detaches the children of an exact list/tuple/dict nobody else references
 * (refcnt 1), hands them to r, and frees it. */
static void destroy(WfVM *vm, WfRelease *r, WfObject *o) {
    WfType *t = o->type;
    if (t == &wf_type_list) {
        WfList *l = (WfList *)o;
        WfValue *items = l->items;
        size_t n = l->n;
        l->items = NULL;
        l->n = l->cap = 0;
        /* Last item first, as CPython's list_dealloc (finaliser order). */
        for (size_t i = n; i-- > 0;) wf_release_value(vm, r, items[i]);
        wf_mem_free(vm, items);
    } else if (t == &wf_type_tuple) {
        WfTuple *tu = (WfTuple *)o;
        size_t n = tu->n;
        tu->n = 0;
        for (size_t i = n; i-- > 0;) wf_release_value(vm, r, tu->items[i]);
    } else {
        wf_dict_release_entries(vm, r, o);
    }
    o->refcnt = 0;
    wf_obj_free(vm, o);
}

void wf_release_value(WfVM *vm, WfRelease *r, WfValue v) {
    if (v.tag != WF_TAG_OBJ) return;
    WfObject *o = v.u.o;
    WfType *t = o->type;
    if (o->refcnt != 1 || (t != &wf_type_list && t != &wf_type_tuple && t != &wf_type_dict)) {
        wf_obj_decref(vm, o);
        return;
    }
    if (r->depth < WF_RELEASE_DEPTH) {
        r->depth++;
        destroy(vm, r, o);
        r->depth--;
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap * 2;
        WfObject **q = wf_mem_alloc(vm, cap * sizeof *q);
        if (!q) {
            /* Out of memory: recursion is the only way left. */
            wf_err_clear(vm);
            wf_obj_decref(vm, o);
            return;
        }
        memcpy(q, r->queue, r->n * sizeof *q);
        if (r->queue != r->small) wf_mem_free(vm, r->queue);
        r->queue = q;
        r->cap = cap;
    }
    r->queue[r->n++] = o;
}

void wf_release_end(WfVM *vm, WfRelease *r) {
    while (r->n) {
        WfObject *o = r->queue[--r->n];
        int depth = r->depth;
        r->depth = 0;
        destroy(vm, r, o);
        r->depth = depth;
    }
    if (r->queue != r->small) wf_mem_free(vm, r->queue);
}

void wf_release_values(WfVM *vm, const WfValue *vals, size_t n) {
    /* Most items are shared or own nothing: those are dropped right here,
     * and the queue is set up only from the first container that dies
     * with us (measured: 3% of the strings benchmark went to the general
     * path for lists of strs). */
    for (size_t i = n; i-- > 0;) {
        WfValue v = vals[i];
        if (v.tag != WF_TAG_OBJ) continue;
        WfObject *o = v.u.o;
        if (o->refcnt != 1) {
            o->refcnt--;
            continue;
        }
        WfType *t = o->type;
        if (t == &wf_type_list || t == &wf_type_tuple || t == &wf_type_dict) {
            WfRelease r;
            wf_release_begin(&r);
            for (i++; i-- > 0;) wf_release_value(vm, &r, vals[i]);
            wf_release_end(vm, &r);
            return;
        }
        o->refcnt = 0;
        wf_obj_dealloc(vm, o);
    }
}

static void list_dealloc(WfVM *vm, WfObject *o) {
    /* Alive (refcnt 1, children detached first) while children die: their
     * finalisers may allocate and collect, and a collection must not take
     * a dying object for garbage and free it a second time. */
    o->refcnt = 1;
    list_clear(vm, o);
    wf_obj_free(vm, o);
}

static void list_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfList *l = (WfList *)o;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].tag == WF_TAG_OBJ) visit(l->items[i].u.o, arg);
}

static WfValue list_repr(WfVM *vm, WfValue v) {
    WfList *l = WF_LIST(v);
    if (l->n == 0) return wf_str_new(vm, "[]", 2);
    int rc = wf_repr_enter(vm, v.u.o);
    if (rc < 0) return WF_NULL;
    if (rc > 0) return wf_str_new(vm, "[...]", 5);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_putc(vm, &b, '[');
    /* An item's __repr__ may shrink the list: re-read n every time. */
    for (size_t i = 0; i < l->n; i++) {
        if (i > 0) wf_buf_append(vm, &b, ", ", 2);
        WfValue x = wf_ref(l->items[i]);
        bool ok = wf_buf_append_repr(vm, &b, x);
        wf_decref(vm, x);
        if (!ok) break;
    }
    wf_buf_putc(vm, &b, ']');
    wf_repr_leave(vm, v.u.o);
    return wf_buf_finish(vm, &b);
}

static WfValue list_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!wf_is_list(a) || !wf_is_list(b)) return WF_NOTIMPL;
    WfList *x = WF_LIST(a), *y = WF_LIST(b);
    if ((op == WF_CMP_EQ || op == WF_CMP_NE) && x->n != y->n) return WF_BOOL(op == WF_CMP_NE);
    size_t i;
    for (i = 0; i < x->n && i < y->n; i++) {
        WfValue p = x->items[i], q = y->items[i];
        if (p.tag == q.tag && p.u.i == q.u.i) continue;
        wf_incref(p);
        wf_incref(q);
        int eq = wf_eq(vm, p, q);
        wf_decref(vm, p);
        wf_decref(vm, q);
        if (eq < 0) return WF_NULL;
        if (!eq) break;
    }
    if (i >= x->n || i >= y->n) {
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
    WfValue p = wf_ref(x->items[i]), q = wf_ref(y->items[i]);
    WfValue r = wf_richcmp(vm, p, q, op);
    wf_decref(vm, p);
    wf_decref(vm, q);
    return r;
}

static int64_t list_len(WfVM *vm, WfValue v) { return (int64_t)WF_LIST(v)->n; }

static WfValue list_getitem(WfVM *vm, WfValue v, WfValue key) {
    WfList *l = WF_LIST(v);
    int64_t i;
    if (key.tag == WF_TAG_INT) {
        i = key.u.i;
    } else if (wf_is_slice(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(vm, key, &start, &stop, &step) < 0) return WF_NULL;
        int64_t n = wf_slice_adjust((int64_t)l->n, &start, &stop, step);
        if (n <= 0) return wf_list_new(vm, 0);
        if (step == 1) return wf_list_slice(vm, v, (size_t)start, (size_t)stop);
        WfValue r = wf_list_new(vm, (size_t)n);
        if (WF_IS_NULL(r)) return r;
        WfList *d = WF_LIST(r);
        for (int64_t k = 0, j = start; k < n; k++, j += step) d->items[k] = wf_ref(l->items[j]);
        d->n = (size_t)n;
        return r;
    } else if (wf_index(vm, key, "list", &i) < 0) {
        return WF_NULL;
    }
    if (i < 0) i += (int64_t)l->n;
    if (i < 0 || i >= (int64_t)l->n)
        return wf_err_format(vm, &wf_exc_IndexError, "list index out of range");
    return wf_ref(l->items[i]);
}

/* Replaces items[lo, hi) by src[0, m) (borrowed, not aliasing the list).
 * The removed references are dropped last. */
static int ass_slice(WfVM *vm, WfList *l, size_t lo, size_t hi, const WfValue *src, size_t m) {
    if (lo > l->n) lo = l->n;
    if (hi < lo) hi = lo;
    if (hi > l->n) hi = l->n;
    size_t norig = hi - lo;
    WfValue small[8], *old = small;
    if (norig > 8 && !(old = wf_mem_alloc(vm, norig * sizeof(WfValue)))) return -1;
    if (m > norig && grow(vm, l, l->n + m - norig) < 0) {
        if (old != small) wf_mem_free(vm, old);
        return -1;
    }
    if (norig) memcpy(old, l->items + lo, norig * sizeof(WfValue));
    if (m != norig)
        memmove(l->items + lo + m, l->items + hi, (l->n - hi) * sizeof(WfValue));
    for (size_t k = 0; k < m; k++) l->items[lo + k] = wf_ref(src[k]);
    l->n = l->n + m - norig;
    if (m < norig) shrink(vm, l);
    for (size_t k = norig; k-- > 0;) wf_decref(vm, old[k]);
    if (old != small) wf_mem_free(vm, old);
    return 0;
}

/* The items of v as an array: v's own when it is a list or tuple other than
 * l, else a new list in *hold. err_msg: raised when v is not iterable. */
static int seq_items(WfVM *vm, WfList *l, WfValue v, const char *err_msg, WfValue *hold,
                     const WfValue **items, size_t *n) {
    *hold = WF_NULL;
    if (v.tag == WF_TAG_OBJ && v.u.o != &l->ob) {
        if (wf_is_list_items(v)) {
            *items = WF_LIST(v)->items;
            *n = WF_LIST(v)->n;
            return 0;
        }
        if (wf_is_tuple_items(v)) {
            *items = WF_TUPLE(v)->items;
            *n = WF_TUPLE(v)->n;
            return 0;
        }
    }
    WfType *t = wf_type_of(v);
    if (!t->iter && !t->getitem) {
        wf_err_format(vm, &wf_exc_TypeError, "%s", err_msg);
        return -1;
    }
    *hold = wf_list_from_iterable(vm, v);
    if (WF_IS_NULL(*hold)) return -1;
    *items = WF_LIST(*hold)->items;
    *n = WF_LIST(*hold)->n;
    return 0;
}

static int del_extended(WfVM *vm, WfList *l, int64_t start, int64_t step, int64_t n) {
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    WfValue *gone = wf_mem_alloc(vm, (size_t)n * sizeof(WfValue));
    if (!gone) return -1;
    size_t w = (size_t)start, g = 0;
    int64_t end = start + step * (n - 1);
    for (size_t r = (size_t)start; r < l->n; r++) {
        if ((int64_t)r <= end && ((int64_t)r - start) % step == 0)
            gone[g++] = l->items[r];
        else
            l->items[w++] = l->items[r];
    }
    l->n = w;
    shrink(vm, l);
    for (size_t k = 0; k < g; k++) wf_decref(vm, gone[k]);
    wf_mem_free(vm, gone);
    return 0;
}

static int ass_extended(WfVM *vm, WfList *l, WfValue v, int64_t start, int64_t step,
                        int64_t n) {
    WfValue hold;
    const WfValue *src;
    size_t m;
    if (seq_items(vm, l, v, "must assign iterable to extended slice", &hold, &src, &m) < 0)
        return -1;
    if ((int64_t)m != n) {
        wf_decref(vm, hold);
        wf_err_format(vm, &wf_exc_ValueError,
                      "attempt to assign sequence of size %zu to extended slice of size %lld", m,
                      (long long)n);
        return -1;
    }
    WfValue *old = n ? wf_mem_alloc(vm, (size_t)n * sizeof(WfValue)) : NULL;
    if (n && !old) {
        wf_decref(vm, hold);
        return -1;
    }
    for (int64_t k = 0, j = start; k < n; k++, j += step) {
        old[k] = l->items[j];
        l->items[j] = wf_ref(src[k]);
    }
    for (int64_t k = 0; k < n; k++) wf_decref(vm, old[k]);
    wf_mem_free(vm, old);
    wf_decref(vm, hold);
    return 0;
}

static int list_setitem(WfVM *vm, WfValue v, WfValue key, WfValue x) {
    WfList *l = WF_LIST(v);
    int64_t i;
    if (key.tag == WF_TAG_INT) {
        i = key.u.i;
    } else if (wf_is_slice(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(vm, key, &start, &stop, &step) < 0) return -1;
        int64_t n = wf_slice_adjust((int64_t)l->n, &start, &stop, step);
        if (step == 1) {
            if (WF_IS_NULL(x)) return ass_slice(vm, l, (size_t)start, (size_t)stop, NULL, 0);
            WfValue hold;
            const WfValue *src;
            size_t m;
            if (seq_items(vm, l, x, "can only assign an iterable", &hold, &src, &m) < 0)
                return -1;
            int rc = ass_slice(vm, l, (size_t)start, (size_t)stop, src, m);
            wf_decref(vm, hold);
            return rc;
        }
        if (WF_IS_NULL(x)) return n > 0 ? del_extended(vm, l, start, step, n) : 0;
        return ass_extended(vm, l, x, start, step, n > 0 ? n : 0);
    } else if (wf_index(vm, key, "list", &i) < 0) {
        return -1;
    }
    if (i < 0) i += (int64_t)l->n;
    if (i < 0 || i >= (int64_t)l->n) {
        wf_err_format(vm, &wf_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    WfValue old = l->items[i];
    if (WF_IS_NULL(x)) {
        memmove(l->items + i, l->items + i + 1, (l->n - (size_t)i - 1) * sizeof(WfValue));
        l->n--;
        shrink(vm, l);
    } else {
        l->items[i] = wf_ref(x);
    }
    wf_decref(vm, old);
    return 0;
}

static int list_contains(WfVM *vm, WfValue v, WfValue x) {
    WfList *l = WF_LIST(v);
    for (size_t i = 0; i < l->n; i++) {
        WfValue p = l->items[i];
        if (p.tag == x.tag && p.u.i == x.u.i) return 1;
        wf_incref(p);
        int eq = wf_eq(vm, p, x);
        wf_decref(vm, p);
        if (eq != 0) return eq;
    }
    return 0;
}

static WfValue try_other(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *tb = wf_type_of(b);
    WfBinaryFn fb = tb->binop[op];
    /* A built-in sequence's slot would treat a as its repeat count. */
    if (!(tb->flags & WF_TPFLAG_HEAPTYPE) &&
        (tb->flags & (WF_TPFLAG_STR | WF_TPFLAG_LIST | WF_TPFLAG_TUPLE)))
        return WF_NOTIMPL;
    if (fb && fb != wf_type_list.binop[op]) return fb(vm, a, b);
    return WF_NOTIMPL;
}

static WfValue list_add(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_list(a)) return WF_NOTIMPL;
    if (!wf_is_list(b)) {
        WfValue r = try_other(vm, WF_BIN_ADD, a, b);
        if (!WF_IS_NOTIMPL(r)) return r;
        return wf_err_format(vm, &wf_exc_TypeError,
                             "can only concatenate list (not \"%s\") to list", wf_type_name(b));
    }
    WfList *x = WF_LIST(a), *y = WF_LIST(b);
    WfValue r = wf_list_new(vm, x->n + y->n);
    if (WF_IS_NULL(r)) return r;
    WfList *d = WF_LIST(r);
    for (size_t i = 0; i < x->n; i++) d->items[i] = wf_ref(x->items[i]);
    for (size_t i = 0; i < y->n; i++) d->items[x->n + i] = wf_ref(y->items[i]);
    d->n = x->n + y->n;
    return r;
}

static WfValue list_mul(WfVM *vm, WfValue a, WfValue b) {
    WfValue seq = a, cnt = b;
    if (!wf_is_list(a)) {
        seq = b;
        cnt = a;
    } else if (!wf_is_int(b) && !wf_type_of(b)->index) {
        WfValue r = try_other(vm, WF_BIN_MUL, a, b);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    int64_t k;
    if (wf_seq_repeat_count(vm, cnt, &k) < 0) return WF_NULL;
    WfList *l = WF_LIST(seq);
    size_t m = l->n;
    if (k == 0 || m == 0) return wf_list_new(vm, 0);
    if ((uint64_t)k > WF_LIST_MAX_ITEMS / m) return wf_err_no_memory(vm);
    size_t n = m * (size_t)k;
    WfValue r = wf_list_new(vm, n);
    if (WF_IS_NULL(r)) return r;
    WfList *d = WF_LIST(r);
    if (m == 1) {
        WfValue x = l->items[0];
        if (x.tag == WF_TAG_OBJ) x.u.o->refcnt += (intptr_t)n;
        for (size_t i = 0; i < n; i++) d->items[i] = x;
    } else {
        for (size_t j = 0; j < n; j += m)
            for (size_t i = 0; i < m; i++) d->items[j + i] = wf_ref(l->items[i]);
    }
    d->n = n;
    return r;
}

static WfValue list_iadd(WfVM *vm, WfValue a, WfValue b) {
    if (wf_list_extend(vm, a, b) < 0) return WF_NULL;
    return wf_ref(a);
}

static WfValue list_imul(WfVM *vm, WfValue a, WfValue b) {
    int64_t k;
    if (wf_seq_repeat_count(vm, b, &k) < 0) return WF_NULL;
    WfList *l = WF_LIST(a);
    size_t m = l->n;
    if (k == 0 || m == 0) {
        list_clear(vm, a.u.o);
        return wf_ref(a);
    }
    if (k > 1) {
        if ((uint64_t)k > WF_LIST_MAX_ITEMS / m) return wf_err_no_memory(vm);
        size_t n = m * (size_t)k;
        if (grow(vm, l, n) < 0) return WF_NULL;
        for (size_t j = m; j < n; j += m)
            for (size_t i = 0; i < m; i++) l->items[j + i] = wf_ref(l->items[i]);
        l->n = n;
    }
    return wf_ref(a);
}

static WfValue list_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                         WfObject *kwnames) {
    if (wf_args_check(vm, "list", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    if (type == &wf_type_list) return nargs ? wf_list_from_iterable(vm, args[0]) : wf_list_new(vm, 0);
    /* A subclass (class.c passes no arguments when it defines __init__,
     * which may then call list.__init__). */
    WfObject *o = wf_obj_alloc(vm, type, type->size);
    if (!o) return WF_NULL;
    if (nargs && wf_list_extend(vm, WF_OBJ(o), args[0]) < 0) {
        wf_obj_decref(vm, o);
        return WF_NULL;
    }
    return WF_OBJ(o);
}

/* ---- iterators --------------------------------------------------------------- */

static WfValue new_iter(WfVM *vm, WfType *type, WfValue list, size_t i) {
    WfListIter *it = (WfListIter *)wf_obj_alloc(vm, type, sizeof *it);
    if (!it) return WF_NULL;
    wf_obj_incref(list.u.o);
    it->seq = WF_LIST(list);
    it->i = i;
    return WF_OBJ(it);
}

WfValue wf_list_iter(WfVM *vm, WfValue list) { return new_iter(vm, &wf_type_list_iter, list, 0); }

/* Reverse iterators keep i = next index + 1, so 0 means done. */
WfValue wf_list_reversed_iter(WfVM *vm, WfValue list) {
    return new_iter(vm, &wf_type_list_reverseiter, list, WF_LIST(list)->n);
}

static void listiter_clear(WfVM *vm, WfObject *o) {
    WfListIter *it = (WfListIter *)o;
    WfList *l = it->seq;
    it->seq = NULL;
    if (l) wf_obj_decref(vm, &l->ob);
}

static void listiter_dealloc(WfVM *vm, WfObject *o) {
    o->refcnt = 1; /* see list_dealloc */
    listiter_clear(vm, o);
    wf_obj_free(vm, o);
}

static void listiter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfListIter *it = (WfListIter *)o;
    if (it->seq) visit(&it->seq->ob, arg);
}

static WfValue iter_self(WfVM *vm, WfValue v) { return wf_ref(v); }

static WfValue listiter_next(WfVM *vm, WfValue v) {
    WfListIter *it = (WfListIter *)v.u.o;
    WfList *l = it->seq;
    if (!l) return WF_NULL;
    if (it->i < l->n) return wf_ref(l->items[it->i++]);
    listiter_clear(vm, v.u.o);
    return WF_NULL;
}

static WfValue listreviter_next(WfVM *vm, WfValue v) {
    WfListIter *it = (WfListIter *)v.u.o;
    WfList *l = it->seq;
    if (!l) return WF_NULL;
    if (it->i > 0 && it->i <= l->n) return wf_ref(l->items[--it->i]);
    listiter_clear(vm, v.u.o);
    return WF_NULL;
}

static WfValue listiter_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                    WfObject *kw) {
    WfListIter *it = (WfListIter *)self.u.o;
    if (!it->seq) return WF_INT(0);
    if (self.u.o->type == &wf_type_list_reverseiter)
        return WF_INT(it->i <= it->seq->n ? (int64_t)it->i : 0);
    return WF_INT(it->i < it->seq->n ? (int64_t)(it->seq->n - it->i) : 0);
}

static const WfMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_list_iter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "list_iterator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfListIter),
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .iter = iter_self,
    .iternext = listiter_next,
    .methods = listiter_methods,
};

WfType wf_type_list_reverseiter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "list_reverseiterator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfListIter),
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .iter = iter_self,
    .iternext = listreviter_next,
    .methods = listiter_methods,
};

static WfValue list_iter_slot(WfVM *vm, WfValue v) { return wf_list_iter(vm, v); }

/* ---- methods ----------------------------------------------------------------- */

#define METHOD(name)                                                                    \
    static WfValue name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,    \
                        WfObject *kw)

/* wf_args_check with the common case decided inline (hot methods). */
#define ARGS_OK(fname, lo, hi)                                                          \
    (((size_t)(nargs - (lo)) <= (size_t)((hi) - (lo)) && (!kw || WF_TUPLE(WF_OBJ(kw))->n == 0)) || \
     wf_args_check(vm, fname, nargs, kw, lo, hi) == 0)

METHOD(list_m_append) {
    if (!ARGS_OK("list.append", 1, 1)) return WF_NULL;
    if (wf_list_append(vm, self, args[0]) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(list_m_extend) {
    if (wf_args_check(vm, "list.extend", nargs, kw, 1, 1) < 0) return WF_NULL;
    if (wf_list_extend(vm, self, args[0]) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(list_m_insert) {
    if (wf_args_check(vm, "list.insert", nargs, kw, 2, 2) < 0) return WF_NULL;
    int64_t i;
    if (wf_index(vm, args[0], NULL, &i) < 0) return WF_NULL;
    WfList *l = WF_LIST(self);
    int64_t n = (int64_t)l->n;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (l->n == l->cap && grow(vm, l, l->n + 1) < 0) return WF_NULL;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(WfValue));
    l->items[i] = wf_ref(args[1]);
    l->n++;
    return WF_NONE;
}

METHOD(list_m_pop) {
    if (!ARGS_OK("list.pop", 0, 1)) return WF_NULL;
    int64_t i = -1;
    if (nargs && wf_index(vm, args[0], NULL, &i) < 0) return WF_NULL;
    WfList *l = WF_LIST(self);
    if (l->n == 0) return wf_err_format(vm, &wf_exc_IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)l->n;
    if (i < 0 || i >= (int64_t)l->n)
        return wf_err_format(vm, &wf_exc_IndexError, "pop index out of range");
    WfValue r = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->n - (size_t)i - 1) * sizeof(WfValue));
    l->n--;
    shrink(vm, l);
    return r;
}

/* Index of the first item equal to x in [start, stop), -1 when absent, -2
 * on error. */
static int64_t find(WfVM *vm, WfList *l, WfValue x, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop && i < (int64_t)l->n; i++) {
        WfValue p = l->items[i];
        if (p.tag == x.tag && p.u.i == x.u.i) return i;
        wf_incref(p);
        int eq = wf_eq(vm, p, x);
        wf_decref(vm, p);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

METHOD(list_m_remove) {
    if (wf_args_check(vm, "list.remove", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfList *l = WF_LIST(self);
    int64_t i = find(vm, l, args[0], 0, INT64_MAX);
    if (i == -2) return WF_NULL;
    if (i < 0) return wf_err_format(vm, &wf_exc_ValueError, "list.remove(x): x not in list");
    if (ass_slice(vm, l, (size_t)i, (size_t)i + 1, NULL, 0) < 0) return WF_NULL;
    return WF_NONE;
}

static int slice_bound(WfVM *vm, WfValue v, int64_t n, int64_t *out) {
    int64_t i;
    if (v.tag == WF_TAG_INT) {
        i = v.u.i;
    } else if (wf_index(vm, v, NULL, &i) < 0) {
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

METHOD(list_m_index) {
    if (wf_args_check(vm, "list.index", nargs, kw, 1, 3) < 0) return WF_NULL;
    WfList *l = WF_LIST(self);
    int64_t start = 0, stop = INT64_MAX;
    if ((nargs > 1 && slice_bound(vm, args[1], (int64_t)l->n, &start) < 0) ||
        (nargs > 2 && slice_bound(vm, args[2], (int64_t)l->n, &stop) < 0))
        return WF_NULL;
    int64_t i = find(vm, l, args[0], start, stop);
    if (i == -2) return WF_NULL;
    if (i >= 0) return WF_INT(i);
    WfValue r = wf_repr(vm, args[0]);
    if (WF_IS_NULL(r)) return r;
    wf_err_format(vm, &wf_exc_ValueError, "%s is not in list", WF_STR(r)->data);
    wf_decref(vm, r);
    return WF_NULL;
}

METHOD(list_m_count) {
    if (wf_args_check(vm, "list.count", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfList *l = WF_LIST(self);
    int64_t c = 0;
    for (size_t i = 0; i < l->n; i++) {
        WfValue p = l->items[i];
        if (p.tag == args[0].tag && p.u.i == args[0].u.i) {
            c++;
            continue;
        }
        wf_incref(p);
        int eq = wf_eq(vm, p, args[0]);
        wf_decref(vm, p);
        if (eq < 0) return WF_NULL;
        c += eq;
    }
    return WF_INT(c);
}

METHOD(list_m_clear) {
    if (wf_args_check(vm, "list.clear", nargs, kw, 0, 0) < 0) return WF_NULL;
    list_clear(vm, self.u.o);
    return WF_NONE;
}

METHOD(list_m_copy) {
    if (wf_args_check(vm, "list.copy", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_list_slice(vm, self, 0, WF_LIST(self)->n);
}

METHOD(list_m_reverse) {
    if (wf_args_check(vm, "list.reverse", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfList *l = WF_LIST(self);
    if (l->n > 1) {
        for (size_t i = 0, j = l->n - 1; i < j; i++, j--) {
            WfValue t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
        }
    }
    return WF_NONE;
}

METHOD(list_m_sort) {
    /* Keyword-only: CPython's argument parser counts everything given
     * against the two keywords before it looks at positions. */
    size_t given = nargs + (kw ? WF_TUPLE(WF_OBJ(kw))->n : 0);
    if (given > 2)
        return wf_err_format(vm, &wf_exc_TypeError, "sort() takes at most 2 %sarguments (%zu given)",
                             nargs ? "" : "keyword ", given);
    if (nargs)
        return wf_err_format(vm, &wf_exc_TypeError, "sort() takes no positional arguments");
    static const char *const kwlist[] = {"key", "reverse", NULL};
    WfValue a[2];
    if (wf_args_bind(vm, "sort", args, 0, kw, kwlist, 0, 0, a) < 0) return WF_NULL;
    int64_t rev = 0;
    if (!WF_IS_NULL(a[1]) && wf_index(vm, a[1], NULL, &rev) < 0) return WF_NULL;
    if (wf_list_sort(vm, self, a[0], rev != 0) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(list_m_init) {
    if (wf_args_check(vm, "list", nargs, kw, 0, 1) < 0) return WF_NULL;
    list_clear(vm, self.u.o);
    if (nargs && wf_list_extend(vm, self, args[0]) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(list_m_reversed) {
    if (wf_args_check(vm, "list.__reversed__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_list_reversed_iter(vm, self);
}

METHOD(list_m_len) {
    if (wf_args_check(vm, "list.__len__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT((int64_t)WF_LIST(self)->n);
}

METHOD(list_m_getitem) {
    if (wf_args_check(vm, "list.__getitem__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return list_getitem(vm, self, args[0]);
}

METHOD(list_m_setitem) {
    if (wf_args_check(vm, "__setitem__", nargs, kw, 2, 2) < 0) return WF_NULL;
    return list_setitem(vm, self, args[0], args[1]) < 0 ? WF_NULL : WF_NONE;
}

METHOD(list_m_delitem) {
    if (wf_args_check(vm, "list.__delitem__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return list_setitem(vm, self, args[0], WF_NULL) < 0 ? WF_NULL : WF_NONE;
}

METHOD(list_m_contains) {
    if (wf_args_check(vm, "list.__contains__", nargs, kw, 1, 1) < 0) return WF_NULL;
    int r = list_contains(vm, self, args[0]);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}

METHOD(list_m_iter) {
    if (wf_args_check(vm, "list.__iter__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_list_iter(vm, self);
}

static const WfMethodDef list_methods[] = {
    {"append", list_m_append, "Append object to the end of the list.", 0},
    {"extend", list_m_extend, "Extend list by appending elements from the iterable.", 0},
    {"insert", list_m_insert, "Insert object before index.", 0},
    {"pop", list_m_pop, "Remove and return item at index (default last).", 0},
    {"remove", list_m_remove, "Remove first occurrence of value.", 0},
    {"index", list_m_index, "Return first index of value.", 0},
    {"count", list_m_count, "Return number of occurrences of value.", 0},
    {"clear", list_m_clear, "Remove all items from list.", 0},
    {"copy", list_m_copy, "Return a shallow copy of the list.", 0},
    {"reverse", list_m_reverse, "Reverse *IN PLACE*.", 0},
    {"sort", list_m_sort, "Sort the list in ascending order and return None.", 0},
    {"__init__", list_m_init, NULL, 0},
    {"__reversed__", list_m_reversed, NULL, 0},
    {"__len__", list_m_len, NULL, 0},
    {"__getitem__", list_m_getitem, NULL, 0},
    {"__setitem__", list_m_setitem, NULL, 0},
    {"__delitem__", list_m_delitem, NULL, 0},
    {"__contains__", list_m_contains, NULL, 0},
    {"__iter__", list_m_iter, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_list = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "list",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_LIST | WF_TPFLAG_BASETYPE | WF_TPFLAG_UNHASHABLE,
    .size = sizeof(WfList),
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .clear = list_clear,
    .repr = list_repr,
    .richcmp = list_richcmp,
    .new_ = list_new_,
    .iter = list_iter_slot,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .binop = {[WF_BIN_ADD] = list_add, [WF_BIN_MUL] = list_mul},
    .inplace = {[WF_BIN_ADD] = list_iadd, [WF_BIN_MUL] = list_imul},
    .methods = list_methods,
    .doc = "Built-in mutable sequence.",
};

/* sort.c: list.sort / sorted: timsort (natural runs, binary insertion to a
 * minimum run, a run stack with Tim Peters' invariants, galloping merges).
 * Stable; compares with `<` only. When every key is a small int, a float
 * or an exact str the comparison is inlined (no generic call), which is
 * most of a sort's cost; tuples of those compare item by item inline too,
 * and long lists of small ints are radix sorted. The list is emptied while
 * it sorts, so key functions and __lt__ see an empty list and any change
 * they make is detected ("list modified during sort"). Called by list.c
 * and builtins.c (sorted). */
#include <string.h>
#include "list.h"

enum { MODE_GENERIC, MODE_INT, MODE_FLOAT, MODE_STR, MODE_TUPLE };

/* CPython's values: runs of equal-winning streaks this long switch a merge
 * to galloping; 85 pending runs cover any array that fits in memory. */
#define MIN_GALLOP 7
#define MAX_PENDING 85

typedef struct Run {
    size_t base, len;
} Run;

typedef struct Sorter {
    WfVM *vm;
    WfValue *keys;        /* what is compared */
    WfValue *vals;        /* moved along with keys; NULL without a key fn */
    WfValue *tk, *tv;     /* merge scratch */
    size_t tcap;
    size_t min_gallop;
    int npending;
    Run pending[MAX_PENDING];
} Sorter;

#define ALWAYS_INLINE static inline __attribute__((always_inline))

ALWAYS_INLINE int str_lt(const WfStr *a, const WfStr *b) {
    size_t n = (size_t)(a->len < b->len ? a->len : b->len);
    int c = memcmp(a->data, b->data, n);
    return c < 0 || (c == 0 && a->len < b->len);
}

ALWAYS_INLINE int item_lt(WfVM *vm, WfValue a, WfValue b) {
    if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) return a.u.i < b.u.i;
    if (a.tag == WF_TAG_FLOAT && b.tag == WF_TAG_FLOAT) return a.u.f < b.u.f;
    if (wf_is_exact_str(a) && wf_is_exact_str(b)) return str_lt(WF_STR(a), WF_STR(b));
    return wf_richcmp_bool(vm, a, b, WF_CMP_LT);
}

ALWAYS_INLINE int item_eq(WfVM *vm, WfValue a, WfValue b) {
    if (a.tag == b.tag && a.u.i == b.u.i) return 1;
    if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) return 0;
    if (a.tag == WF_TAG_FLOAT && b.tag == WF_TAG_FLOAT) return a.u.f == b.u.f;
    if (wf_is_exact_str(a) && wf_is_exact_str(b)) return wf_str_equal(WF_STR(a), WF_STR(b));
    return wf_eq(vm, a, b);
}

/* Tuple `<` as tuple.__lt__ computes it (first unequal item decides), with
 * the common item types compared inline: sorting (key, value) pairs. */
static int tuple_lt(WfVM *vm, const WfTuple *x, const WfTuple *y) {
    size_t n = x->n < y->n ? x->n : y->n;
    for (size_t i = 0; i < n; i++) {
        int eq = item_eq(vm, x->items[i], y->items[i]);
        if (eq < 0) return -1;
        if (!eq) return item_lt(vm, x->items[i], y->items[i]);
    }
    return x->n < y->n;
}

/* a < b: 1, 0, or -1 on error. UTF-8 byte order is code point order, so
 * memcmp orders strs as CPython does. */
ALWAYS_INLINE int lt(Sorter *s, int mode, WfValue a, WfValue b) {
    switch (mode) {
    case MODE_INT: return a.u.i < b.u.i;
    case MODE_FLOAT: return a.u.f < b.u.f;
    case MODE_STR: return str_lt(WF_STR(a), WF_STR(b));
    case MODE_TUPLE: return tuple_lt(s->vm, WF_TUPLE(a), WF_TUPLE(b));
    default: return wf_richcmp_bool(s->vm, a, b, WF_CMP_LT);
    }
}

#define LT(a, b)                                                                        \
    do {                                                                                \
        k = lt(s, mode, (a), (b));                                                      \
        if (k < 0) goto fail;                                                           \
    } while (0)

ALWAYS_INLINE void move(Sorter *s, bool hv, size_t dst, size_t src, size_t n) {
    memmove(s->keys + dst, s->keys + src, n * sizeof(WfValue));
    if (hv) memmove(s->vals + dst, s->vals + src, n * sizeof(WfValue));
}

ALWAYS_INLINE void reverse_range(Sorter *s, bool hv, size_t lo, size_t hi) {
    for (size_t i = lo, j = hi - 1; i < j && j < hi; i++, j--) {
        WfValue t = s->keys[i];
        s->keys[i] = s->keys[j];
        s->keys[j] = t;
        if (hv) {
            t = s->vals[i];
            s->vals[i] = s->vals[j];
            s->vals[j] = t;
        }
    }
}

/* Sorts [lo, hi) given that [lo, start) is already sorted. */
ALWAYS_INLINE int binary_insertion(Sorter *s, int mode, bool hv, size_t lo, size_t hi,
                                   size_t start) {
    int k;
    for (; start < hi; start++) {
        WfValue pivot = s->keys[start];
        size_t l = lo, r = start;
        while (l < r) {
            size_t p = l + ((r - l) >> 1);
            LT(pivot, s->keys[p]);
            if (k)
                r = p;
            else
                l = p + 1;
        }
        if (l == start) continue;
        WfValue pv = hv ? s->vals[start] : WF_NULL;
        move(s, hv, l + 1, l, start - l);
        s->keys[l] = pivot;
        if (hv) s->vals[l] = pv;
    }
    return 0;
fail:
    return -1;
}

/* Length of the run at lo: non-descending, or strictly descending (then
 * reversed in place, which keeps stability). */
ALWAYS_INLINE int64_t count_run(Sorter *s, int mode, bool hv, size_t lo, size_t hi) {
    int k;
    if (lo + 1 >= hi) return 1;
    size_t i = lo + 2;
    LT(s->keys[lo + 1], s->keys[lo]);
    if (k) {
        for (; i < hi; i++) {
            LT(s->keys[i], s->keys[i - 1]);
            if (!k) break;
        }
        reverse_range(s, hv, lo, i);
    } else {
        for (; i < hi; i++) {
            LT(s->keys[i], s->keys[i - 1]);
            if (k) break;
        }
    }
    return (int64_t)(i - lo);
fail:
    return -1;
}

/* CPython's gallop_left: k such that a[k-1] < key <= a[k], searching from
 * a[hint] outwards. Returns -1 on error. */
ALWAYS_INLINE int64_t gallop_left(Sorter *s, int mode, WfValue key, const WfValue *a,
                                  int64_t n, int64_t hint) {
    int k;
    int64_t ofs = 1, lastofs = 0;
    a += hint;
    LT(a[0], key);
    if (k) {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            LT(a[ofs], key);
            if (!k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            LT(*(a - ofs), key);
            if (k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        int64_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    a -= hint;
    lastofs++;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        LT(a[m], key);
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* CPython's gallop_right: k such that a[k-1] <= key < a[k]. */
ALWAYS_INLINE int64_t gallop_right(Sorter *s, int mode, WfValue key, const WfValue *a,
                                   int64_t n, int64_t hint) {
    int k;
    int64_t ofs = 1, lastofs = 0;
    a += hint;
    LT(key, a[0]);
    if (k) {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            LT(key, *(a - ofs));
            if (!k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        int64_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            LT(key, a[ofs]);
            if (k) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    lastofs++;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        LT(key, a[m]);
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

static int reserve_tmp(Sorter *s, bool hv, size_t n) {
    if (n <= s->tcap) return 0;
    wf_mem_free(s->vm, s->tk);
    wf_mem_free(s->vm, s->tv);
    s->tk = s->tv = NULL;
    s->tcap = 0;
    s->tk = wf_mem_alloc(s->vm, n * sizeof(WfValue));
    if (!s->tk) return -1;
    if (hv && !(s->tv = wf_mem_alloc(s->vm, n * sizeof(WfValue)))) return -1;
    s->tcap = n;
    return 0;
}

/* Merges the adjacent runs [pa, pa+na) and [pa+na, pa+na+nb), na <= nb, by
 * copying the first to scratch and filling from the left. On a failed
 * comparison the rest of the scratch run is copied back, so the array
 * always holds every item once. */
ALWAYS_INLINE int merge_lo(Sorter *s, int mode, bool hv, size_t pa, size_t na, size_t nb) {
    int k;
    int rc = 0;
    if (reserve_tmp(s, hv, na) < 0) return -1;
    WfValue *keys = s->keys, *vals = s->vals, *tk = s->tk, *tv = s->tv;
    memcpy(tk, keys + pa, na * sizeof(WfValue));
    if (hv) memcpy(tv, vals + pa, na * sizeof(WfValue));
    size_t dest = pa, a = 0, b = pa + na;
    size_t min_gallop = s->min_gallop;
    for (;;) {
        size_t acount = 0, bcount = 0;
        for (;;) {
            LT(keys[b], tk[a]);
            if (k) {
                keys[dest] = keys[b];
                if (hv) vals[dest] = vals[b];
                dest++, b++;
                if (--nb == 0) goto done;
                bcount++;
                acount = 0;
                if (bcount >= min_gallop) break;
            } else {
                keys[dest] = tk[a];
                if (hv) vals[dest] = tv[a];
                dest++, a++;
                if (--na == 0) goto done;
                acount++;
                bcount = 0;
                if (acount >= min_gallop) break;
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            int64_t g = gallop_right(s, mode, keys[b], tk + a, (int64_t)na, 0);
            if (g < 0) goto fail;
            acount = (size_t)g;
            if (acount) {
                memcpy(keys + dest, tk + a, acount * sizeof(WfValue));
                if (hv) memcpy(vals + dest, tv + a, acount * sizeof(WfValue));
                dest += acount, a += acount, na -= acount;
                if (na == 0) goto done;
            }
            keys[dest] = keys[b];
            if (hv) vals[dest] = vals[b];
            dest++, b++;
            if (--nb == 0) goto done;
            g = gallop_left(s, mode, tk[a], keys + b, (int64_t)nb, 0);
            if (g < 0) goto fail;
            bcount = (size_t)g;
            if (bcount) {
                move(s, hv, dest, b, bcount);
                dest += bcount, b += bcount, nb -= bcount;
                if (nb == 0) goto done;
            }
            keys[dest] = tk[a];
            if (hv) vals[dest] = tv[a];
            dest++, a++;
            if (--na == 0) goto done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        s->min_gallop = min_gallop;
    }
fail:
    rc = -1;
done:
    if (na) {
        memcpy(keys + dest, tk + a, na * sizeof(WfValue));
        if (hv) memcpy(vals + dest, tv + a, na * sizeof(WfValue));
    }
    return rc;
}

/* The mirror image: nb <= na, the second run goes to scratch and the merge
 * fills from the right. */
ALWAYS_INLINE int merge_hi(Sorter *s, int mode, bool hv, size_t pa, size_t na, size_t nb) {
    int k;
    int rc = 0;
    if (reserve_tmp(s, hv, nb) < 0) return -1;
    WfValue *keys = s->keys, *vals = s->vals, *tk = s->tk, *tv = s->tv;
    size_t pb = pa + na;
    memcpy(tk, keys + pb, nb * sizeof(WfValue));
    if (hv) memcpy(tv, vals + pb, nb * sizeof(WfValue));
    /* Invariant: the next slot to fill is pa + na + nb - 1; the remaining
     * first run is keys[pa, pa+na), the remaining second run tk[0, nb). */
    size_t min_gallop = s->min_gallop;
    for (;;) {
        size_t acount = 0, bcount = 0;
        for (;;) {
            size_t dest = pa + na + nb - 1;
            LT(tk[nb - 1], keys[pa + na - 1]);
            if (k) {
                keys[dest] = keys[pa + na - 1];
                if (hv) vals[dest] = vals[pa + na - 1];
                if (--na == 0) goto done;
                acount++;
                bcount = 0;
                if (acount >= min_gallop) break;
            } else {
                keys[dest] = tk[nb - 1];
                if (hv) vals[dest] = tv[nb - 1];
                if (--nb == 0) goto done;
                bcount++;
                acount = 0;
                if (bcount >= min_gallop) break;
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            int64_t g = gallop_right(s, mode, tk[nb - 1], keys + pa, (int64_t)na,
                                     (int64_t)na - 1);
            if (g < 0) goto fail;
            acount = na - (size_t)g;
            if (acount) {
                /* keys[pa+g, pa+na) all exceed tk[nb-1]: they go last. */
                move(s, hv, pa + (size_t)g + nb, pa + (size_t)g, acount);
                na -= acount;
                if (na == 0) goto done;
            }
            keys[pa + na + nb - 1] = tk[nb - 1];
            if (hv) vals[pa + na + nb - 1] = tv[nb - 1];
            if (--nb == 0) goto done;
            g = gallop_left(s, mode, keys[pa + na - 1], tk, (int64_t)nb, (int64_t)nb - 1);
            if (g < 0) goto fail;
            bcount = nb - (size_t)g;
            if (bcount) {
                memcpy(keys + pa + na + (size_t)g, tk + g, bcount * sizeof(WfValue));
                if (hv) memcpy(vals + pa + na + (size_t)g, tv + g, bcount * sizeof(WfValue));
                nb -= bcount;
                if (nb == 0) goto done;
            }
            keys[pa + na + nb - 1] = keys[pa + na - 1];
            if (hv) vals[pa + na + nb - 1] = vals[pa + na - 1];
            if (--na == 0) goto done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        s->min_gallop = min_gallop;
    }
fail:
    rc = -1;
done:
    if (nb) {
        memcpy(keys + pa + na, tk, nb * sizeof(WfValue));
        if (hv) memcpy(vals + pa + na, tv, nb * sizeof(WfValue));
    }
    return rc;
}

/* Merges pending runs i and i+1. */
ALWAYS_INLINE int merge_at(Sorter *s, int mode, bool hv, int i) {
    size_t pa = s->pending[i].base, na = s->pending[i].len;
    size_t pb = s->pending[i + 1].base, nb = s->pending[i + 1].len;
    s->pending[i].len = na + nb;
    if (i == s->npending - 3) s->pending[i + 1] = s->pending[i + 2];
    s->npending--;
    /* Items of the first run not above the second's first item, and of the
     * second not below the first's last, are already in place. */
    int64_t g = gallop_right(s, mode, s->keys[pb], s->keys + pa, (int64_t)na, 0);
    if (g < 0) return -1;
    pa += (size_t)g;
    na -= (size_t)g;
    if (na == 0) return 0;
    g = gallop_left(s, mode, s->keys[pa + na - 1], s->keys + pb, (int64_t)nb, (int64_t)nb - 1);
    if (g < 0) return -1;
    nb = (size_t)g;
    if (nb == 0) return 0;
    if (na <= nb) return merge_lo(s, mode, hv, pa, na, nb);
    return merge_hi(s, mode, hv, pa, na, nb);
}

ALWAYS_INLINE int merge_collapse(Sorter *s, int mode, bool hv) {
    Run *p = s->pending;
    while (s->npending > 1) {
        int n = s->npending - 2;
        if ((n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len) ||
            (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)) {
            if (p[n - 1].len < p[n + 1].len) n--;
            if (merge_at(s, mode, hv, n) < 0) return -1;
        } else if (p[n].len <= p[n + 1].len) {
            if (merge_at(s, mode, hv, n) < 0) return -1;
        } else {
            break;
        }
    }
    return 0;
}

ALWAYS_INLINE int merge_force_collapse(Sorter *s, int mode, bool hv) {
    Run *p = s->pending;
    while (s->npending > 1) {
        int n = s->npending - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) n--;
        if (merge_at(s, mode, hv, n) < 0) return -1;
    }
    return 0;
}

static size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

ALWAYS_INLINE int timsort(Sorter *s, int mode, bool hv, size_t n) {
    if (n < 2) return 0;
    size_t minrun = compute_minrun(n), lo = 0, remaining = n;
    do {
        int64_t r = count_run(s, mode, hv, lo, lo + remaining);
        if (r < 0) return -1;
        size_t run = (size_t)r;
        if (run < minrun) {
            size_t force = remaining <= minrun ? remaining : minrun;
            if (binary_insertion(s, mode, hv, lo, lo + force, lo + run) < 0) return -1;
            run = force;
        }
        s->pending[s->npending].base = lo;
        s->pending[s->npending].len = run;
        s->npending++;
        if (merge_collapse(s, mode, hv) < 0) return -1;
        lo += run;
        remaining -= run;
    } while (remaining);
    return merge_force_collapse(s, mode, hv);
}

/* One specialised copy per (comparison, key function or not). */
#define SORT_VARIANT(name, mode, hv)                                                    \
    static int name(Sorter *s, size_t n) { return timsort(s, mode, hv, n); }
SORT_VARIANT(sort_gen, MODE_GENERIC, false)
SORT_VARIANT(sort_int, MODE_INT, false)
SORT_VARIANT(sort_float, MODE_FLOAT, false)
SORT_VARIANT(sort_str, MODE_STR, false)
SORT_VARIANT(sort_gen_kv, MODE_GENERIC, true)
SORT_VARIANT(sort_int_kv, MODE_INT, true)
SORT_VARIANT(sort_float_kv, MODE_FLOAT, true)
SORT_VARIANT(sort_str_kv, MODE_STR, true)
SORT_VARIANT(sort_tuple, MODE_TUPLE, false)
SORT_VARIANT(sort_tuple_kv, MODE_TUPLE, true)

static int pick_mode(const WfValue *keys, size_t n) {
    if (n == 0) return MODE_GENERIC;
    uint32_t tag = keys[0].tag;
    if (tag == WF_TAG_INT || tag == WF_TAG_FLOAT) {
        for (size_t i = 1; i < n; i++)
            if (keys[i].tag != tag) return MODE_GENERIC;
        return tag == WF_TAG_INT ? MODE_INT : MODE_FLOAT;
    }
    if (wf_is_exact_str(keys[0])) {
        for (size_t i = 1; i < n; i++)
            if (!wf_is_exact_str(keys[i])) return MODE_GENERIC;
        return MODE_STR;
    }
    for (size_t i = 0; i < n; i++)
        if (keys[i].tag != WF_TAG_OBJ || keys[i].u.o->type != &wf_type_tuple) return MODE_GENERIC;
    return MODE_TUPLE;
}

/* Below this many items timsort beats the radix sort's fixed costs. */
#define RADIX_MIN_ITEMS 512
#define RADIX_BITS 11

/* LSD radix sort of a list of small ints without a key function: equal
 * ints are indistinguishable, so stability is moot and the items are
 * rebuilt from their values; a few linear passes replace n log n
 * unpredictable comparisons. False when scratch memory is short (the
 * caller then uses timsort). */
static bool radix_sort_ints(WfVM *vm, WfValue *items, size_t n) {
    int64_t lo = items[0].u.i, hi = lo;
    bool sorted = true;
    for (size_t i = 1; i < n; i++) {
        int64_t x = items[i].u.i;
        if (x < items[i - 1].u.i) sorted = false;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
    }
    if (sorted) return true;
    uint64_t range = (uint64_t)hi - (uint64_t)lo;
    int bits = 64 - __builtin_clzll(range);
    uint64_t *a = wf_mem_alloc(vm, n * sizeof(uint64_t));
    uint64_t *b = a ? wf_mem_alloc(vm, n * sizeof(uint64_t)) : NULL;
    if (!b) {
        wf_mem_free(vm, a);
        wf_err_clear(vm);
        return false;
    }
    for (size_t i = 0; i < n; i++) a[i] = (uint64_t)items[i].u.i - (uint64_t)lo;
    /* Equal-width digits of at most RADIX_BITS: fewer buckets scatter
     * into fewer cache lines at once. */
    int passes = (bits + RADIX_BITS - 1) / RADIX_BITS;
    int width = passes ? (bits + passes - 1) / passes : 1;
    size_t count[1u << RADIX_BITS];
    const uint64_t mask = ((uint64_t)1 << width) - 1;
    for (int shift = 0; shift < bits; shift += width) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < n; i++) count[(a[i] >> shift) & mask]++;
        size_t sum = 0;
        for (size_t d = 0; d <= mask; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) b[count[(a[i] >> shift) & mask]++] = a[i];
        uint64_t *t = a;
        a = b;
        b = t;
    }
    for (size_t i = 0; i < n; i++) items[i] = WF_INT((int64_t)(a[i] + (uint64_t)lo));
    wf_mem_free(vm, a);
    wf_mem_free(vm, b);
    return true;
}

static void reverse_array(WfValue *a, size_t n) {
    for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
        WfValue t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

int wf_list_sort(WfVM *vm, WfValue list, WfValue key, bool reverse) {
    WfList *l = WF_LIST(list);
    WfValue *items = l->items;
    size_t n = l->n, cap = l->cap;
    l->items = NULL;
    l->n = l->cap = 0;
    bool has_key = !WF_IS_NULL(key) && !WF_IS_NONE(key);
    WfValue *keys = items;
    int rc = 0;
    if (has_key && n > 0) {
        keys = wf_mem_alloc(vm, n * sizeof(WfValue));
        if (!keys) {
            rc = -1;
            goto restore;
        }
        for (size_t i = 0; i < n; i++) {
            keys[i] = wf_call1(vm, key, items[i]);
            if (WF_IS_NULL(keys[i])) {
                for (size_t j = 0; j < i; j++) wf_decref(vm, keys[j]);
                wf_mem_free(vm, keys);
                rc = -1;
                goto restore;
            }
        }
    }
    if (reverse) {
        /* Reverse, sort, reverse: equal items keep their original order. */
        reverse_array(items, n);
        if (has_key) reverse_array(keys, n);
    }
    Sorter s = {.vm = vm, .keys = keys, .vals = has_key ? items : NULL,
                .min_gallop = MIN_GALLOP};
    static int (*const plain[])(Sorter *, size_t) = {sort_gen, sort_int, sort_float, sort_str,
                                                     sort_tuple};
    static int (*const keyed[])(Sorter *, size_t) = {sort_gen_kv, sort_int_kv, sort_float_kv,
                                                     sort_str_kv, sort_tuple_kv};
    int mode = pick_mode(keys, n);
    if (mode == MODE_INT && !has_key && n >= RADIX_MIN_ITEMS && radix_sort_ints(vm, items, n))
        rc = 0;
    else
        rc = (has_key ? keyed : plain)[mode](&s, n);
    wf_mem_free(vm, s.tk);
    wf_mem_free(vm, s.tv);
    if (keys != items) {
        for (size_t i = 0; i < n; i++) wf_decref(vm, keys[i]);
        wf_mem_free(vm, keys);
    }
    if (reverse) reverse_array(items, n);
restore:;
    /* Whatever key functions or comparisons put in the list meanwhile is
     * dropped; the sorted items go back. */
    WfValue *mod = l->items;
    size_t modn = l->n;
    bool modified = mod != NULL || modn != 0;
    l->items = items;
    l->n = n;
    l->cap = cap;
    if (modified) {
        for (size_t i = 0; i < modn; i++) wf_decref(vm, mod[i]);
        wf_mem_free(vm, mod);
        if (rc == 0) {
            wf_err_format(vm, &wf_exc_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    return rc;
}

/* set.c: set, frozenset and the set iterator, following CPython 3.11's
 * Objects/setobject.c step for step (probe sequence, resize points, dummy
 * handling, which operand each operation iterates), because iteration
 * order is table order and programs print sets: {3, 1, 2} must print
 * {1, 2, 3}, and a union or difference must come out in CPython's order.
 * Invariant: fill = active + dummy entries < table size, and every search
 * meets an empty entry. A comparison (__eq__) may run weft code that
 * mutates the set, so probes that call it re-check the table afterwards.
 * Called by the VM (BUILD_SET, SET_ADD via wf_set_new/wf_set_add, `in`),
 * by the generic operations through the type slots, and by builtins. */
#include <string.h>
#include "set.h"
#include "dict.h"
#include "list.h"

/* CPython's constants: the number of neighbouring entries probed before
 * jumping, and the perturbation shift of the jump sequence. */
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The allocation funnel refuses more than 2**36 bytes; this keeps the
 * table size computation from wrapping before it gets there. */
#define WF_SET_MAX_ENTRIES (((size_t)1 << 40) / sizeof(WfSetEntry))

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static inline bool same_value(WfValue a, WfValue b) {
    return a.tag == b.tag && a.u.i == b.u.i;
}

/* wf_hash with the int and str cases inline (they are most keys). */
static inline int key_hash(WfVM *vm, WfValue key, int64_t *out) {
    if (key.tag == WF_TAG_INT) {
        int64_t n = key.u.i;
        /* Below the modulus 2**61 - 1 in magnitude, an int is its own hash. */
        if (n > -((int64_t)1 << 61) + 1 && n < ((int64_t)1 << 61) - 1) {
            *out = n == -1 ? -2 : n;
            return 0;
        }
    } else if (wf_is_exact_str(key)) {
        WfStr *s = WF_STR(key);
        *out = s->hash != -1 ? s->hash : wf_str_hash(s);
        return 0;
    }
    return wf_hash(vm, key, out);
}

/* Equality of two keys with equal hashes that are not identical, when it
 * can be decided without running weft code: 1 or 0; -1 means "call
 * wf_eq and re-check the table". */
static inline int quick_eq(WfVM *vm, WfValue a, WfValue b) {
    if (a.tag != WF_TAG_OBJ && b.tag != WF_TAG_OBJ) {
        if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) return 0;
        return wf_eq(vm, a, b);      /* 1 == 1.0 == True: no user code */
    }
    if (wf_is_exact_str(a) && wf_is_exact_str(b)) return wf_str_equal(WF_STR(a), WF_STR(b));
    return -1;
}

/* ---- probing the table (CPython's set_lookkey / set_add_entry) ----------- */

/* The entry holding key, or the empty entry that ends its probe sequence;
 * NULL when a comparison raised. */
static WfSetEntry *set_lookkey(WfVM *vm, WfSet *so, WfValue key, int64_t hash) {
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        WfSetEntry *e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key.tag == WF_TAG_NULL) return e;
            if (e->hash == hash) {
                WfValue sk = e->key;
                if (same_value(sk, key)) return e;
                int cmp = quick_eq(vm, sk, key);
                if (cmp > 0) return e;
                if (cmp < 0) {
                    WfSetEntry *table = so->table;
                    wf_incref(sk);
                    cmp = wf_eq(vm, sk, key);
                    bool changed = table != so->table || !same_value(e->key, sk);
                    wf_decref(vm, sk);
                    if (cmp < 0) return NULL;
                    if (changed) goto restart;
                    if (cmp > 0) return e;
                    mask = (size_t)so->mask;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(WfVM *vm, WfSet *so, int64_t minused);

/* Adds key (borrowed) with its hash; 0 or -1. */
static int set_add_entry(WfVM *vm, WfSet *so, WfValue key, int64_t hash) {
    WfSetEntry *freeslot, *e;
    size_t mask, i, perturb;
    /* Held across comparisons: weft code in __eq__ could otherwise drop
     * the last reference to key before it is stored. */
    wf_incref(key);
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key.tag == WF_TAG_NULL) goto found_unused_or_dummy;
            if (e->hash == hash) {
                WfValue sk = e->key;
                if (same_value(sk, key)) goto found_active;
                int cmp = quick_eq(vm, sk, key);
                if (cmp > 0) goto found_active;
                if (cmp < 0) {
                    WfSetEntry *table = so->table;
                    wf_incref(sk);
                    cmp = wf_eq(vm, sk, key);
                    bool changed = table != so->table || !same_value(e->key, sk);
                    wf_decref(vm, sk);
                    if (cmp > 0) goto found_active;
                    if (cmp < 0) goto comparison_error;
                    if (changed) goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (e->hash == -1) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot == NULL) goto found_unused;
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;

found_unused:
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    wf_decref(vm, key);
    return 0;

comparison_error:
    wf_decref(vm, key);
    return -1;
}

/* Stores a key known to be absent into a table without dummies; the
 * caller moves the reference and updates fill/used. */
static void set_insert_clean(WfSetEntry *table, size_t mask, WfValue key, int64_t hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    WfSetEntry *e;
    for (;;) {
        e = &table[i];
        if (e->key.tag == WF_TAG_NULL) goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key.tag == WF_TAG_NULL) goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    e->key = key;
    e->hash = hash;
}

/* Rebuilds the table at the smallest power of two > minused (at least
 * WF_SET_MINSIZE), dropping dummies. Moves references; runs no weft code. */
static int set_table_resize(WfVM *vm, WfSet *so, int64_t minused) {
    size_t newsize = WF_SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    WfSetEntry *oldtable = so->table, *newtable;
    size_t oldmask = (size_t)so->mask;
    bool old_malloced = oldtable != so->smalltable;
    WfSetEntry small_copy[WF_SET_MINSIZE];

    if (newsize == WF_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;   /* no dummies to purge */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > WF_SET_MAX_ENTRIES) {
            wf_err_no_memory(vm);
            return -1;
        }
        newtable = wf_mem_alloc(vm, newsize * sizeof(WfSetEntry));
        if (!newtable) return -1;
    }
    memset(newtable, 0, newsize * sizeof(WfSetEntry));
    so->mask = (int64_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (WfSetEntry *e = oldtable; e <= oldtable + oldmask; e++)
        if (e->key.tag != WF_TAG_NULL) set_insert_clean(newtable, newsize - 1, e->key, e->hash);
    if (old_malloced) wf_mem_free(vm, oldtable);
    return 0;
}

/* ---- keys ----------------------------------------------------------------- */

static int set_contains_entry(WfVM *vm, WfSet *so, WfValue key, int64_t hash) {
    WfSetEntry *e = set_lookkey(vm, so, key, hash);
    if (!e) return -1;
    return e->key.tag != WF_TAG_NULL;
}

static int set_discard_entry(WfVM *vm, WfSet *so, WfValue key, int64_t hash) {
    WfSetEntry *e = set_lookkey(vm, so, key, hash);
    if (!e) return -1;
    if (e->key.tag == WF_TAG_NULL) return DISCARD_NOTFOUND;
    WfValue old = e->key;
    e->key = WF_NULL;
    e->hash = -1;
    so->used--;
    wf_decref(vm, old);
    return DISCARD_FOUND;
}

static int set_add_key(WfVM *vm, WfSet *so, WfValue key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0) return -1;
    return set_add_entry(vm, so, key, hash);
}

static int set_contains_key(WfVM *vm, WfSet *so, WfValue key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0) return -1;
    return set_contains_entry(vm, so, key, hash);
}

static int set_discard_key(WfVM *vm, WfSet *so, WfValue key) {
    int64_t hash;
    if (key_hash(vm, key, &hash) < 0) return -1;
    return set_discard_entry(vm, so, key, hash);
}

static void set_empty_to_minsize(WfSet *so) {
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = 0;
    so->used = 0;
    so->mask = WF_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Empties the set first and only then drops the keys: a key's __del__ may
 * look at (or mutate) the set. */
static void set_clear_internal(WfVM *vm, WfSet *so) {
    WfSetEntry *table = so->table;
    int64_t used = so->used;
    bool malloced = table != so->smalltable;
    WfSetEntry small_copy[WF_SET_MINSIZE];
    if (malloced) {
        set_empty_to_minsize(so);
    } else if (so->fill > 0) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (WfSetEntry *e = table; used > 0; e++) {
        if (e->key.tag != WF_TAG_NULL) {
            used--;
            wf_decref(vm, e->key);
        }
    }
    if (malloced) wf_mem_free(vm, table);
}

/* The next active entry at or after *pos (re-reads the table each call,
 * so it is safe, if not meaningful, across mutations). */
static bool set_next(WfSet *so, int64_t *pos, WfSetEntry **entry) {
    int64_t i = *pos, mask = so->mask;
    WfSetEntry *e = &so->table[i];
    while (i <= mask && e->key.tag == WF_TAG_NULL) {
        i++;
        e++;
    }
    *pos = i + 1;
    if (i > mask) return false;
    *entry = e;
    return true;
}

bool wf_set_next(WfValue set, size_t *pos, WfValue *key, int64_t *hash) {
    int64_t p = (int64_t)*pos;
    WfSetEntry *e;
    if (!set_next(WF_SET(set), &p, &e)) return false;
    *pos = (size_t)p;
    *key = e->key;
    if (hash) *hash = e->hash;
    return true;
}

/* ---- iterating arbitrary iterables ---------------------------------------- */

/* Lists and tuples are walked by index (no iterator object); a list is
 * re-measured at every step, as its iterator would. */
typedef struct ItemIter {
    WfValue src;
    WfValue it;
    WfUnaryFn next;
    size_t i;
} ItemIter;

static int items_begin(WfVM *vm, ItemIter *ii, WfValue iterable) {
    ii->i = 0;
    ii->src = ii->it = WF_NULL;
    if (iterable.tag == WF_TAG_OBJ &&
        (iterable.u.o->type == &wf_type_list || iterable.u.o->type == &wf_type_tuple)) {
        ii->src = wf_ref(iterable);
        return 0;
    }
    ii->it = wf_iter(vm, iterable);
    if (WF_IS_NULL(ii->it)) return -1;
    ii->next = wf_type_of(ii->it)->iternext;
    if (!ii->next) {
        wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not an iterator",
                      wf_type_name(ii->it));
        wf_decref(vm, ii->it);
        ii->it = WF_NULL;
        return -1;
    }
    return 0;
}

/* 1 with a new reference in *out, 0 at the end, -1 on error. */
static int items_next(WfVM *vm, ItemIter *ii, WfValue *out) {
    if (ii->src.tag == WF_TAG_OBJ) {
        if (ii->src.u.o->type == &wf_type_list) {
            WfList *l = WF_LIST(ii->src);
            if (ii->i >= l->n) return 0;
            *out = wf_ref(l->items[ii->i++]);
            return 1;
        }
        WfTuple *t = WF_TUPLE(ii->src);
        if (ii->i >= t->n) return 0;
        *out = wf_ref(t->items[ii->i++]);
        return 1;
    }
    WfValue x = ii->next(vm, ii->it);
    if (WF_IS_NULL(x)) {
        if (!wf_err_occurred(vm)) return 0;
        if (!wf_err_matches(vm, &wf_exc_StopIteration)) return -1;
        wf_err_clear(vm);
        return 0;
    }
    *out = x;
    return 1;
}

static void items_end(WfVM *vm, ItemIter *ii) {
    wf_decref(vm, ii->src);
    wf_decref(vm, ii->it);
}

/* ---- construction and bulk insertion ---------------------------------------- */

static WfSet *set_alloc(WfVM *vm, WfType *type) {
    size_t size = type->size > sizeof(WfSet) ? type->size : sizeof(WfSet);
    WfSet *so = (WfSet *)wf_obj_alloc(vm, type, size);
    if (!so) return NULL;
    so->mask = WF_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    return so;
}

static int set_merge(WfVM *vm, WfSet *so, WfSet *other) {
    if (other == so || other->used == 0) return 0;
    /* One big resize up front rather than several while inserting. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(vm, so, (so->used + other->used) * 2) != 0) return -1;
    }
    WfSetEntry *so_entry = so->table, *other_entry = other->table;

    /* Same size, empty target, no dummies: copy entry for entry. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key.tag != WF_TAG_NULL) {
                so_entry->key = wf_ref(other_entry->key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }

    /* Empty target: no duplicates possible, no comparisons needed. */
    if (so->fill == 0) {
        WfSetEntry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (int64_t i = other->mask + 1; i > 0; i--, other_entry++) {
            if (other_entry->key.tag != WF_TAG_NULL)
                set_insert_clean(newtable, newmask, wf_ref(other_entry->key), other_entry->hash);
        }
        return 0;
    }

    for (int64_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        if (other_entry->key.tag != WF_TAG_NULL &&
            set_add_entry(vm, so, other_entry->key, other_entry->hash))
            return -1;
    }
    return 0;
}

static int set_update_internal(WfVM *vm, WfSet *so, WfValue other) {
    if (wf_is_anyset(other)) return set_merge(vm, so, WF_SET(other));
    if (other.tag == WF_TAG_OBJ && other.u.o->type == &wf_type_dict) {
        int64_t dictsize = wf_dict_len(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(vm, so, (so->used + dictsize) * 2) != 0) return -1;
        }
        size_t pos = 0;
        WfValue k, v;
        while (wf_dict_next(other, &pos, &k, &v)) {
            wf_incref(k);
            int rc = set_add_key(vm, so, k);
            wf_decref(vm, k);
            if (rc) return -1;
        }
        return 0;
    }
    ItemIter ii;
    if (items_begin(vm, &ii, other) < 0) return -1;
    WfValue key;
    int r;
    while ((r = items_next(vm, &ii, &key)) > 0) {
        int rc = set_add_key(vm, so, key);
        wf_decref(vm, key);
        if (rc) {
            r = -1;
            break;
        }
    }
    items_end(vm, &ii);
    return r < 0 ? -1 : 0;
}

static WfValue make_new_set(WfVM *vm, WfType *type, WfValue iterable) {
    WfSet *so = set_alloc(vm, type);
    if (!so) return WF_NULL;
    if (!WF_IS_NULL(iterable) && set_update_internal(vm, so, iterable) < 0) {
        wf_obj_decref(vm, &so->ob);
        return WF_NULL;
    }
    return WF_OBJ(so);
}

/* Results of operations on subclass instances are plain sets/frozensets. */
static WfValue make_new_set_basetype(WfVM *vm, WfType *type, WfValue iterable) {
    if (type != &wf_type_set && type != &wf_type_frozenset)
        type = wf_type_is_subtype(type, &wf_type_set) ? &wf_type_set : &wf_type_frozenset;
    return make_new_set(vm, type, iterable);
}

WfValue wf_set_new(WfVM *vm) {
    WfSet *so = set_alloc(vm, &wf_type_set);
    return so ? WF_OBJ(so) : WF_NULL;
}

WfValue wf_set_from_iterable(WfVM *vm, WfValue iterable) {
    return make_new_set(vm, &wf_type_set, iterable);
}

WfValue wf_frozenset_new(WfVM *vm, WfValue iterable) {
    if (iterable.tag == WF_TAG_OBJ && iterable.u.o->type == &wf_type_frozenset)
        return wf_ref(iterable);
    return make_new_set(vm, &wf_type_frozenset, iterable);
}

WfValue wf_frozenset_const(WfVM *vm, const WfValue *items, size_t n) {
    WfSet *a = set_alloc(vm, &wf_type_frozenset), *b = NULL;
    if (!a) return WF_NULL;
    for (size_t i = 0; i < n; i++)
        if (set_add_key(vm, a, items[i]) < 0) goto fail;
    if (n == 0) return WF_OBJ(a);
    /* The constant-merging pass rebuilds it from its own iteration order. */
    b = set_alloc(vm, &wf_type_frozenset);
    if (!b) goto fail;
    int64_t pos = 0;
    WfSetEntry *e;
    while (set_next(a, &pos, &e))
        if (set_add_entry(vm, b, e->key, e->hash) < 0) goto fail;
    wf_obj_decref(vm, &a->ob);
    return WF_OBJ(b);
fail:
    wf_obj_decref(vm, &a->ob);
    if (b) wf_obj_decref(vm, &b->ob);
    return WF_NULL;
}

WfValue wf_set_display(WfVM *vm, const WfValue *items, size_t n, bool all_const) {
    WfValue s = wf_set_new(vm);
    if (WF_IS_NULL(s)) return s;
    if (all_const && n > 2) {
        WfValue fs = wf_frozenset_const(vm, items, n);
        int rc = WF_IS_NULL(fs) ? -1 : set_merge(vm, WF_SET(s), WF_SET(fs));
        wf_decref(vm, fs);
        if (rc < 0) goto fail;
        return s;
    }
    for (size_t i = 0; i < n; i++)
        if (set_add_key(vm, WF_SET(s), items[i]) < 0) goto fail;
    return s;
fail:
    wf_decref(vm, s);
    return WF_NULL;
}

int wf_set_add(WfVM *vm, WfValue set, WfValue key) {
    return set_add_key(vm, WF_SET(set), key);
}

int wf_set_update(WfVM *vm, WfValue set, WfValue iterable) {
    return set_update_internal(vm, WF_SET(set), iterable);
}

/* op(set, key), retried with a frozenset copy of key when key is an
 * unhashable set (`{1} in s`, s.discard({1})), as CPython does. */
static int with_frozen_retry(WfVM *vm, WfValue set, WfValue key, int (*op)(WfVM *, WfSet *, WfValue)) {
    int rv = op(vm, WF_SET(set), key);
    if (rv < 0) {
        if (!wf_isinstance(key, &wf_type_set) || !wf_err_matches(vm, &wf_exc_TypeError)) return -1;
        wf_err_clear(vm);
        WfValue tmp = make_new_set(vm, &wf_type_frozenset, key);
        if (WF_IS_NULL(tmp)) return -1;
        rv = op(vm, WF_SET(set), tmp);
        wf_decref(vm, tmp);
    }
    return rv;
}

static int set_contains_slot(WfVM *vm, WfValue set, WfValue key) {
    return with_frozen_retry(vm, set, key, set_contains_key);
}

int wf_set_contains(WfVM *vm, WfValue set, WfValue key) { return set_contains_slot(vm, set, key); }

/* 1 when key was there, 0 when not, -1 on error. */
static int set_discard_retry(WfVM *vm, WfValue set, WfValue key) {
    return with_frozen_retry(vm, set, key, set_discard_key);
}

int wf_set_discard(WfVM *vm, WfValue set, WfValue key) { return set_discard_retry(vm, set, key); }

/* ---- the algebra (CPython's operand and iteration choices) ----------------- */

/* Exchanges the contents of a and b (intersection_update builds the result
 * aside and swaps it in). */
static void set_swap_bodies(WfSet *a, WfSet *b) {
    int64_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;

    WfSetEntry *u = a->table;
    if (a->table == a->smalltable) u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable) a->table = a->smalltable;
    b->table = u;

    if (a->table == a->smalltable || b->table == b->smalltable) {
        WfSetEntry tab[WF_SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof tab);
        memcpy(a->smalltable, b->smalltable, sizeof tab);
        memcpy(b->smalltable, tab, sizeof tab);
    }

    if (wf_type_is_subtype(a->ob.type, &wf_type_frozenset) &&
        wf_type_is_subtype(b->ob.type, &wf_type_frozenset)) {
        int64_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static WfValue set_copy(WfVM *vm, WfValue so) {
    return make_new_set_basetype(vm, so.u.o->type, so);
}

static WfValue set_union(WfVM *vm, WfValue so, const WfValue *others, size_t n) {
    WfValue result = set_copy(vm, so);
    if (WF_IS_NULL(result)) return result;
    for (size_t i = 0; i < n; i++) {
        if (same_value(others[i], so)) continue;
        if (set_update_internal(vm, WF_SET(result), others[i])) {
            wf_decref(vm, result);
            return WF_NULL;
        }
    }
    return result;
}

static WfValue set_intersection(WfVM *vm, WfValue so, WfValue other) {
    if (same_value(so, other)) return set_copy(vm, so);
    WfValue result = make_new_set_basetype(vm, so.u.o->type, WF_NULL);
    if (WF_IS_NULL(result)) return result;
    WfSet *rs = WF_SET(result);

    if (wf_is_anyset(other)) {
        /* Iterate over the smaller set, probe the larger. */
        WfSet *big = WF_SET(so), *small = WF_SET(other);
        if (small->used > big->used) {
            WfSet *t = big;
            big = small;
            small = t;
        }
        int64_t pos = 0;
        WfSetEntry *e;
        while (set_next(small, &pos, &e)) {
            WfValue key = wf_ref(e->key);
            int64_t hash = e->hash;
            int rv = set_contains_entry(vm, big, key, hash);
            if (rv > 0) rv = set_add_entry(vm, rs, key, hash) ? -1 : 1;
            wf_decref(vm, key);
            if (rv < 0) {
                wf_decref(vm, result);
                return WF_NULL;
            }
        }
        return result;
    }

    ItemIter ii;
    if (items_begin(vm, &ii, other) < 0) {
        wf_decref(vm, result);
        return WF_NULL;
    }
    WfValue key;
    int r;
    while ((r = items_next(vm, &ii, &key)) > 0) {
        int64_t hash;
        int rv = key_hash(vm, key, &hash);
        if (rv == 0) rv = set_contains_entry(vm, WF_SET(so), key, hash);
        if (rv > 0) rv = set_add_entry(vm, rs, key, hash) ? -1 : 1;
        wf_decref(vm, key);
        if (rv < 0) {
            r = -1;
            break;
        }
        if (rv > 0 && rs->used >= WF_SET(so)->used) break;
    }
    items_end(vm, &ii);
    if (r < 0) {
        wf_decref(vm, result);
        return WF_NULL;
    }
    return result;
}

static WfValue set_intersection_multi(WfVM *vm, WfValue so, const WfValue *others, size_t n) {
    if (n == 0) return set_copy(vm, so);
    WfValue result = wf_ref(so);
    for (size_t i = 0; i < n; i++) {
        WfValue r = set_intersection(vm, result, others[i]);
        wf_decref(vm, result);
        if (WF_IS_NULL(r)) return r;
        result = r;
    }
    return result;
}

/* Swaps the contents of tmp (stolen) into so. */
static void set_take_body(WfVM *vm, WfValue so, WfValue tmp) {
    set_swap_bodies(WF_SET(so), WF_SET(tmp));
    wf_decref(vm, tmp);
}

static int set_isdisjoint_impl(WfVM *vm, WfValue so, WfValue other) {
    if (same_value(so, other)) return WF_SET(so)->used == 0;
    if (wf_is_anyset(other)) {
        WfSet *big = WF_SET(so), *small = WF_SET(other);
        if (small->used > big->used) {
            WfSet *t = big;
            big = small;
            small = t;
        }
        int64_t pos = 0;
        WfSetEntry *e;
        while (set_next(small, &pos, &e)) {
            WfValue key = wf_ref(e->key);
            int rv = set_contains_entry(vm, big, key, e->hash);
            wf_decref(vm, key);
            if (rv) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    ItemIter ii;
    if (items_begin(vm, &ii, other) < 0) return -1;
    WfValue key;
    int r, result = 1;
    while ((r = items_next(vm, &ii, &key)) > 0) {
        int rv = set_contains_key(vm, WF_SET(so), key);
        wf_decref(vm, key);
        if (rv) {
            result = rv < 0 ? -1 : 0;
            break;
        }
    }
    items_end(vm, &ii);
    return r < 0 ? -1 : result;
}

static int set_difference_update_internal(WfVM *vm, WfValue sov, WfValue other) {
    WfSet *so = WF_SET(sov);
    if (same_value(sov, other)) {
        set_clear_internal(vm, so);
        return 0;
    }
    if (wf_is_anyset(other)) {
        /* A much larger other: only the common keys matter. */
        WfValue o2;
        if ((WF_SET(other)->used >> 3) > so->used) {
            o2 = set_intersection(vm, sov, other);
            if (WF_IS_NULL(o2)) return -1;
        } else {
            o2 = wf_ref(other);
        }
        int64_t pos = 0;
        WfSetEntry *e;
        while (set_next(WF_SET(o2), &pos, &e)) {
            WfValue key = wf_ref(e->key);
            int rv = set_discard_entry(vm, so, key, e->hash);
            wf_decref(vm, key);
            if (rv < 0) {
                wf_decref(vm, o2);
                return -1;
            }
        }
        wf_decref(vm, o2);
    } else {
        ItemIter ii;
        if (items_begin(vm, &ii, other) < 0) return -1;
        WfValue key;
        int r;
        while ((r = items_next(vm, &ii, &key)) > 0) {
            int rv = set_discard_key(vm, so, key);
            wf_decref(vm, key);
            if (rv < 0) {
                r = -1;
                break;
            }
        }
        items_end(vm, &ii);
        if (r < 0) return -1;
    }
    /* More than a quarter dummies: rebuild without them. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static WfValue set_copy_and_difference(WfVM *vm, WfValue so, WfValue other) {
    WfValue result = set_copy(vm, so);
    if (WF_IS_NULL(result)) return result;
    if (set_difference_update_internal(vm, result, other) == 0) return result;
    wf_decref(vm, result);
    return WF_NULL;
}

static WfValue set_difference(WfVM *vm, WfValue so, WfValue other) {
    int64_t other_size;
    bool is_dict = other.tag == WF_TAG_OBJ && other.u.o->type == &wf_type_dict;
    if (wf_is_anyset(other))
        other_size = WF_SET(other)->used;
    else if (is_dict)
        other_size = wf_dict_len(other);
    else
        return set_copy_and_difference(vm, so, other);

    /* Much larger than other: copying and discarding is cheaper. */
    if ((WF_SET(so)->used >> 2) > other_size) return set_copy_and_difference(vm, so, other);

    WfValue result = make_new_set_basetype(vm, so.u.o->type, WF_NULL);
    if (WF_IS_NULL(result)) return result;
    int64_t pos = 0;
    WfSetEntry *e;
    while (set_next(WF_SET(so), &pos, &e)) {
        WfValue key = wf_ref(e->key);
        int64_t hash = e->hash;
        int rv;
        if (is_dict) {
            WfValue v = wf_dict_get(vm, other, key);
            rv = WF_IS_NULL(v) ? (wf_err_occurred(vm) ? -1 : 0) : 1;
        } else {
            rv = set_contains_entry(vm, WF_SET(other), key, hash);
        }
        if (rv == 0) rv = set_add_entry(vm, WF_SET(result), key, hash) ? -1 : 0;
        wf_decref(vm, key);
        if (rv < 0) {
            wf_decref(vm, result);
            return WF_NULL;
        }
    }
    return result;
}

static WfValue set_difference_multi(WfVM *vm, WfValue so, const WfValue *others, size_t n) {
    if (n == 0) return set_copy(vm, so);
    WfValue result = set_difference(vm, so, others[0]);
    if (WF_IS_NULL(result)) return result;
    for (size_t i = 1; i < n; i++) {
        if (set_difference_update_internal(vm, result, others[i])) {
            wf_decref(vm, result);
            return WF_NULL;
        }
    }
    return result;
}

/* Toggles key in so: 0 or -1. key is borrowed and kept alive meanwhile. */
static int toggle(WfVM *vm, WfSet *so, WfValue key, int64_t hash) {
    wf_incref(key);
    int rv = set_discard_entry(vm, so, key, hash);
    if (rv == DISCARD_NOTFOUND) rv = set_add_entry(vm, so, key, hash);
    else if (rv > 0) rv = 0;
    wf_decref(vm, key);
    return rv;
}

static int set_symmetric_difference_update_impl(WfVM *vm, WfValue sov, WfValue other) {
    WfSet *so = WF_SET(sov);
    if (same_value(sov, other)) {
        set_clear_internal(vm, so);
        return 0;
    }
    if (other.tag == WF_TAG_OBJ && other.u.o->type == &wf_type_dict) {
        size_t pos = 0;
        WfValue k, v;
        while (wf_dict_next(other, &pos, &k, &v)) {
            int64_t hash;
            wf_incref(k);
            int rc = key_hash(vm, k, &hash);
            if (rc == 0) rc = toggle(vm, so, k, hash);
            wf_decref(vm, k);
            if (rc) return -1;
        }
        return 0;
    }
    WfValue otherset;
    if (wf_is_anyset(other)) {
        otherset = wf_ref(other);
    } else {
        otherset = make_new_set_basetype(vm, sov.u.o->type, other);
        if (WF_IS_NULL(otherset)) return -1;
    }
    int64_t pos = 0;
    WfSetEntry *e;
    while (set_next(WF_SET(otherset), &pos, &e)) {
        if (toggle(vm, so, e->key, e->hash)) {
            wf_decref(vm, otherset);
            return -1;
        }
    }
    wf_decref(vm, otherset);
    return 0;
}

static WfValue set_symmetric_difference(WfVM *vm, WfValue so, WfValue other) {
    WfValue otherset = make_new_set_basetype(vm, so.u.o->type, other);
    if (WF_IS_NULL(otherset)) return otherset;
    if (set_symmetric_difference_update_impl(vm, otherset, so) < 0) {
        wf_decref(vm, otherset);
        return WF_NULL;
    }
    return otherset;
}

static int set_issubset_impl(WfVM *vm, WfValue so, WfValue other) {
    if (!wf_is_anyset(other)) {
        WfValue tmp = make_new_set(vm, &wf_type_set, other);
        if (WF_IS_NULL(tmp)) return -1;
        int r = set_issubset_impl(vm, so, tmp);
        wf_decref(vm, tmp);
        return r;
    }
    if (WF_SET(so)->used > WF_SET(other)->used) return 0;
    int64_t pos = 0;
    WfSetEntry *e;
    while (set_next(WF_SET(so), &pos, &e)) {
        WfValue key = wf_ref(e->key);
        int rv = set_contains_entry(vm, WF_SET(other), key, e->hash);
        wf_decref(vm, key);
        if (rv <= 0) return rv;
    }
    return 1;
}

/* Unlike issubset, a non-set other is walked lazily: 3.11 returns False
 * at the first missing key without hashing the rest. */
static int set_issuperset_impl(WfVM *vm, WfValue so, WfValue other) {
    if (wf_is_anyset(other)) return set_issubset_impl(vm, other, so);
    ItemIter ii;
    if (items_begin(vm, &ii, other) < 0) return -1;
    WfValue key;
    int r, result = 1;
    while ((r = items_next(vm, &ii, &key)) > 0) {
        int rv = set_contains_key(vm, WF_SET(so), key);
        wf_decref(vm, key);
        if (rv <= 0) {
            result = rv;
            break;
        }
    }
    items_end(vm, &ii);
    return r < 0 ? -1 : result;
}

static inline WfValue bool_or_null(int r) { return r < 0 ? WF_NULL : WF_BOOL(r); }

/* ---- slots ------------------------------------------------------------------- */

static void set_dealloc(WfVM *vm, WfObject *o) {
    WfSet *so = (WfSet *)o;
    int64_t used = so->used;
    for (WfSetEntry *e = so->table; used > 0; e++) {
        if (e->key.tag != WF_TAG_NULL) {
            used--;
            wf_decref(vm, e->key);
        }
    }
    if (so->table != so->smalltable) wf_mem_free(vm, so->table);
    wf_obj_free(vm, o);
}

static void set_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfSet *so = (WfSet *)o;
    for (int64_t i = 0; i <= so->mask; i++)
        if (so->table[i].key.tag == WF_TAG_OBJ) visit(so->table[i].key.u.o, arg);
}

static void set_clear_slot(WfVM *vm, WfObject *o) { set_clear_internal(vm, (WfSet *)o); }

static WfValue set_repr(WfVM *vm, WfValue v) {
    WfSet *so = WF_SET(v);
    WfType *t = v.u.o->type;
    int rc = wf_repr_enter(vm, v.u.o);
    if (rc < 0) return WF_NULL;
    if (rc > 0) return wf_str_printf(vm, "%s(...)", t->name);
    if (so->used == 0) {
        wf_repr_leave(vm, v.u.o);
        return wf_str_printf(vm, "%s()", t->name);
    }
    /* A key's __repr__ may mutate the set: print a snapshot. */
    size_t n = (size_t)so->used;
    WfValue *keys = wf_mem_alloc(vm, n * sizeof(WfValue));
    if (!keys) {
        wf_repr_leave(vm, v.u.o);
        return WF_NULL;
    }
    size_t k = 0;
    int64_t pos = 0;
    WfSetEntry *e;
    while (k < n && set_next(so, &pos, &e)) keys[k++] = wf_ref(e->key);
    WfBuf b;
    wf_buf_init(&b);
    bool exact = t == &wf_type_set;
    if (!exact) {
        wf_buf_puts(vm, &b, t->name);
        wf_buf_putc(vm, &b, '(');
    }
    wf_buf_putc(vm, &b, '{');
    for (size_t i = 0; i < k; i++) {
        if (i > 0) wf_buf_append(vm, &b, ", ", 2);
        if (!wf_buf_append_repr(vm, &b, keys[i])) break;
    }
    wf_buf_putc(vm, &b, '}');
    if (!exact) wf_buf_putc(vm, &b, ')');
    for (size_t i = 0; i < k; i++) wf_decref(vm, keys[i]);
    wf_mem_free(vm, keys);
    wf_repr_leave(vm, v.u.o);
    return wf_buf_finish(vm, &b);
}

static int64_t set_len(WfVM *vm, WfValue v) { return WF_SET(v)->used; }

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython's frozenset hash: an order-independent xor of every entry's
 * shuffled hash, empty and dummy entries included and then cancelled, so
 * hash(frozenset(...)) prints what CPython prints. */
static int frozenset_hash(WfVM *vm, WfValue v, int64_t *out) {
    WfSet *so = WF_SET(v);
    if (so->hash != -1) {
        *out = so->hash;
        return 0;
    }
    uint64_t hash = 0;
    for (WfSetEntry *e = so->table; e <= &so->table[so->mask]; e++)
        hash ^= shuffle_bits((uint64_t)e->hash);
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) hash = 590923713ULL;
    so->hash = (int64_t)hash;
    *out = (int64_t)hash;
    return 0;
}

static WfValue set_richcmp(WfVM *vm, WfValue v, WfValue w, int op) {
    if (!wf_is_anyset(v) || !wf_is_anyset(w)) return WF_NOTIMPL;
    WfSet *a = WF_SET(v), *b = WF_SET(w);
    int r;
    switch (op) {
    case WF_CMP_EQ:
    case WF_CMP_NE:
        if (a->used != b->used)
            r = 0;
        else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            r = 0;
        else
            r = set_issubset_impl(vm, v, w);
        if (r < 0) return WF_NULL;
        return WF_BOOL(op == WF_CMP_EQ ? r : !r);
    case WF_CMP_LE: return bool_or_null(set_issubset_impl(vm, v, w));
    case WF_CMP_GE: return bool_or_null(set_issuperset_impl(vm, v, w));
    case WF_CMP_LT:
        if (a->used >= b->used) return WF_FALSE;
        return bool_or_null(set_issubset_impl(vm, v, w));
    case WF_CMP_GT:
        if (a->used <= b->used) return WF_FALSE;
        return bool_or_null(set_issuperset_impl(vm, v, w));
    }
    return WF_NOTIMPL;
}

/* ---- operators ------------------------------------------------------------------ */

static WfValue set_or(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(a) || !wf_is_anyset(b)) return WF_NOTIMPL;
    WfValue result = set_copy(vm, a);
    if (WF_IS_NULL(result) || same_value(a, b)) return result;
    if (set_update_internal(vm, WF_SET(result), b)) {
        wf_decref(vm, result);
        return WF_NULL;
    }
    return result;
}

static WfValue set_and(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(a) || !wf_is_anyset(b)) return WF_NOTIMPL;
    return set_intersection(vm, a, b);
}

static WfValue set_sub(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(a) || !wf_is_anyset(b)) return WF_NOTIMPL;
    return set_difference(vm, a, b);
}

static WfValue set_xor(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(a) || !wf_is_anyset(b)) return WF_NOTIMPL;
    return set_symmetric_difference(vm, a, b);
}

static WfValue set_ior(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(b)) return WF_NOTIMPL;
    if (set_update_internal(vm, WF_SET(a), b)) return WF_NULL;
    return wf_ref(a);
}

static WfValue set_iand(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(b)) return WF_NOTIMPL;
    WfValue tmp = set_intersection(vm, a, b);
    if (WF_IS_NULL(tmp)) return tmp;
    set_take_body(vm, a, tmp);
    return wf_ref(a);
}

static WfValue set_isub(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(b)) return WF_NOTIMPL;
    if (set_difference_update_internal(vm, a, b)) return WF_NULL;
    return wf_ref(a);
}

static WfValue set_ixor(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_anyset(b)) return WF_NOTIMPL;
    if (set_symmetric_difference_update_impl(vm, a, b)) return WF_NULL;
    return wf_ref(a);
}

/* ---- iterator ------------------------------------------------------------------- */

typedef struct SetIter {
    WfObject ob;
    WfSet *set;                  /* NULL once exhausted */
    int64_t used;                /* the set's size when iteration began */
    int64_t pos;
    int64_t len;
} SetIter;

static WfValue set_iter(WfVM *vm, WfValue v) {
    SetIter *si = (SetIter *)wf_obj_alloc(vm, &wf_type_set_iter, sizeof(SetIter));
    if (!si) return WF_NULL;
    wf_obj_incref(v.u.o);
    si->set = WF_SET(v);
    si->used = si->set->used;
    si->len = si->set->used;
    return WF_OBJ(si);
}

static void setiter_clear(WfVM *vm, WfObject *o) {
    SetIter *si = (SetIter *)o;
    WfSet *so = si->set;
    si->set = NULL;
    if (so) wf_obj_decref(vm, &so->ob);
}

static void setiter_dealloc(WfVM *vm, WfObject *o) {
    setiter_clear(vm, o);
    wf_obj_free(vm, o);
}

static void setiter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    SetIter *si = (SetIter *)o;
    if (si->set) visit(&si->set->ob, arg);
}

static WfValue setiter_iter(WfVM *vm, WfValue v) { return wf_ref(v); }

static WfValue setiter_next(WfVM *vm, WfValue v) {
    SetIter *si = (SetIter *)v.u.o;
    WfSet *so = si->set;
    if (!so) return WF_NULL;
    if (si->used != so->used) {
        si->used = -1;           /* stays an error on later calls */
        return wf_err_format(vm, &wf_exc_RuntimeError, "Set changed size during iteration");
    }
    int64_t i = si->pos, mask = so->mask;
    WfSetEntry *table = so->table;
    while (i <= mask && table[i].key.tag == WF_TAG_NULL) i++;
    si->pos = i + 1;
    if (i > mask) {
        setiter_clear(vm, v.u.o);
        return WF_NULL;
    }
    si->len--;
    return wf_ref(table[i].key);
}

static WfValue setiter_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                   WfObject *kw) {
    if (wf_args_check(vm, "set_iterator.__length_hint__", nargs, kw, 0, 0) < 0) return WF_NULL;
    SetIter *si = (SetIter *)self.u.o;
    return WF_INT(si->set && si->used == si->set->used ? si->len : 0);
}

static const WfMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, NULL},
};

WfType wf_type_set_iter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "set_iterator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(SetIter),
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .clear = setiter_clear,
    .iter = setiter_iter,
    .iternext = setiter_next,
    .methods = setiter_methods,
};

/* ---- methods ---------------------------------------------------------------------- */

#define METHOD(name)                                                                    \
    static WfValue name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,    \
                        WfObject *kw)

/* Argument errors name the defining type as CPython does ("set.add()",
 * "frozenset.union()"), also for subclass instances. */
static int check_args(WfVM *vm, WfValue self, const char *meth, size_t nargs, WfObject *kw,
                      size_t min, size_t max) {
    if (nargs >= min && nargs <= max && (!kw || WF_TUPLE(WF_OBJ(kw))->n == 0)) return 0;
    char name[64];
    snprintf(name, sizeof name, "%s.%s",
             wf_isinstance(self, &wf_type_set) ? "set" : "frozenset", meth);
    return wf_args_check(vm, name, nargs, kw, min, max);
}

#define CHECK(meth, min, max) \
    if (check_args(vm, self, meth, nargs, kw, min, max) < 0) return WF_NULL

METHOD(set_m_add) {
    CHECK("add", 1, 1);
    if (set_add_key(vm, WF_SET(self), args[0])) return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_clear) {
    CHECK("clear", 0, 0);
    set_clear_internal(vm, WF_SET(self));
    return WF_NONE;
}

METHOD(set_m_contains) {
    CHECK("__contains__", 1, 1);
    return bool_or_null(set_contains_slot(vm, self, args[0]));
}

METHOD(set_m_copy) {
    CHECK("copy", 0, 0);
    return set_copy(vm, self);
}

METHOD(frozenset_m_copy) {
    CHECK("copy", 0, 0);
    if (self.u.o->type == &wf_type_frozenset) return wf_ref(self);
    return set_copy(vm, self);
}

METHOD(set_m_discard) {
    CHECK("discard", 1, 1);
    if (set_discard_retry(vm, self, args[0]) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_remove) {
    CHECK("remove", 1, 1);
    int rv = set_discard_retry(vm, self, args[0]);
    if (rv < 0) return WF_NULL;
    if (rv == DISCARD_NOTFOUND) return wf_err_set_value(vm, &wf_exc_KeyError, args[0]);
    return WF_NONE;
}

METHOD(set_m_pop) {
    CHECK("pop", 0, 0);
    WfSet *so = WF_SET(self);
    if (so->used == 0) return wf_err_format(vm, &wf_exc_KeyError, "pop from an empty set");
    /* The finger makes repeated pops O(1) amortised instead of rescanning
     * the dummies at the front. */
    WfSetEntry *e = so->table + (so->finger & so->mask);
    WfSetEntry *limit = so->table + so->mask;
    while (e->key.tag == WF_TAG_NULL) {
        e++;
        if (e > limit) e = so->table;
    }
    WfValue key = e->key;
    e->key = WF_NULL;
    e->hash = -1;
    so->used--;
    so->finger = e - so->table + 1;
    return key;
}

METHOD(set_m_update) {
    CHECK("update", 0, SIZE_MAX);
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(vm, WF_SET(self), args[i])) return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_union) {
    CHECK("union", 0, SIZE_MAX);
    return set_union(vm, self, args, nargs);
}

METHOD(set_m_intersection) {
    CHECK("intersection", 0, SIZE_MAX);
    return set_intersection_multi(vm, self, args, nargs);
}

METHOD(set_m_intersection_update) {
    CHECK("intersection_update", 0, SIZE_MAX);
    WfValue tmp = set_intersection_multi(vm, self, args, nargs);
    if (WF_IS_NULL(tmp)) return tmp;
    set_take_body(vm, self, tmp);
    return WF_NONE;
}

METHOD(set_m_difference) {
    CHECK("difference", 0, SIZE_MAX);
    return set_difference_multi(vm, self, args, nargs);
}

METHOD(set_m_difference_update) {
    CHECK("difference_update", 0, SIZE_MAX);
    for (size_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(vm, self, args[i])) return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_symmetric_difference) {
    CHECK("symmetric_difference", 1, 1);
    return set_symmetric_difference(vm, self, args[0]);
}

METHOD(set_m_symmetric_difference_update) {
    CHECK("symmetric_difference_update", 1, 1);
    if (set_symmetric_difference_update_impl(vm, self, args[0])) return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_issubset) {
    CHECK("issubset", 1, 1);
    return bool_or_null(set_issubset_impl(vm, self, args[0]));
}

METHOD(set_m_issuperset) {
    CHECK("issuperset", 1, 1);
    return bool_or_null(set_issuperset_impl(vm, self, args[0]));
}

METHOD(set_m_isdisjoint) {
    CHECK("isdisjoint", 1, 1);
    return bool_or_null(set_isdisjoint_impl(vm, self, args[0]));
}

/* set.__init__: what fills a subclass instance (set_new_ leaves it empty). */
METHOD(set_m_init) {
    if (kw && WF_TUPLE(WF_OBJ(kw))->n)
        return wf_err_format(vm, &wf_exc_TypeError, "set() takes no keyword arguments");
    if (wf_args_check(vm, wf_type_name(self), nargs, NULL, 0, 1) < 0) return WF_NULL;
    WfSet *so = WF_SET(self);
    if (so->fill) set_clear_internal(vm, so);
    so->hash = -1;
    if (nargs && set_update_internal(vm, so, args[0])) return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_len) {
    CHECK("__len__", 0, 0);
    return WF_INT(WF_SET(self)->used);
}

METHOD(set_m_iter) {
    CHECK("__iter__", 0, 0);
    return set_iter(vm, self);
}

METHOD(set_m_repr) {
    CHECK("__repr__", 0, 0);
    return set_repr(vm, self);
}

METHOD(frozenset_m_hash) {
    CHECK("__hash__", 0, 0);
    int64_t h;
    if (frozenset_hash(vm, self, &h) < 0) return WF_NULL;
    return WF_INT(h);
}

/* The operator dunders, for explicit calls and super() in subclasses. */
#define BINARY_DUNDER(fname, meth, impl, swap)                                  \
    METHOD(fname) {                                                             \
        CHECK(meth, 1, 1);                                                      \
        return swap ? impl(vm, args[0], self) : impl(vm, self, args[0]);        \
    }
BINARY_DUNDER(set_m_or, "__or__", set_or, 0)
BINARY_DUNDER(set_m_and, "__and__", set_and, 0)
BINARY_DUNDER(set_m_sub, "__sub__", set_sub, 0)
BINARY_DUNDER(set_m_xor, "__xor__", set_xor, 0)
BINARY_DUNDER(set_m_ror, "__ror__", set_or, 1)
BINARY_DUNDER(set_m_rand, "__rand__", set_and, 1)
BINARY_DUNDER(set_m_rsub, "__rsub__", set_sub, 1)
BINARY_DUNDER(set_m_rxor, "__rxor__", set_xor, 1)
BINARY_DUNDER(set_m_ior, "__ior__", set_ior, 0)
BINARY_DUNDER(set_m_iand, "__iand__", set_iand, 0)
BINARY_DUNDER(set_m_isub, "__isub__", set_isub, 0)
BINARY_DUNDER(set_m_ixor, "__ixor__", set_ixor, 0)

#define CMP_DUNDER(fname, meth, op)                                             \
    METHOD(fname) {                                                             \
        CHECK(meth, 1, 1);                                                      \
        return set_richcmp(vm, self, args[0], op);                              \
    }
CMP_DUNDER(set_m_eq, "__eq__", WF_CMP_EQ)
CMP_DUNDER(set_m_ne, "__ne__", WF_CMP_NE)
CMP_DUNDER(set_m_lt, "__lt__", WF_CMP_LT)
CMP_DUNDER(set_m_le, "__le__", WF_CMP_LE)
CMP_DUNDER(set_m_gt, "__gt__", WF_CMP_GT)
CMP_DUNDER(set_m_ge, "__ge__", WF_CMP_GE)

#define COMMON_DUNDERS                                                          \
    {"__contains__", set_m_contains, "x.__contains__(y) <==> y in x."},         \
    {"__len__", set_m_len, NULL},                                               \
    {"__iter__", set_m_iter, NULL},                                             \
    {"__repr__", set_m_repr, NULL},                                             \
    {"__or__", set_m_or, NULL},                                                 \
    {"__and__", set_m_and, NULL},                                               \
    {"__sub__", set_m_sub, NULL},                                               \
    {"__xor__", set_m_xor, NULL},                                               \
    {"__ror__", set_m_ror, NULL},                                               \
    {"__rand__", set_m_rand, NULL},                                             \
    {"__rsub__", set_m_rsub, NULL},                                             \
    {"__rxor__", set_m_rxor, NULL},                                             \
    {"__eq__", set_m_eq, NULL},                                                 \
    {"__ne__", set_m_ne, NULL},                                                 \
    {"__lt__", set_m_lt, NULL},                                                 \
    {"__le__", set_m_le, NULL},                                                 \
    {"__gt__", set_m_gt, NULL},                                                 \
    {"__ge__", set_m_ge, NULL}

/* CPython 3.11's docstrings, shared by the two method tables. */
#define DOC_ADD "Add an element to a set.\n\nThis has no effect if the element is already present."
#define DOC_CLEAR "Remove all elements from this set."
#define DOC_COPY "Return a shallow copy of a set."
#define DOC_DISCARD                                                             \
    "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() " \
    "method does not raise\nan exception when an element is missing from the set."
#define DOC_DIFFERENCE                                                          \
    "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that " \
    "are in this set but not the others.)"
#define DOC_DIFFERENCE_UPDATE "Remove all elements of another set from this set."
#define DOC_INTERSECTION                                                        \
    "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in " \
    "both sets.)"
#define DOC_INTERSECTION_UPDATE "Update a set with the intersection of itself and another."
#define DOC_ISDISJOINT "Return True if two sets have a null intersection."
#define DOC_ISSUBSET "Report whether another set contains this set."
#define DOC_ISSUPERSET "Report whether this set contains another set."
#define DOC_POP "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."
#define DOC_REMOVE                                                              \
    "Remove an element from a set; it must be a member.\n\nIf the element is not a member, " \
    "raise a KeyError."
#define DOC_SYMMETRIC_DIFFERENCE                                                \
    "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that " \
    "are in exactly one of the sets.)"
#define DOC_SYMMETRIC_DIFFERENCE_UPDATE                                         \
    "Update a set with the symmetric difference of itself and another."
#define DOC_UNION                                                               \
    "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"
#define DOC_UPDATE "Update a set with the union of itself and others."

static const WfMethodDef set_methods[] = {
    {"add", set_m_add, DOC_ADD},
    {"clear", set_m_clear, DOC_CLEAR},
    {"copy", set_m_copy, DOC_COPY},
    {"discard", set_m_discard, DOC_DISCARD},
    {"difference", set_m_difference, DOC_DIFFERENCE},
    {"difference_update", set_m_difference_update, DOC_DIFFERENCE_UPDATE},
    {"intersection", set_m_intersection, DOC_INTERSECTION},
    {"intersection_update", set_m_intersection_update, DOC_INTERSECTION_UPDATE},
    {"isdisjoint", set_m_isdisjoint, DOC_ISDISJOINT},
    {"issubset", set_m_issubset, DOC_ISSUBSET},
    {"issuperset", set_m_issuperset, DOC_ISSUPERSET},
    {"pop", set_m_pop, DOC_POP},
    {"remove", set_m_remove, DOC_REMOVE},
    {"symmetric_difference", set_m_symmetric_difference, DOC_SYMMETRIC_DIFFERENCE},
    {"symmetric_difference_update", set_m_symmetric_difference_update,
     DOC_SYMMETRIC_DIFFERENCE_UPDATE},
    {"union", set_m_union, DOC_UNION},
    {"update", set_m_update, DOC_UPDATE},
    {"__init__", set_m_init, NULL},
    {"__ior__", set_m_ior, NULL},
    {"__iand__", set_m_iand, NULL},
    {"__isub__", set_m_isub, NULL},
    {"__ixor__", set_m_ixor, NULL},
    COMMON_DUNDERS,
    {NULL, NULL, NULL},
};

static const WfMethodDef frozenset_methods[] = {
    {"copy", frozenset_m_copy, DOC_COPY},
    {"difference", set_m_difference, DOC_DIFFERENCE},
    {"intersection", set_m_intersection, DOC_INTERSECTION},
    {"isdisjoint", set_m_isdisjoint, DOC_ISDISJOINT},
    {"issubset", set_m_issubset, DOC_ISSUBSET},
    {"issuperset", set_m_issuperset, DOC_ISSUPERSET},
    {"symmetric_difference", set_m_symmetric_difference, DOC_SYMMETRIC_DIFFERENCE},
    {"union", set_m_union, DOC_UNION},
    {"__hash__", frozenset_m_hash, NULL},
    COMMON_DUNDERS,
    {NULL, NULL, NULL},
};

/* ---- types ------------------------------------------------------------------------ */

static WfValue set_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                        WfObject *kwnames) {
    if (type == &wf_type_set) {
        if (wf_args_check(vm, "set", nargs, kwnames, 0, 1) < 0) return WF_NULL;
        return make_new_set(vm, type, nargs ? args[0] : WF_NULL);
    }
    /* Subclasses: an empty instance; set.__init__ fills it, as in CPython,
     * so a subclass __init__ with other parameters works. */
    return make_new_set(vm, type, WF_NULL);
}

static WfValue frozenset_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                              WfObject *kwnames) {
    if (type == &wf_type_frozenset) {
        if (wf_args_check(vm, "frozenset", nargs, kwnames, 0, 1) < 0) return WF_NULL;
        return wf_frozenset_new(vm, nargs ? args[0] : WF_NULL);
    }
    /* Immutable, so a subclass instance is filled here, not in __init__. */
    if (wf_args_check(vm, type->name, nargs, NULL, 0, 1) < 0) return WF_NULL;
    return make_new_set(vm, type, nargs ? args[0] : WF_NULL);
}

WfType wf_type_set = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "set",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE | WF_TPFLAG_UNHASHABLE,
    .size = sizeof(WfSet),
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .richcmp = set_richcmp,
    .new_ = set_new_,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .binop = {[WF_BIN_OR] = set_or, [WF_BIN_AND] = set_and, [WF_BIN_SUB] = set_sub,
              [WF_BIN_XOR] = set_xor},
    .inplace = {[WF_BIN_OR] = set_ior, [WF_BIN_AND] = set_iand, [WF_BIN_SUB] = set_isub,
                [WF_BIN_XOR] = set_ixor},
    .methods = set_methods,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
           "Build an unordered collection of unique elements.",
};

WfType wf_type_frozenset = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "frozenset",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfSet),
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcmp = set_richcmp,
    .new_ = frozenset_new_,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .binop = {[WF_BIN_OR] = set_or, [WF_BIN_AND] = set_and, [WF_BIN_SUB] = set_sub,
              [WF_BIN_XOR] = set_xor},
    .methods = frozenset_methods,
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.",
};

/* dict.c: the dict type (CPython 3.6+'s compact layout), its views and
 * iterators. A sparse index array (int8..int64 wide by table size, open
 * addressing with CPython's perturbed probing) points into a dense entries
 * array kept in insertion order; deletion leaves a dummy index and an empty
 * entry, and the next resize compacts. Invariant: entries[0..nentries) hold
 * every live item (ktag != WF_TAG_NULL) in insertion order; `version`
 * changes on every insertion, deletion and clear. A key's __eq__/__hash__
 * may run weft code that mutates the dict: lookups restart when the version
 * moved under them. Called by the VM (globals, attributes, BUILD_MAP),
 * type.c (class namespaces) and the builtins. */
#include <string.h>
#include "dict.h"
#include "list.h"
#include "tuple.h"

typedef WfDictEntry Entry;

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
/* CPython's PyDict_MINSIZE: the first table has 8 slots (5 entries). */
#define DICT_MIN_LOG2 3
#define PERTURB_SHIFT 5
/* ints hash modulo this Mersenne prime, as in CPython. */
#define HASH_MODULUS (((int64_t)1 << 61) - 1)

#define DICT(v) ((WfDict *)(v).u.o)

static inline WfValue mkval(int64_t bits, uint32_t tag) {
    WfValue v;
    v.u.i = bits;
    v.tag = tag;
    v.pad = 0;
    return v;
}
#define EKEY(e) mkval((e)->kbits, (e)->ktag)
#define EVAL(e) mkval((e)->vbits, (e)->vtag)

static inline int64_t ix_get(const WfDict *d, size_t i) {
    switch (d->ixw) {
    case 0: return ((const int8_t *)d->indices)[i];
    case 1: return ((const int16_t *)d->indices)[i];
    case 2: return ((const int32_t *)d->indices)[i];
    default: return ((const int64_t *)d->indices)[i];
    }
}

static inline void ix_set(WfDict *d, size_t i, int64_t ix) {
    switch (d->ixw) {
    case 0: ((int8_t *)d->indices)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)d->indices)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)d->indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)d->indices)[i] = ix; break;
    }
}

static inline int key_hash(WfVM *vm, WfValue key, int64_t *h) {
    if (key.tag == WF_TAG_INT) {
        int64_t n = key.u.i;
        if (n > -HASH_MODULUS && n < HASH_MODULUS && n != -1) {
            *h = n;
            return 0;
        }
    } else if (key.tag == WF_TAG_OBJ && key.u.o->type == &wf_type_str) {
        WfStr *s = (WfStr *)key.u.o;
        *h = s->hash != -1 ? s->hash : wf_str_hash(s);
        return 0;
    }
    return wf_hash(vm, key, h);
}

static inline bool is_plain_scalar(uint32_t tag) {
    return tag == WF_TAG_INT || tag == WF_TAG_FLOAT || tag == WF_TAG_BOOL || tag == WF_TAG_NONE;
}

/* Equality decided without running weft code: 1/0, or -1 when unknown. */
static inline int fast_eq(const Entry *e, WfValue key) {
    if (e->ktag == WF_TAG_INT && key.tag == WF_TAG_INT) return 0;
    if (e->ktag == WF_TAG_OBJ && key.tag == WF_TAG_OBJ) {
        WfObject *a = (WfObject *)(intptr_t)e->kbits, *b = key.u.o;
        if (a->type == &wf_type_str && b->type == &wf_type_str)
            return wf_str_equal((WfStr *)a, (WfStr *)b);
        return -1;
    }
    if (e->ktag == WF_TAG_OBJ && is_plain_scalar(key.tag))
        return ((WfObject *)(intptr_t)e->kbits)->type == &wf_type_str ? 0 : -1;
    if (key.tag == WF_TAG_OBJ && is_plain_scalar(e->ktag))
        return key.u.o->type == &wf_type_str ? 0 : -1;
    return -1;
}

/* The entry index of key, IX_EMPTY when absent, -2 on error; *slot gets its
 * index-array position. */
static int64_t lookup(WfVM *vm, WfDict *d, WfValue key, int64_t hash, size_t *slot) {
restart:
    if (!d->indices) return IX_EMPTY;
    size_t mask = ((size_t)1 << d->log2size) - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix == IX_EMPTY) return IX_EMPTY;
        if (ix >= 0) {
            Entry *e = &d->entries[ix];
            if (e->kbits == key.u.i && e->ktag == key.tag) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                int eq = fast_eq(e, key);
                if (eq < 0) {
                    WfValue ek = EKEY(e);
                    uint64_t version = d->version;
                    wf_incref(ek);
                    eq = wf_eq(vm, ek, key);
                    wf_decref(vm, ek);
                    if (eq < 0) return -2;
                    if (d->version != version) goto restart;
                }
                if (eq) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + (size_t)perturb + 1) & mask;
    }
}

/* Index slot for a new entry: the first empty or dummy slot on the probe
 * sequence. */
static inline size_t find_empty_slot(const WfDict *d, int64_t hash) {
    size_t mask = ((size_t)1 << d->log2size) - 1;
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (ix_get(d, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + (size_t)perturb + 1) & mask;
    }
    return i;
}

/* Smallest table whose usable entries (2/3 of the slots) hold n items. */
static uint8_t log2_for(size_t n) {
    uint8_t log2 = DICT_MIN_LOG2;
    while (((((size_t)1 << log2) << 1) / 3) < n) log2++;
    return log2;
}

/* Rebuilds the table with 1 << log2 slots, compacting the live entries.
 * Allocates before touching d, so d is intact if it fails. */
static int resize(WfVM *vm, WfDict *d, uint8_t log2) {
    size_t size = (size_t)1 << log2;
    size_t cap = (size << 1) / 3;
    uint8_t ixw = log2 < 8 ? 0 : log2 < 16 ? 1 : log2 < 32 ? 2 : 3;
    size_t ixbytes = size << ixw;
    if (log2 > 40) {
        wf_err_no_memory(vm);
        return -1;
    }
    char *mem = wf_mem_alloc(vm, ixbytes + cap * sizeof(Entry));
    if (!mem) return -1;
    memset(mem, 0xff, ixbytes);
    Entry *ne = (Entry *)(mem + ixbytes);
    size_t n = (size_t)d->used;
    if (d->nentries == n) {
        if (n) memcpy(ne, d->entries, n * sizeof(Entry));
    } else {
        size_t j = 0;
        for (size_t i = 0; i < d->nentries; i++)
            if (d->entries[i].ktag != WF_TAG_NULL) ne[j++] = d->entries[i];
    }
    wf_mem_free(vm, d->indices);
    d->indices = mem;
    d->entries = ne;
    d->log2size = log2;
    d->ixw = ixw;
    d->nentries = n;
    d->usable = cap - n;
    size_t mask = size - 1;
    for (size_t j = 0; j < n; j++) {
        uint64_t perturb = (uint64_t)ne[j].hash;
        size_t i = (size_t)ne[j].hash & mask;
        while (ix_get(d, i) != IX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + (size_t)perturb + 1) & mask;
        }
        ix_set(d, i, (int64_t)j);
    }
    return 0;
}

/* CPython 3.11's GROWTH_RATE: room for three times the live items, so a
 * dict that deletes as fast as it inserts shrinks back. */
static int grow_table(WfVM *vm, WfDict *d) {
    size_t want = (size_t)d->used * 3;
    uint8_t log2 = DICT_MIN_LOG2;
    while (((size_t)1 << log2) < want) log2++;
    return resize(vm, d, log2);
}

/* Appends a new entry (references already owned) for a key known to be
 * absent, with room in the entries array. */
static inline void append_entry(WfVM *vm, WfDict *d, WfValue key, int64_t hash, WfValue value) {
    size_t i = find_empty_slot(d, hash);
    ix_set(d, i, (int64_t)d->nentries);
    Entry *e = &d->entries[d->nentries++];
    e->hash = hash;
    e->kbits = key.u.i;
    e->ktag = key.tag;
    e->vbits = value.u.i;
    e->vtag = value.tag;
    d->used++;
    d->usable--;
    d->version = ++vm->dict_versions;
}

static inline void set_value(WfVM *vm, Entry *e, WfValue value) {
    WfValue old = EVAL(e);
    wf_incref(value);
    e->vbits = value.u.i;
    e->vtag = value.tag;
    wf_decref(vm, old);
}

static int insert(WfVM *vm, WfDict *d, WfValue key, int64_t hash, WfValue value) {
    size_t slot;
    int64_t ix = lookup(vm, d, key, hash, &slot);
    if (ix == -2) return -1;
    if (ix >= 0) {
        set_value(vm, &d->entries[ix], value);
        return 0;
    }
    if (d->usable == 0 && grow_table(vm, d) < 0) return -1;
    wf_incref(key);
    wf_incref(value);
    append_entry(vm, d, key, hash, value);
    return 0;
}

/* Removes the entry at ix (index slot `slot`), dropping its references
 * last. */
static void remove_entry(WfVM *vm, WfDict *d, size_t slot, int64_t ix) {
    Entry *e = &d->entries[ix];
    WfValue k = EKEY(e), v = EVAL(e);
    ix_set(d, slot, IX_DUMMY);
    e->ktag = e->vtag = WF_TAG_NULL;
    e->kbits = e->vbits = 0;
    d->used--;
    d->version = ++vm->dict_versions;
    wf_decref(vm, k);
    wf_decref(vm, v);
}

/* ---- the object.h API ------------------------------------------------------ */

static WfDict *dict_alloc(WfVM *vm, WfType *type, size_t size) {
    WfDict *d = (WfDict *)wf_obj_alloc(vm, type, size);
    if (d) d->version = ++vm->dict_versions;
    return d;
}

WfValue wf_dict_new(WfVM *vm) {
    WfDict *d = dict_alloc(vm, &wf_type_dict, sizeof(WfDict));
    return d ? WF_OBJ(d) : WF_NULL;
}

WfValue wf_dict_get(WfVM *vm, WfValue dict, WfValue key) {
    WfDict *d = DICT(dict);
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return WF_NULL;
    size_t slot;
    int64_t ix = lookup(vm, d, key, h, &slot);
    if (ix < 0) return WF_NULL;
    return EVAL(&d->entries[ix]);
}

int64_t wf_dict_find_str(WfValue dict, WfObject *interned_key) {
    WfDict *d = DICT(dict);
    if (!d->indices) return -1;
    WfStr *s = (WfStr *)interned_key;
    int64_t h = s->hash != -1 ? s->hash : wf_str_hash(s);
    size_t mask = ((size_t)1 << d->log2size) - 1;
    size_t i = (size_t)h & mask;
    uint64_t perturb = (uint64_t)h;
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix == IX_EMPTY) return -1;
        if (ix >= 0) {
            const Entry *e = &d->entries[ix];
            if (e->kbits == (int64_t)(intptr_t)interned_key && e->ktag == WF_TAG_OBJ) return ix;
            if (e->hash == h && e->ktag == WF_TAG_OBJ) {
                WfObject *k = (WfObject *)(intptr_t)e->kbits;
                if ((k->type->flags & WF_TPFLAG_STR) && wf_str_equal((WfStr *)k, s)) return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + (size_t)perturb + 1) & mask;
    }
}

WfValue wf_dict_get_str(WfValue dict, WfObject *interned_key) {
    int64_t ix = wf_dict_find_str(dict, interned_key);
    if (ix < 0) return WF_NULL;
    return EVAL(&DICT(dict)->entries[ix]);
}

int wf_dict_set(WfVM *vm, WfValue dict, WfValue key, WfValue v) {
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    return insert(vm, DICT(dict), key, h, v);
}

int wf_dict_set_cstr(WfVM *vm, WfValue dict, const char *key, WfValue v) {
    WfObject *k = wf_str_intern_cstr(vm, key);
    if (!k) return -1;
    return wf_dict_set(vm, dict, WF_OBJ(k), v);
}

int wf_dict_del(WfVM *vm, WfValue dict, WfValue key) {
    WfDict *d = DICT(dict);
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    size_t slot;
    int64_t ix = lookup(vm, d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix < 0) {
        wf_err_set_value(vm, &wf_exc_KeyError, key);
        return -1;
    }
    remove_entry(vm, d, slot, ix);
    return 0;
}

WfValue wf_dict_pop(WfVM *vm, WfValue dict, WfValue key) {
    WfDict *d = DICT(dict);
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return WF_NULL;
    size_t slot;
    int64_t ix = lookup(vm, d, key, h, &slot);
    if (ix < 0) return WF_NULL;
    WfValue v = wf_ref(EVAL(&d->entries[ix]));
    remove_entry(vm, d, slot, ix);
    return v;
}

WfValue wf_dict_setdefault(WfVM *vm, WfValue dict, WfValue key, WfValue dflt) {
    WfDict *d = DICT(dict);
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return WF_NULL;
    size_t slot;
    int64_t ix = lookup(vm, d, key, h, &slot);
    if (ix == -2) return WF_NULL;
    if (ix >= 0) return EVAL(&d->entries[ix]);
    if (d->usable == 0 && grow_table(vm, d) < 0) return WF_NULL;
    wf_incref(key);
    wf_incref(dflt);
    append_entry(vm, d, key, h, dflt);
    return dflt;
}

int64_t wf_dict_len(WfValue dict) { return DICT(dict)->used; }

bool wf_dict_next(WfValue dict, size_t *pos, WfValue *k, WfValue *v) {
    WfDict *d = DICT(dict);
    size_t i = *pos;
    while (i < d->nentries) {
        const Entry *e = &d->entries[i++];
        if (e->ktag != WF_TAG_NULL) {
            *pos = i;
            if (k) *k = EKEY(e);
            if (v) *v = EVAL(e);
            return true;
        }
    }
    *pos = i;
    return false;
}

uint64_t wf_dict_version(WfValue dict) { return wf_dict_version_fast(dict); }

void wf_dict_release_entries(WfVM *vm, WfRelease *r, WfObject *dict) {
    WfDict *d = (WfDict *)dict;
    Entry *e = d->entries;
    size_t n = d->nentries;
    void *mem = d->indices;
    d->indices = NULL;
    d->entries = NULL;
    d->used = 0;
    d->nentries = d->usable = 0;
    d->log2size = d->ixw = 0;
    d->version = ++vm->dict_versions;
    for (size_t i = 0; i < n; i++) {
        if (e[i].ktag == WF_TAG_NULL) continue;
        wf_release_value(vm, r, EKEY(&e[i]));
        wf_release_value(vm, r, EVAL(&e[i]));
    }
    wf_mem_free(vm, mem);
}

void wf_dict_clear(WfVM *vm, WfValue dict) {
    WfRelease r;
    wf_release_begin(&r);
    wf_dict_release_entries(vm, &r, dict.u.o);
    wf_release_end(vm, &r);
}

WfValue wf_dict_copy(WfVM *vm, WfValue dict) {
    WfDict *s = DICT(dict);
    WfDict *d = dict_alloc(vm, &wf_type_dict, sizeof(WfDict));
    if (!d) return WF_NULL;
    if (s->used == 0) return WF_OBJ(d);
    if (s->nentries == (size_t)s->used) {
        /* No holes: clone the table as it is. */
        size_t size = (size_t)1 << s->log2size;
        size_t ixbytes = size << s->ixw;
        size_t bytes = ixbytes + (s->nentries + s->usable) * sizeof(Entry);
        char *mem = wf_mem_alloc(vm, bytes);
        if (!mem) {
            wf_obj_decref(vm, &d->ob);
            return WF_NULL;
        }
        memcpy(mem, s->indices, ixbytes + s->nentries * sizeof(Entry));
        d->indices = mem;
        d->entries = (Entry *)(mem + ixbytes);
        d->log2size = s->log2size;
        d->ixw = s->ixw;
        d->nentries = s->nentries;
        d->usable = s->usable;
        d->used = s->used;
        for (size_t i = 0; i < d->nentries; i++) {
            wf_incref(EKEY(&d->entries[i]));
            wf_incref(EVAL(&d->entries[i]));
        }
        return WF_OBJ(d);
    }
    if (resize(vm, d, log2_for((size_t)s->used)) < 0) {
        wf_obj_decref(vm, &d->ob);
        return WF_NULL;
    }
    for (size_t i = 0; i < s->nentries; i++) {
        const Entry *e = &s->entries[i];
        if (e->ktag == WF_TAG_NULL) continue;
        WfValue k = EKEY(e), v = EVAL(e);
        wf_incref(k);
        wf_incref(v);
        append_entry(vm, d, k, e->hash, v);
    }
    return WF_OBJ(d);
}

/* Copies every item of dict o into d; dup_error (when set) rejects keys d
 * already has. */
static int merge_dict(WfVM *vm, WfDict *d, WfDict *o, int (*dup_error)(WfVM *, WfValue)) {
    if (d == o || o->used == 0) return 0;
    if (d->used == 0 && !dup_error && d->usable < (size_t)o->used) {
        if (resize(vm, d, log2_for((size_t)o->used)) < 0) return -1;
    }
    /* o may change under a key's __eq__: re-read its bounds every time. */
    for (size_t i = 0; i < o->nentries; i++) {
        Entry *e = &o->entries[i];
        if (e->ktag == WF_TAG_NULL) continue;
        WfValue k = wf_ref(EKEY(e)), v = wf_ref(EVAL(e));
        int64_t h = e->hash;
        int rc;
        if (dup_error) {
            size_t slot;
            int64_t ix = lookup(vm, d, k, h, &slot);
            if (ix >= 0)
                rc = dup_error(vm, k);
            else
                rc = ix == -2 ? -1 : insert(vm, d, k, h, v);
        } else {
            rc = insert(vm, d, k, h, v);
        }
        wf_decref(vm, k);
        wf_decref(vm, v);
        if (rc < 0) return -1;
    }
    return 0;
}

/* A non-dict mapping: for k in o.keys(): d[k] = o[k]. */
static int merge_mapping(WfVM *vm, WfDict *d, WfValue o, WfValue keys_fn,
                         int (*dup_error)(WfVM *, WfValue)) {
    WfValue keys = wf_call0(vm, keys_fn);
    if (WF_IS_NULL(keys)) return -1;
    WfValue it = wf_iter(vm, keys);
    wf_decref(vm, keys);
    if (WF_IS_NULL(it)) return -1;
    int rc = 0;
    for (;;) {
        WfValue k = wf_iternext(vm, it);
        if (WF_IS_NULL(k)) {
            if (wf_err_occurred(vm)) rc = -1;
            break;
        }
        if (dup_error) {
            int64_t h;
            size_t slot;
            int64_t ix = key_hash(vm, k, &h) < 0 ? -2 : lookup(vm, d, k, h, &slot);
            if (ix != IX_EMPTY) {
                if (ix >= 0) dup_error(vm, k);
                wf_decref(vm, k);
                rc = -1;
                break;
            }
        }
        WfValue v = wf_getitem(vm, o, k);
        if (WF_IS_NULL(v)) {
            wf_decref(vm, k);
            rc = -1;
            break;
        }
        rc = wf_dict_set(vm, WF_OBJ(d), k, v);
        wf_decref(vm, k);
        wf_decref(vm, v);
        if (rc < 0) break;
    }
    wf_decref(vm, it);
    return rc;
}

static WfObject *intern_keys(WfVM *vm) { return wf_str_intern_cstr(vm, "keys"); }

/* A dict (or a subclass keeping dict's __iter__, as CPython's dict_merge)
 * is copied directly; anything else through keys() and []. */
int wf_dict_merge(WfVM *vm, WfValue dict, WfValue other, int (*dup_error)(WfVM *vm, WfValue key)) {
    if (wf_is_dict(other) && other.u.o->type->iter == wf_type_dict.iter) return merge_dict(vm, DICT(dict), DICT(other), dup_error);
    WfObject *name = intern_keys(vm);
    if (!name) return -1;
    WfValue keys_fn = wf_getattr_opt(vm, other, name);
    if (WF_IS_NULL(keys_fn)) {
        if (!wf_err_occurred(vm))
            wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not a mapping",
                          wf_type_name(other));
        return -1;
    }
    int rc = merge_mapping(vm, DICT(dict), other, keys_fn, dup_error);
    wf_decref(vm, keys_fn);
    return rc;
}

/* dict.update's sequence-of-pairs form (CPython's PyDict_MergeFromSeq2). */
static int merge_pairs(WfVM *vm, WfValue dict, WfValue seq) {
    WfValue it = wf_iter(vm, seq);
    if (WF_IS_NULL(it)) return -1;
    int rc = 0;
    for (int64_t i = 0;; i++) {
        WfValue item = wf_iternext(vm, it);
        if (WF_IS_NULL(item)) {
            if (wf_err_occurred(vm)) rc = -1;
            break;
        }
        WfValue hold = WF_NULL;
        const WfValue *kv;
        size_t n;
        if (wf_is_tuple_items(item)) {
            kv = WF_TUPLE(item)->items;
            n = WF_TUPLE(item)->n;
        } else if (wf_is_list_items(item)) {
            kv = WF_LIST(item)->items;
            n = WF_LIST(item)->n;
        } else {
            WfType *t = wf_type_of(item);
            if (!t->iter && !t->getitem) {
                wf_err_format(vm, &wf_exc_TypeError,
                              "cannot convert dictionary update sequence element #%lld to a "
                              "sequence",
                              (long long)i);
                wf_decref(vm, item);
                rc = -1;
                break;
            }
            hold = wf_list_from_iterable(vm, item);
            if (WF_IS_NULL(hold)) {
                wf_decref(vm, item);
                rc = -1;
                break;
            }
            kv = WF_LIST(hold)->items;
            n = WF_LIST(hold)->n;
        }
        if (n != 2) {
            wf_err_format(vm, &wf_exc_ValueError,
                          "dictionary update sequence element #%lld has length %zu; 2 is "
                          "required",
                          (long long)i, n);
            rc = -1;
        } else {
            WfValue k = wf_ref(kv[0]), v = wf_ref(kv[1]);
            rc = wf_dict_set(vm, dict, k, v);
            wf_decref(vm, k);
            wf_decref(vm, v);
        }
        wf_decref(vm, hold);
        wf_decref(vm, item);
        if (rc < 0) break;
    }
    wf_decref(vm, it);
    return rc;
}

int wf_dict_update(WfVM *vm, WfValue dict, WfValue other) {
    if (wf_is_dict(other) && other.u.o->type->iter == wf_type_dict.iter) return merge_dict(vm, DICT(dict), DICT(other), NULL);
    WfObject *name = intern_keys(vm);
    if (!name) return -1;
    WfValue keys_fn = wf_getattr_opt(vm, other, name);
    if (WF_IS_NULL(keys_fn)) {
        if (wf_err_occurred(vm)) return -1;
        return merge_pairs(vm, dict, other);
    }
    int rc = merge_mapping(vm, DICT(dict), other, keys_fn, NULL);
    wf_decref(vm, keys_fn);
    return rc;
}

static WfValue make_list(WfVM *vm, WfValue dict, int what) {
    WfDict *d = DICT(dict);
    WfValue r = wf_list_new(vm, (size_t)d->used);
    if (WF_IS_NULL(r)) return r;
    WfList *l = WF_LIST(r);
    for (size_t i = 0; i < d->nentries; i++) {
        const Entry *e = &d->entries[i];
        if (e->ktag == WF_TAG_NULL) continue;
        WfValue x;
        if (what == 0)
            x = wf_ref(EKEY(e));
        else if (what == 1)
            x = wf_ref(EVAL(e));
        else if (WF_IS_NULL(x = wf_tuple_pack(vm, 2, EKEY(e), EVAL(e)))) {
            wf_decref(vm, r);
            return WF_NULL;
        }
        l->items[l->n++] = x;
    }
    return r;
}

WfValue wf_dict_keys_list(WfVM *vm, WfValue dict) { return make_list(vm, dict, 0); }
WfValue wf_dict_values_list(WfVM *vm, WfValue dict) { return make_list(vm, dict, 1); }
WfValue wf_dict_items_list(WfVM *vm, WfValue dict) { return make_list(vm, dict, 2); }

/* ---- slots ---------------------------------------------------------------- */

static void dict_gc_clear(WfVM *vm, WfObject *o) { wf_dict_clear(vm, WF_OBJ(o)); }

static void dict_dealloc(WfVM *vm, WfObject *o) {
    o->refcnt = 1; /* see list.c list_dealloc */
    wf_dict_clear(vm, WF_OBJ(o));
    wf_obj_free(vm, o);
}

static void dict_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfDict *d = (WfDict *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        const Entry *e = &d->entries[i];
        if (e->ktag == WF_TAG_OBJ) visit((WfObject *)(intptr_t)e->kbits, arg);
        if (e->vtag == WF_TAG_OBJ) visit((WfObject *)(intptr_t)e->vbits, arg);
    }
}

static WfValue dict_repr(WfVM *vm, WfValue v) {
    WfDict *d = DICT(v);
    if (d->used == 0) return wf_str_new(vm, "{}", 2);
    int rc = wf_repr_enter(vm, v.u.o);
    if (rc < 0) return WF_NULL;
    if (rc > 0) return wf_str_new(vm, "{...}", 5);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_putc(vm, &b, '{');
    size_t pos = 0;
    WfValue k, x;
    bool first = true;
    while (wf_dict_next(v, &pos, &k, &x)) {
        if (!first) wf_buf_append(vm, &b, ", ", 2);
        first = false;
        wf_incref(k);
        wf_incref(x);
        bool ok = wf_buf_append_repr(vm, &b, k) && wf_buf_append(vm, &b, ": ", 2) &&
                  wf_buf_append_repr(vm, &b, x);
        wf_decref(vm, k);
        wf_decref(vm, x);
        if (!ok) break;
    }
    wf_buf_putc(vm, &b, '}');
    wf_repr_leave(vm, v.u.o);
    return wf_buf_finish(vm, &b);
}

/* 1 when equal, 0 when not, -1 on error (CPython's dict_equal). */
static int dict_equal(WfVM *vm, WfDict *a, WfDict *b) {
    if (a->used != b->used) return 0;
    for (size_t i = 0; i < a->nentries; i++) {
        Entry *e = &a->entries[i];
        if (e->ktag == WF_TAG_NULL) continue;
        WfValue k = wf_ref(EKEY(e)), av = wf_ref(EVAL(e));
        size_t slot;
        int64_t ix = lookup(vm, b, k, e->hash, &slot);
        int r;
        if (ix < 0) {
            r = ix == -2 ? -1 : 0;
        } else {
            WfValue bv = wf_ref(EVAL(&b->entries[ix]));
            r = wf_eq(vm, av, bv);
            wf_decref(vm, bv);
        }
        wf_decref(vm, k);
        wf_decref(vm, av);
        if (r <= 0) return r;
    }
    return 1;
}

static WfValue dict_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!wf_is_dict(a) || !wf_is_dict(b) || (op != WF_CMP_EQ && op != WF_CMP_NE))
        return WF_NOTIMPL;
    int r = a.u.o == b.u.o ? 1 : dict_equal(vm, DICT(a), DICT(b));
    if (r < 0) return WF_NULL;
    return WF_BOOL(op == WF_CMP_EQ ? r : !r);
}

static int64_t dict_len(WfVM *vm, WfValue v) { return DICT(v)->used; }

static WfValue dict_getitem(WfVM *vm, WfValue v, WfValue key) {
    WfValue r = wf_dict_get(vm, v, key);
    if (!WF_IS_NULL(r)) return wf_ref(r);
    if (wf_err_occurred(vm)) return WF_NULL;
    if (v.u.o->type != &wf_type_dict) {
        /* Subclasses may define __missing__ (collections.defaultdict's
         * hook). */
        WfObject *name = wf_str_intern_cstr(vm, "__missing__");
        if (!name) return WF_NULL;
        WfValue m = wf_getattr_opt(vm, v, name);
        if (!WF_IS_NULL(m)) {
            WfValue res = wf_call1(vm, m, key);
            wf_decref(vm, m);
            return res;
        }
        if (wf_err_occurred(vm)) return WF_NULL;
    }
    return wf_err_set_value(vm, &wf_exc_KeyError, key);
}

static int dict_setitem(WfVM *vm, WfValue v, WfValue key, WfValue x) {
    if (WF_IS_NULL(x)) return wf_dict_del(vm, v, key);
    return wf_dict_set(vm, v, key, x);
}

static int dict_contains(WfVM *vm, WfValue v, WfValue key) {
    WfDict *d = DICT(v);
    int64_t h;
    if (key_hash(vm, key, &h) < 0) return -1;
    size_t slot;
    int64_t ix = lookup(vm, d, key, h, &slot);
    if (ix == -2) return -1;
    return ix >= 0;
}

static WfValue dict_or(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_dict(a) || !wf_is_dict(b)) return WF_NOTIMPL;
    WfValue r = wf_dict_copy(vm, a);
    if (WF_IS_NULL(r)) return r;
    if (merge_dict(vm, DICT(r), DICT(b), NULL) < 0) {
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}

static WfValue dict_ior(WfVM *vm, WfValue a, WfValue b) {
    if (wf_dict_update(vm, a, b) < 0) return WF_NULL;
    return wf_ref(a);
}

/* dict(...), dict.__init__ and dict.update share this: one optional
 * positional (mapping or pairs), then keyword items. */
static int update_common(WfVM *vm, const char *fname, WfValue self, const WfValue *args,
                         size_t nargs, WfObject *kwnames) {
    if (nargs > 1) {
        wf_err_format(vm, &wf_exc_TypeError, "%s expected at most 1 argument, got %zu", fname,
                      nargs);
        return -1;
    }
    if (nargs == 1 && wf_dict_update(vm, self, args[0]) < 0) return -1;
    if (kwnames) {
        WfTuple *kw = (WfTuple *)kwnames;
        for (size_t i = 0; i < kw->n; i++)
            if (wf_dict_set(vm, self, kw->items[i], args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static WfValue dict_new_(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                         WfObject *kwnames) {
    /* Subclasses too: class.c passes no arguments when the class defines
     * __init__ (which may call dict.__init__). */
    WfDict *d = dict_alloc(vm, type, type == &wf_type_dict ? sizeof(WfDict) : type->size);
    if (!d) return WF_NULL;
    if (update_common(vm, "dict", WF_OBJ(d), args, nargs, kwnames) < 0) {
        wf_obj_decref(vm, &d->ob);
        return WF_NULL;
    }
    return WF_OBJ(d);
}

/* ---- iterators ---------------------------------------------------------------- */

typedef struct DictIter {
    WfObject ob;
    WfDict *d;                   /* NULL once exhausted */
    size_t pos;
    int64_t used;                /* d->used at the start (-1: size changed) */
    int64_t len;                 /* items still expected */
    WfObject *result;            /* items: the last tuple, reused when only
                                    the iterator still holds it */
} DictIter;

static WfValue dict_iter_new(WfVM *vm, WfType *type, WfDict *d) {
    DictIter *it = (DictIter *)wf_obj_alloc(vm, type, sizeof(DictIter));
    if (!it) return WF_NULL;
    wf_obj_incref(&d->ob);
    it->d = d;
    it->used = d->used;
    it->len = d->used;
    return WF_OBJ(it);
}

static void dictiter_clear(WfVM *vm, WfObject *o) {
    DictIter *it = (DictIter *)o;
    WfDict *d = it->d;
    WfObject *r = it->result;
    it->d = NULL;
    it->result = NULL;
    if (d) wf_obj_decref(vm, &d->ob);
    wf_obj_xdecref(vm, r);
}

static void dictiter_dealloc(WfVM *vm, WfObject *o) {
    o->refcnt = 1; /* see list.c list_dealloc */
    dictiter_clear(vm, o);
    wf_obj_free(vm, o);
}

static void dictiter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    DictIter *it = (DictIter *)o;
    if (it->d) visit(&it->d->ob, arg);
    if (it->result) visit(it->result, arg);
}

/* The next live entry, NULL at the end or on error (exception set). */
static Entry *dictiter_step(WfVM *vm, DictIter *it) {
    WfDict *d = it->d;
    if (!d) return NULL;
    if (it->used != d->used) {
        wf_err_format(vm, &wf_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return NULL;
    }
    size_t pos = it->pos, n = d->nentries;
    Entry *e = d->entries;
    while (pos < n && e[pos].ktag == WF_TAG_NULL) pos++;
    if (pos >= n) {
        it->d = NULL;
        wf_obj_decref(vm, &d->ob);
        return NULL;
    }
    if (it->len == 0) {
        wf_err_format(vm, &wf_exc_RuntimeError, "dictionary keys changed during iteration");
        it->d = NULL;
        wf_obj_decref(vm, &d->ob);
        return NULL;
    }
    it->pos = pos + 1;
    it->len--;
    return &e[pos];
}

static WfValue iter_self(WfVM *vm, WfValue v) { return wf_ref(v); }

static WfValue dictiter_next_key(WfVM *vm, WfValue v) {
    Entry *e = dictiter_step(vm, (DictIter *)v.u.o);
    return e ? wf_ref(EKEY(e)) : WF_NULL;
}

static WfValue dictiter_next_value(WfVM *vm, WfValue v) {
    Entry *e = dictiter_step(vm, (DictIter *)v.u.o);
    return e ? wf_ref(EVAL(e)) : WF_NULL;
}

static WfValue dictiter_next_item(WfVM *vm, WfValue v) {
    DictIter *it = (DictIter *)v.u.o;
    Entry *e = dictiter_step(vm, it);
    if (!e) return WF_NULL;
    WfValue k = EKEY(e), x = EVAL(e);
    WfTuple *t = (WfTuple *)it->result;
    if (t && t->ob.refcnt == 1) {
        /* Nobody kept the last pair (the common `for k, v in d.items()`):
         * refill it instead of allocating. */
        WfValue ok = t->items[0], ox = t->items[1];
        t->items[0] = wf_ref(k);
        t->items[1] = wf_ref(x);
        t->ob.refcnt++;
        wf_decref(vm, ok);
        wf_decref(vm, ox);
        return WF_OBJ(t);
    }
    WfValue r = wf_tuple_pack(vm, 2, k, x);
    if (WF_IS_NULL(r)) return r;
    it->result = r.u.o;
    wf_obj_incref(r.u.o);
    if (t) wf_obj_decref(vm, &t->ob);
    return r;
}

static WfValue dictiter_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                    WfObject *kw) {
    DictIter *it = (DictIter *)self.u.o;
    return WF_INT(it->d && it->used == it->d->used ? it->len : 0);
}

static const WfMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, NULL, 0},
    {NULL, NULL, NULL, 0},
};

#define DICT_ITER_TYPE(var, tname, next)                                                \
    WfType var = {                                                                      \
        .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),                                     \
        .name = tname,                                                                  \
        .base = &wf_type_object,                                                        \
        .flags = WF_TPFLAG_GC,                                                          \
        .size = sizeof(DictIter),                                                       \
        .dealloc = dictiter_dealloc,                                                    \
        .traverse = dictiter_traverse,                                                  \
        .clear = dictiter_clear,                                                        \
        .iter = iter_self,                                                              \
        .iternext = next,                                                               \
        .methods = dictiter_methods,                                                    \
    };
DICT_ITER_TYPE(wf_type_dict_keyiter, "dict_keyiterator", dictiter_next_key)
DICT_ITER_TYPE(wf_type_dict_valueiter, "dict_valueiterator", dictiter_next_value)
DICT_ITER_TYPE(wf_type_dict_itemiter, "dict_itemiterator", dictiter_next_item)

static WfValue dict_iter(WfVM *vm, WfValue v) {
    return dict_iter_new(vm, &wf_type_dict_keyiter, DICT(v));
}

/* reversed(d) and reversed(view): pos counts down and is one past the next
 * entry to look at. */
static WfValue dict_reviter_new(WfVM *vm, WfType *type, WfDict *d) {
    WfValue r = dict_iter_new(vm, type, d);
    if (!WF_IS_NULL(r)) ((DictIter *)r.u.o)->pos = d->nentries;
    return r;
}

static Entry *dictreviter_step(WfVM *vm, DictIter *it) {
    WfDict *d = it->d;
    if (!d) return NULL;
    if (it->used != d->used) {
        wf_err_format(vm, &wf_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return NULL;
    }
    size_t pos = it->pos < d->nentries ? it->pos : d->nentries;
    while (pos > 0 && d->entries[pos - 1].ktag == WF_TAG_NULL) pos--;
    if (pos == 0 || it->len == 0) {
        it->d = NULL;
        wf_obj_decref(vm, &d->ob);
        return NULL;
    }
    it->pos = pos - 1;
    it->len--;
    return &d->entries[pos - 1];
}

static WfValue dictreviter_next(WfVM *vm, WfValue v) {
    DictIter *it = (DictIter *)v.u.o;
    Entry *e = dictreviter_step(vm, it);
    if (!e) return WF_NULL;
    WfType *t = v.u.o->type;
    if (t == &wf_type_dict_revkeyiter) return wf_ref(EKEY(e));
    if (t == &wf_type_dict_revvalueiter) return wf_ref(EVAL(e));
    return wf_tuple_pack(vm, 2, EKEY(e), EVAL(e));
}

DICT_ITER_TYPE(wf_type_dict_revkeyiter, "dict_reversekeyiterator", dictreviter_next)
DICT_ITER_TYPE(wf_type_dict_revvalueiter, "dict_reversevalueiterator", dictreviter_next)
DICT_ITER_TYPE(wf_type_dict_revitemiter, "dict_reverseitemiterator", dictreviter_next)

/* ---- views ------------------------------------------------------------------------ */

typedef struct DictView {
    WfObject ob;
    WfDict *d;
} DictView;

#define VIEW(v) ((DictView *)(v).u.o)

static WfValue view_new(WfVM *vm, WfType *type, WfValue dict) {
    DictView *dv = (DictView *)wf_obj_alloc(vm, type, sizeof(DictView));
    if (!dv) return WF_NULL;
    wf_obj_incref(dict.u.o);
    dv->d = DICT(dict);
    return WF_OBJ(dv);
}

static void view_clear(WfVM *vm, WfObject *o) {
    DictView *dv = (DictView *)o;
    WfDict *d = dv->d;
    dv->d = NULL;
    if (d) wf_obj_decref(vm, &d->ob);
}

static void view_dealloc(WfVM *vm, WfObject *o) {
    o->refcnt = 1; /* see list.c list_dealloc */
    view_clear(vm, o);
    wf_obj_free(vm, o);
}

static void view_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    DictView *dv = (DictView *)o;
    if (dv->d) visit(&dv->d->ob, arg);
}

static int64_t view_len(WfVM *vm, WfValue v) { return VIEW(v)->d ? VIEW(v)->d->used : 0; }

static WfValue view_iter(WfVM *vm, WfValue v) {
    WfType *t = v.u.o->type;
    WfType *it = t == &wf_type_dict_keys     ? &wf_type_dict_keyiter
                 : t == &wf_type_dict_values ? &wf_type_dict_valueiter
                                             : &wf_type_dict_itemiter;
    if (!VIEW(v)->d) return wf_err_format(vm, &wf_exc_RuntimeError, "dict view is detached");
    return dict_iter_new(vm, it, VIEW(v)->d);
}

static WfValue view_m_reversed(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                               WfObject *kw) {
    if (wf_args_check(vm, "__reversed__", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfType *t = self.u.o->type;
    WfType *it = t == &wf_type_dict_keys     ? &wf_type_dict_revkeyiter
                 : t == &wf_type_dict_values ? &wf_type_dict_revvalueiter
                                             : &wf_type_dict_revitemiter;
    if (!VIEW(self)->d) return wf_err_format(vm, &wf_exc_RuntimeError, "dict view is detached");
    return dict_reviter_new(vm, it, VIEW(self)->d);
}

static WfValue view_repr(WfVM *vm, WfValue v) {
    int rc = wf_repr_enter(vm, v.u.o);
    if (rc < 0) return WF_NULL;
    if (rc > 0) return wf_str_new(vm, "...", 3);
    WfValue r = WF_NULL;
    WfValue l = wf_list_from_iterable(vm, v);
    if (!WF_IS_NULL(l)) {
        WfValue s = wf_repr(vm, l);
        if (!WF_IS_NULL(s)) {
            r = wf_str_printf(vm, "%s(%s)", v.u.o->type->name, WF_STR(s)->data);
            wf_decref(vm, s);
        }
        wf_decref(vm, l);
    }
    wf_repr_leave(vm, v.u.o);
    return r;
}

static int keys_contains(WfVM *vm, WfValue v, WfValue key) {
    if (!VIEW(v)->d) return 0;
    return dict_contains(vm, WF_OBJ(VIEW(v)->d), key);
}

static int items_contains(WfVM *vm, WfValue v, WfValue item) {
    if (!VIEW(v)->d || !wf_is_tuple(item) || WF_TUPLE(item)->n != 2) return 0;
    WfValue found = wf_dict_get(vm, WF_OBJ(VIEW(v)->d), WF_TUPLE(item)->items[0]);
    if (WF_IS_NULL(found)) return wf_err_occurred(vm) ? -1 : 0;
    wf_incref(found);
    int r = wf_eq(vm, found, WF_TUPLE(item)->items[1]);
    wf_decref(vm, found);
    return r;
}

/* keys and items views behave as sets against sets and other views. */
static bool is_setlike(WfValue v) {
    if (v.tag != WF_TAG_OBJ) return false;
    for (WfType *t = v.u.o->type; t; t = t->base) {
        if (t == &wf_type_dict_keys || t == &wf_type_dict_items) return true;
        if (strcmp(t->name, "set") == 0 || strcmp(t->name, "frozenset") == 0) return true;
    }
    return false;
}

/* Every item of a is in b: 1/0/-1. */
static int all_contained_in(WfVM *vm, WfValue a, WfValue b) {
    WfValue it = wf_iter(vm, a);
    if (WF_IS_NULL(it)) return -1;
    int r = 1;
    for (;;) {
        WfValue x = wf_iternext(vm, it);
        if (WF_IS_NULL(x)) {
            if (wf_err_occurred(vm)) r = -1;
            break;
        }
        r = wf_contains(vm, b, x);
        wf_decref(vm, x);
        if (r <= 0) break;
    }
    wf_decref(vm, it);
    return r;
}

static WfValue view_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!is_setlike(a) || !is_setlike(b)) return WF_NOTIMPL;
    int64_t la = wf_len(vm, a), lb;
    if (la < 0 || (lb = wf_len(vm, b)) < 0) return WF_NULL;
    int r;
    switch (op) {
    case WF_CMP_EQ:
    case WF_CMP_NE: r = la == lb ? all_contained_in(vm, a, b) : 0; break;
    case WF_CMP_LT: r = la < lb ? all_contained_in(vm, a, b) : 0; break;
    case WF_CMP_LE: r = la <= lb ? all_contained_in(vm, a, b) : 0; break;
    case WF_CMP_GT: r = la > lb ? all_contained_in(vm, b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(vm, b, a) : 0; break;
    }
    if (r < 0) return WF_NULL;
    return WF_BOOL(op == WF_CMP_NE ? !r : r);
}

/* view OP other: set(left) then the matching in-place set method with the
 * right operand, as CPython's dictviews_* do. */
static WfValue view_setop(WfVM *vm, WfValue a, WfValue b, const char *method) {
    WfObject *name = wf_str_intern_cstr(vm, "set");
    if (!name) return WF_NULL;
    WfValue set_type = WF_IS_OBJ(vm->builtins) ? wf_dict_get_str(vm->builtins, name) : WF_NULL;
    if (WF_IS_NULL(set_type)) return WF_NOTIMPL;
    WfValue r = wf_call1(vm, set_type, a);
    if (WF_IS_NULL(r)) return r;
    WfValue x = wf_call_method(vm, r, method, &b, 1);
    if (WF_IS_NULL(x)) {
        wf_decref(vm, r);
        return x;
    }
    wf_decref(vm, x);
    return r;
}

static WfValue view_and(WfVM *vm, WfValue a, WfValue b) {
    return view_setop(vm, a, b, "intersection_update");
}
static WfValue view_or(WfVM *vm, WfValue a, WfValue b) { return view_setop(vm, a, b, "update"); }
static WfValue view_sub(WfVM *vm, WfValue a, WfValue b) {
    return view_setop(vm, a, b, "difference_update");
}
static WfValue view_xor(WfVM *vm, WfValue a, WfValue b) {
    return view_setop(vm, a, b, "symmetric_difference_update");
}

static WfValue view_isdisjoint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                               WfObject *kw) {
    if (wf_args_check(vm, "isdisjoint", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue it = wf_iter(vm, args[0]);
    if (WF_IS_NULL(it)) return it;
    int r = 1;
    for (;;) {
        WfValue x = wf_iternext(vm, it);
        if (WF_IS_NULL(x)) {
            if (wf_err_occurred(vm)) r = -1;
            break;
        }
        int c = wf_contains(vm, self, x);
        wf_decref(vm, x);
        if (c != 0) {
            r = c < 0 ? -1 : 0;
            break;
        }
    }
    wf_decref(vm, it);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}

static const WfMethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint, "Return True if the view and the given iterable have a null intersection.", 0},
    {"__reversed__", view_m_reversed, NULL, 0},
    {NULL, NULL, NULL, 0},
};

static const WfMethodDef valuesview_methods[] = {
    {"__reversed__", view_m_reversed, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_dict_keys = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "dict_keys",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_UNHASHABLE,
    .size = sizeof(DictView),
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .clear = view_clear,
    .repr = view_repr,
    .richcmp = view_richcmp,
    .iter = view_iter,
    .len = view_len,
    .contains = keys_contains,
    .binop = {[WF_BIN_AND] = view_and, [WF_BIN_OR] = view_or, [WF_BIN_SUB] = view_sub,
              [WF_BIN_XOR] = view_xor},
    .methods = setview_methods,
};

WfType wf_type_dict_items = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "dict_items",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_UNHASHABLE,
    .size = sizeof(DictView),
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .clear = view_clear,
    .repr = view_repr,
    .richcmp = view_richcmp,
    .iter = view_iter,
    .len = view_len,
    .contains = items_contains,
    .binop = {[WF_BIN_AND] = view_and, [WF_BIN_OR] = view_or, [WF_BIN_SUB] = view_sub,
              [WF_BIN_XOR] = view_xor},
    .methods = setview_methods,
};

WfType wf_type_dict_values = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "dict_values",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(DictView),
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .clear = view_clear,
    .repr = view_repr,
    .iter = view_iter,
    .len = view_len,
    .methods = valuesview_methods,
};

/* ---- methods -------------------------------------------------------------------------- */

#define METHOD(name)                                                                    \
    static WfValue name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,    \
                        WfObject *kw)

/* wf_args_check with the common case decided inline (hot methods). */
#define ARGS_OK(fname, lo, hi)                                                          \
    (((size_t)(nargs - (lo)) <= (size_t)((hi) - (lo)) && (!kw || WF_TUPLE(WF_OBJ(kw))->n == 0)) || \
     wf_args_check(vm, fname, nargs, kw, lo, hi) == 0)

METHOD(dict_m_keys) {
    if (wf_args_check(vm, "dict.keys", nargs, kw, 0, 0) < 0) return WF_NULL;
    return view_new(vm, &wf_type_dict_keys, self);
}

METHOD(dict_m_values) {
    if (wf_args_check(vm, "dict.values", nargs, kw, 0, 0) < 0) return WF_NULL;
    return view_new(vm, &wf_type_dict_values, self);
}

METHOD(dict_m_items) {
    if (wf_args_check(vm, "dict.items", nargs, kw, 0, 0) < 0) return WF_NULL;
    return view_new(vm, &wf_type_dict_items, self);
}

METHOD(dict_m_get) {
    if (!ARGS_OK("dict.get", 1, 2)) return WF_NULL;
    WfValue r = wf_dict_get(vm, self, args[0]);
    if (!WF_IS_NULL(r)) return wf_ref(r);
    if (wf_err_occurred(vm)) return WF_NULL;
    return nargs > 1 ? wf_ref(args[1]) : WF_NONE;
}

METHOD(dict_m_pop) {
    if (wf_args_check(vm, "dict.pop", nargs, kw, 1, 2) < 0) return WF_NULL;
    WfValue r = wf_dict_pop(vm, self, args[0]);
    if (!WF_IS_NULL(r) || wf_err_occurred(vm)) return r;
    if (nargs > 1) return wf_ref(args[1]);
    return wf_err_set_value(vm, &wf_exc_KeyError, args[0]);
}

METHOD(dict_m_popitem) {
    if (wf_args_check(vm, "dict.popitem", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfDict *d = DICT(self);
    if (d->used == 0)
        return wf_err_format(vm, &wf_exc_KeyError, "popitem(): dictionary is empty");
    /* Allocate first: a collection inside may run code that changes d. */
    WfValue r = wf_tuple_new(vm, 2);
    if (WF_IS_NULL(r)) return r;
    if (d->used == 0) {
        wf_decref(vm, r);
        return wf_err_format(vm, &wf_exc_KeyError, "popitem(): dictionary is empty");
    }
    size_t i = d->nentries;
    while (d->entries[i - 1].ktag == WF_TAG_NULL) i--;
    /* The pair takes over the entry's references. */
    Entry *e = &d->entries[i - 1];
    size_t mask = ((size_t)1 << d->log2size) - 1;
    size_t slot = (size_t)e->hash & mask;
    uint64_t perturb = (uint64_t)e->hash;
    while (ix_get(d, slot) != (int64_t)(i - 1)) {
        perturb >>= PERTURB_SHIFT;
        slot = (slot * 5 + (size_t)perturb + 1) & mask;
    }
    ix_set(d, slot, IX_DUMMY);
    WF_TUPLE(r)->items[0] = EKEY(e);
    WF_TUPLE(r)->items[1] = EVAL(e);
    e->ktag = e->vtag = WF_TAG_NULL;
    e->kbits = e->vbits = 0;
    d->nentries = i - 1;
    d->used--;
    d->version = ++vm->dict_versions;
    return r;
}

METHOD(dict_m_setdefault) {
    if (wf_args_check(vm, "dict.setdefault", nargs, kw, 1, 2) < 0) return WF_NULL;
    WfValue r = wf_dict_setdefault(vm, self, args[0], nargs > 1 ? args[1] : WF_NONE);
    return WF_IS_NULL(r) ? r : wf_ref(r);
}

METHOD(dict_m_update) {
    if (update_common(vm, "update", self, args, nargs, kw) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(dict_m_init) {
    if (update_common(vm, "dict", self, args, nargs, kw) < 0) return WF_NULL;
    return WF_NONE;
}

METHOD(dict_m_clear) {
    if (wf_args_check(vm, "dict.clear", nargs, kw, 0, 0) < 0) return WF_NULL;
    wf_dict_clear(vm, self);
    return WF_NONE;
}

METHOD(dict_m_copy) {
    if (wf_args_check(vm, "dict.copy", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_dict_copy(vm, self);
}

/* dict.fromkeys(iterable, value=None). Reached through an instance or
 * (once the type machinery passes classmethods) the type; the receiver is
 * ignored and a plain dict is built. */
METHOD(dict_m_fromkeys) {
    if (wf_args_check(vm, "fromkeys", nargs, kw, 1, 2) < 0) return WF_NULL;
    WfValue value = nargs > 1 ? args[1] : WF_NONE;
    WfValue d = wf_dict_new(vm);
    if (WF_IS_NULL(d)) return d;
    WfValue it = wf_iter(vm, args[0]);
    if (WF_IS_NULL(it)) {
        wf_decref(vm, d);
        return it;
    }
    for (;;) {
        WfValue k = wf_iternext(vm, it);
        if (WF_IS_NULL(k)) break;
        int rc = wf_dict_set(vm, d, k, value);
        wf_decref(vm, k);
        if (rc < 0) break;
    }
    wf_decref(vm, it);
    if (wf_err_occurred(vm)) {
        wf_decref(vm, d);
        return WF_NULL;
    }
    return d;
}

METHOD(dict_m_getitem) {
    if (wf_args_check(vm, "dict.__getitem__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return dict_getitem(vm, self, args[0]);
}

METHOD(dict_m_setitem) {
    if (wf_args_check(vm, "__setitem__", nargs, kw, 2, 2) < 0) return WF_NULL;
    return wf_dict_set(vm, self, args[0], args[1]) < 0 ? WF_NULL : WF_NONE;
}

METHOD(dict_m_delitem) {
    if (wf_args_check(vm, "dict.__delitem__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return wf_dict_del(vm, self, args[0]) < 0 ? WF_NULL : WF_NONE;
}

METHOD(dict_m_contains) {
    if (wf_args_check(vm, "dict.__contains__", nargs, kw, 1, 1) < 0) return WF_NULL;
    int r = dict_contains(vm, self, args[0]);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}

METHOD(dict_m_len) {
    if (wf_args_check(vm, "dict.__len__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT(DICT(self)->used);
}

METHOD(dict_m_reversed) {
    if (wf_args_check(vm, "dict.__reversed__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return dict_reviter_new(vm, &wf_type_dict_revkeyiter, DICT(self));
}

METHOD(dict_m_iter) {
    if (wf_args_check(vm, "dict.__iter__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return dict_iter(vm, self);
}

static const WfMethodDef dict_methods[] = {
    {"keys", dict_m_keys, "D.keys() -> a set-like object providing a view on D's keys", 0},
    {"values", dict_m_values, "D.values() -> an object providing a view on D's values", 0},
    {"items", dict_m_items, "D.items() -> a set-like object providing a view on D's items", 0},
    {"get", dict_m_get, "Return the value for key if key is in the dictionary, else default.", 0},
    {"pop", dict_m_pop, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.", 0},
    {"popitem", dict_m_popitem, "Remove and return a (key, value) pair as a 2-tuple.", 0},
    {"setdefault", dict_m_setdefault, "Insert key with a value of default if key is not in the dictionary.", 0},
    {"update", dict_m_update, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.", 0},
    {"clear", dict_m_clear, "D.clear() -> None.  Remove all items from D.", 0},
    {"copy", dict_m_copy, "D.copy() -> a shallow copy of D", 0},
    {"fromkeys", dict_m_fromkeys, "Create a new dictionary with keys from iterable and values set to value.", WF_METH_CLASS},
    {"__init__", dict_m_init, NULL, 0},
    {"__getitem__", dict_m_getitem, NULL, 0},
    {"__setitem__", dict_m_setitem, NULL, 0},
    {"__delitem__", dict_m_delitem, NULL, 0},
    {"__contains__", dict_m_contains, NULL, 0},
    {"__len__", dict_m_len, NULL, 0},
    {"__iter__", dict_m_iter, NULL, 0},
    {"__reversed__", dict_m_reversed, NULL, 0},
    {NULL, NULL, NULL, 0},
};

WfType wf_type_dict = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "dict",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_DICT | WF_TPFLAG_BASETYPE | WF_TPFLAG_UNHASHABLE,
    .size = sizeof(WfDict),
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .clear = dict_gc_clear,
    .repr = dict_repr,
    .richcmp = dict_richcmp,
    .new_ = dict_new_,
    .iter = dict_iter,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .binop = {[WF_BIN_OR] = dict_or},
    .inplace = {[WF_BIN_OR] = dict_ior},
    .methods = dict_methods,
    .doc = "dict() -> new empty dictionary",
};

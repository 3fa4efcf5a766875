/* set.h: set and frozenset extras beyond object.h (set.c). The layout is
 * CPython 3.11's PySetObject: an open-addressing table of (key, hash)
 * entries with dummies for deleted keys, so iteration order (and so what
 * print shows) matches CPython's for keys whose hashes match. An entry is
 * empty when key is WF_NULL and hash is 0, a dummy when key is WF_NULL and
 * hash is -1 (no real hash is -1), active otherwise. */
#ifndef WF_SET_H
#define WF_SET_H
#include "vm.h"

/* CPython's PySet_MINSIZE: the inline table, so small sets need one
 * allocation. */
#define WF_SET_MINSIZE 8

typedef struct WfSetEntry {
    WfValue key;
    int64_t hash;
} WfSetEntry;

typedef struct WfSet {
    WfObject ob;
    int64_t fill;                /* active + dummy entries */
    int64_t used;                /* active entries: len() */
    int64_t mask;                /* table size - 1 (a power of two) */
    WfSetEntry *table;           /* smalltable or a wf_mem_alloc'd block */
    int64_t hash;                /* frozenset: cached hash, -1 until known */
    int64_t finger;              /* where pop() resumes its search */
    WfSetEntry smalltable[WF_SET_MINSIZE];
} WfSet;

#define WF_SET(v) ((WfSet *)(v).u.o)

extern WfType wf_type_set_iter;

/* set or frozenset, or a subclass of either. */
static inline bool wf_is_anyset(WfValue v) {
    if (v.tag != WF_TAG_OBJ) return false;
    WfType *t = v.u.o->type;
    return t == &wf_type_set || t == &wf_type_frozenset ||
           wf_type_is_subtype(t, &wf_type_set) || wf_type_is_subtype(t, &wf_type_frozenset);
}

/* set(iterable) / frozenset(iterable); iterable may be WF_NULL (empty). */
WfValue wf_set_from_iterable(WfVM *vm, WfValue iterable);
WfValue wf_frozenset_new(WfVM *vm, WfValue iterable);
/* Constant set displays. CPython 3.11 compiles {c1, c2, c3} (more than two
 * constants) as BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE, and turns a
 * constant set iterated by `for` (or tested with `in`) into a frozenset
 * constant; its constant-merging pass then rebuilds every frozenset constant
 * from the first one's iteration order. The table layouts, and so the
 * printed orders, differ from adding the items one by one:
 * {5, 21, 37, 53, 6} prints {5, 37, 6, 21, 53}, not {37, 5, 6, 53, 21}.
 * wf_frozenset_const makes that constant from the items in source order
 * (for LOAD_CONST); wf_set_display builds what the display evaluates to:
 * the frozenset route when all_const and n > 2, else adds in order (what
 * BUILD_SET n does). */
WfValue wf_frozenset_const(WfVM *vm, const WfValue *items, size_t n);
WfValue wf_set_display(WfVM *vm, const WfValue *items, size_t n, bool all_const);
/* s.discard(key): 1 removed, 0 absent, -1 error (unhashable key). */
int wf_set_discard(WfVM *vm, WfValue set, WfValue key);
/* s.update(iterable); 0 or -1. */
int wf_set_update(WfVM *vm, WfValue set, WfValue iterable);
static inline int64_t wf_set_len(WfValue set) { return WF_SET(set)->used; }
/* Iteration in table order without an iterator object: *pos starts at 0;
 * false at the end. Borrowed key; the set must not change meanwhile. */
bool wf_set_next(WfValue set, size_t *pos, WfValue *key, int64_t *hash);
#endif

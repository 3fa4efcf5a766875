/* dict.h: dict extras beyond object.h (dict.c): copy/clear/pop for the VM
 * and builtins, index-based (inline) access for caches, and the views.
 * A cache may keep (dict version, entry index) from wf_dict_find_str: the
 * entry stays at that index until the version changes (inserts, deletes and
 * clears bump it; replacing a value does not, so re-read the value).
 * Versions come from one counter per VM, so no two dicts share one. */
#ifndef WF_DICT_H
#define WF_DICT_H
#include "list.h"
#include "vm.h"

extern WfType wf_type_dict_keys, wf_type_dict_values, wf_type_dict_items,
    wf_type_dict_keyiter, wf_type_dict_valueiter, wf_type_dict_itemiter,
    wf_type_dict_revkeyiter, wf_type_dict_revvalueiter, wf_type_dict_revitemiter;

WfValue wf_dict_copy(WfVM *vm, WfValue dict);
void wf_dict_clear(WfVM *vm, WfValue dict);
/* Removes key and returns its value (a new reference); WF_NULL with no
 * exception when missing, WF_NULL with one on error. */
WfValue wf_dict_pop(WfVM *vm, WfValue dict, WfValue key);
/* d.setdefault(key, dflt): borrowed result. */
WfValue wf_dict_setdefault(WfVM *vm, WfValue dict, WfValue key, WfValue dflt);
/* The layout is here only for the inline cache accessors below; use the
 * functions for everything else. An entry packs two WfValues' payloads
 * and tags into 32 bytes (CPython: 24); ktag WF_TAG_NULL marks a deleted
 * entry. */
typedef struct WfDictEntry {
    int64_t hash;
    int64_t kbits, vbits;
    uint32_t ktag, vtag;
} WfDictEntry;

typedef struct WfDict {
    WfObject ob;
    int64_t used;                /* live items */
    size_t nentries;             /* entries[0..nentries) used or deleted */
    size_t usable;               /* free entries after nentries */
    uint64_t version;
    uint8_t log2size;            /* index array of 1 << log2size slots */
    uint8_t ixw;                 /* log2 of an index slot's width in bytes */
    void *indices;               /* NULL: no table yet; one allocation with
                                    the entries after the indices */
    WfDictEntry *entries;
} WfDict;

/* Entry index of an interned-str key, -1 when missing; no exceptions. */
int64_t wf_dict_find_str(WfValue dict, WfObject *interned_key);
/* Borrowed value at an entry index from wf_dict_find_str (same version). */
static inline WfValue wf_dict_value_at(WfValue dict, int64_t ix) {
    const WfDictEntry *e = &((WfDict *)dict.u.o)->entries[ix];
    WfValue v;
    v.u.i = e->vbits;
    v.tag = e->vtag;
    v.pad = 0;
    return v;
}
/* wf_dict_version without the call, for inline caches. */
static inline uint64_t wf_dict_version_fast(WfValue dict) {
    return ((WfDict *)dict.u.o)->version;
}
/* Empties the dict, handing every key and value to r (list.h). */
void wf_dict_release_entries(WfVM *vm, WfRelease *r, WfObject *dict);
/* Like wf_dict_update, but a key already present raises via dup_error
 * (for f(**a, **b)): when dup_error is NULL existing keys are overwritten. */
int wf_dict_merge(WfVM *vm, WfValue dict, WfValue other,
                  int (*dup_error)(WfVM *vm, WfValue key));
/* New list of the keys / values / (key, value) tuples. */
WfValue wf_dict_keys_list(WfVM *vm, WfValue dict);
WfValue wf_dict_values_list(WfVM *vm, WfValue dict);
WfValue wf_dict_items_list(WfVM *vm, WfValue dict);
#endif

/* class.c: classes made by `class` statements (heap types). A heap type is
 * a WfType like the built-in ones: each slot comes from the first class of
 * its MRO that provides it, a built-in base's own slot function or, for a
 * class that defines the special method in its dict, a trampoline that
 * calls it, so `a + b`, `len(x)` and `repr(x)` take the same path for
 * built-in and user types. Lookups go through the per-class caches of
 * class.h (valid while vm->next_type_version is unchanged, or while no
 * class dict of the MRO gained or lost a name).
 * Also: C3 linearisation, instance layout (the built-in base's part, then
 * __slots__ values, then inline values for plain classes or else the
 * instance dict: see "instance attributes" and set_layout), descriptors
 * (functions, staticmethod, classmethod, property, __slots__ members,
 * classes with __get__/__set__, built-in types with __get__), __del__,
 * metaclasses, super(), object's methods, and __build_class__. */
#include <string.h>
#include "class.h"
#include "dict.h"
#include "func.h"
#include "gc.h"
#include "interp.h"
#include "str.h"
#include "type.h"

static const char *const sp_cnames[WF_SP_COUNT] = {
#define WF_SP_NAME(id, s) s,
    WF_SPECIAL_NAMES(WF_SP_NAME)
#undef WF_SP_NAME
};

#define HEAP(t) ((WfHeapType *)(t))
#define IS_HEAP(t) (((t)->flags & WF_TPFLAG_HEAPTYPE) != 0)

/* The built-in type whose instance layout t's instances have. */
static inline WfType *static_base(WfType *t) { return IS_HEAP(t) ? HEAP(t)->static_base : t; }

/* A built-in type's own method table (object's comes from here until
 * type.c points wf_type_object.methods at it). */
static const WfMethodDef *own_methods(const WfType *b) {
    if (b->methods) return b->methods;
    return b == &wf_type_object ? wf_object_methods : NULL;
}

static const char *type_qualname(WfVM *vm, WfType *t) {
    if (IS_HEAP(t) && t->dict) {
        WfObject *k = wf_str_intern_cstr(vm, "__qualname__");
        WfValue q = k ? wf_dict_get_str(WF_OBJ(t->dict), k) : WF_NULL;
        if (wf_is_str(q)) return WF_STR(q)->data;
    }
    return t->name;
}

/* ---- lookup along the MRO --------------------------------------------------------- */

/* Searches a built-in type's own tables (the first-byte test skips most
 * strcmp calls: object's table is all dunders, attribute names rarely
 * are). */
static bool static_find(const WfType *b, const char *s, const WfMethodDef **def, const WfGetSetDef **gs) {
    const WfMethodDef *md = own_methods(b);
    if (md)
        for (; md->name; md++)
            if (md->name[0] == s[0] && strcmp(md->name, s) == 0) {
                *def = md;
                return true;
            }
    if (b->getsets)
        for (const WfGetSetDef *g = b->getsets; g->name; g++)
            if (g->name[0] == s[0] && strcmp(g->name, s) == 0) {
                *gs = g;
                return true;
            }
    return false;
}

/* The uncached walk: class dicts of heap classes, the own tables of
 * built-in ones (the MRO lists their bases in turn). *owner / *oix say
 * where a class-dict value was found. */
static WfValue mro_walk_at(WfType *t, WfObject *name, const WfMethodDef **def, const WfGetSetDef **gs,
                           WfObject **owner, int64_t *oix) {
    *def = NULL;
    *gs = NULL;
    *owner = NULL;
    *oix = -1;
    const char *s = ((WfStr *)name)->data;
    if (!t->mro) {
        if (IS_HEAP(t)) return WF_NULL; /* cleared by the collector */
        for (const WfType *b = t; b; b = b->base)
            if (static_find(b, s, def, gs)) return WF_NULL;
        return WF_NULL;
    }
    WfTuple *m = (WfTuple *)t->mro;
    for (size_t i = 0; i < m->n; i++) {
        WfType *b = (WfType *)m->items[i].u.o;
        if (IS_HEAP(b)) {
            if (b->dict) {
                int64_t ix = wf_dict_find_str(WF_OBJ(b->dict), name);
                if (ix >= 0) {
                    *owner = b->dict;
                    *oix = ix;
                    return wf_dict_value_at(WF_OBJ(b->dict), ix);
                }
            }
        } else if (static_find(b, s, def, gs)) {
            return WF_NULL;
        }
    }
    return WF_NULL;
}

static WfValue mro_walk(WfType *t, WfObject *name, const WfMethodDef **def, const WfGetSetDef **gs) {
    WfObject *owner;
    int64_t oix;
    return mro_walk_at(t, name, def, gs, &owner, &oix);
}

/* See WfHeapType.stamp. */
static uint64_t class_stamp(WfVM *vm, WfType *t) {
    WfHeapType *h = HEAP(t);
    if (h->stamp_epoch == vm->next_type_version) return h->stamp;
    uint64_t s = 1;
    WfTuple *m = (WfTuple *)t->mro;
    if (!m) s = 0;
    for (size_t i = 0; m && i < m->n; i++) {
        WfType *b = (WfType *)m->items[i].u.o;
        if (!IS_HEAP(b)) continue;
        if (!b->dict) {
            s = 0;
            break;
        }
        s += wf_dict_version_fast(WF_OBJ(b->dict));
    }
    h->stamp = s;
    h->stamp_epoch = vm->next_type_version;
    return s;
}

/* By the name's string hash (interned names always have it), not its
 * address: which names share an entry then does not depend on where the
 * allocator happened to put them. */
static inline size_t cache_slot(const WfObject *name) {
    return (size_t)((const WfStr *)name)->hash & (WF_ATTR_CACHE_SIZE - 1);
}

static bool is_data_descriptor(WfVM *vm, WfValue attr);

/* The cache entry for name on heap type t, filled if stale. */
static WfAttrCacheEntry *cache_fill(WfVM *vm, WfType *t, WfObject *name, WfAttrCacheEntry *e) {
    uint64_t stamp = class_stamp(vm, t);
    if (e->name == name && stamp && e->stamp == stamp) {
        /* No class in the MRO gained or lost a name since the fill: only
         * values may have been replaced. */
        if (e->owner) {
            e->value = wf_dict_value_at(WF_OBJ(e->owner), e->oix);
            e->plain = WF_IS_NULL(e->value) || !is_data_descriptor(vm, e->value);
        }
        e->epoch = vm->next_type_version;
        return e;
    }
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue v = mro_walk_at(t, name, &def, &gs, &e->owner, &e->oix);
    if (e->name != name) e->hint = e->kidx = -1;
    e->name = name;
    e->epoch = vm->next_type_version;
    e->stamp = stamp;
    e->kind = def ? 1 : gs ? 2 : 0;
    e->ptr = def ? (const void *)def : (const void *)gs;
    e->value = v;
    e->plain = !gs && (WF_IS_NULL(v) || !is_data_descriptor(vm, v));
    return e;
}

static inline WfAttrCacheEntry *cache_entry(WfVM *vm, WfType *t, WfObject *name) {
    WfAttrCacheEntry *e = &HEAP(t)->cache[cache_slot(name)];
    if (e->name == name && e->epoch == vm->next_type_version) {
        /* Plain data may have been replaced without moving the epoch
         * (type.c type_setattr); the entry index still holds. */
        if (e->owner) e->value = wf_dict_value_at(WF_OBJ(e->owner), e->oix);
        return e;
    }
    return cache_fill(vm, t, name, e);
}

WfValue wf_class_lookup(WfVM *vm, WfType *t, WfObject *name, const WfMethodDef **def, const WfGetSetDef **gs) {
    if (!IS_HEAP(t)) return mro_walk(t, name, def, gs);
    WfAttrCacheEntry *e = cache_entry(vm, t, name);
    *def = e->kind == 1 ? e->ptr : NULL;
    *gs = e->kind == 2 ? e->ptr : NULL;
    return e->value;
}

/* Special method `sp` of heap type t: a borrowed class-dict value, or
 * WF_NULL with *def set when a built-in base provides it. */
static inline WfValue sp_lookup(WfVM *vm, WfType *t, int sp, const WfMethodDef **def) {
    WfSpecialEntry *e = &HEAP(t)->sp[sp];
    if (e->epoch != vm->next_type_version) {
        uint64_t stamp = class_stamp(vm, t);
        if (e->epoch && stamp && e->stamp == stamp) {
            if (e->owner) e->value = wf_dict_value_at(WF_OBJ(e->owner), e->oix);
        } else {
            const WfGetSetDef *gs;
            e->value = mro_walk_at(t, HEAP(t)->spname[sp], &e->def, &gs, &e->owner, &e->oix);
            e->stamp = stamp;
        }
        e->epoch = vm->next_type_version;
    }
    *def = e->def;
    return e->value;
}

/* Is the special method defined in a heap class of t's MRO (not only by a
 * built-in base)? */
static WfValue sp_heap(WfVM *vm, WfType *t, int sp) {
    const WfMethodDef *def;
    return IS_HEAP(t) ? sp_lookup(vm, t, sp, &def) : WF_NULL;
}

/* ---- descriptors ------------------------------------------------------------------- */

static WfValue property_get(WfVM *vm, WfProperty *p, WfValue obj);
static int property_set(WfVM *vm, WfProperty *p, WfValue obj, WfValue v);
typedef struct WfMember WfMember;
static WfValue member_get(WfVM *vm, WfMember *m, WfValue obj);
static int member_set(WfVM *vm, WfMember *m, WfValue obj, WfValue v);
static WfValue member_make(WfVM *vm, WfType *owner, WfObject *name, size_t offset);

static bool is_data_descriptor(WfVM *vm, WfValue attr) {
    WfType *at = wf_type_of(attr);
    if (at == &wf_type_property || at == &wf_type_member) return true;
    if (!IS_HEAP(at)) return false;
    const WfMethodDef *def;
    return !WF_IS_NULL(sp_lookup(vm, at, WF_SP_SET, &def)) || !WF_IS_NULL(sp_lookup(vm, at, WF_SP_DELETE, &def)) ||
           (def && at->base == &wf_type_property);
}

/* The __get__ method of a built-in type that is a descriptor (such as the
 * wrapper inlineCallbacks returns: a decorated method binds like a
 * function), or NULL. Plain values are answered at once. */
static const WfMethodDef *static_getter(WfType *at) {
    if (at->flags & (WF_TPFLAG_STR | WF_TPFLAG_INT | WF_TPFLAG_TUPLE | WF_TPFLAG_LIST | WF_TPFLAG_DICT |
                     WF_TPFLAG_TYPE | WF_TPFLAG_EXC))
        return NULL;
    for (WfType *b = at; b && b != &wf_type_object; b = b->base) {
        const WfMethodDef *def = NULL;
        const WfGetSetDef *gs = NULL;
        if (b->methods && static_find(b, "__get__", &def, &gs) && def) return def;
    }
    return NULL;
}

/* attr.__get__(obj, owner) for the descriptor kinds: obj WF_NULL means the
 * attribute was reached through the class. */
static WfValue bind(WfVM *vm, WfValue attr, WfValue obj, WfType *owner) {
    WfType *at = wf_type_of(attr);
    if (at == &wf_type_function) return WF_IS_NULL(obj) ? wf_ref(attr) : wf_method_new(vm, attr, obj);
    if (at == &wf_type_staticmethod) return wf_ref(((WfWrapper *)attr.u.o)->func);
    if (at == &wf_type_classmethod) return wf_method_new(vm, ((WfWrapper *)attr.u.o)->func, WF_OBJ(owner));
    if (at == &wf_type_property) return WF_IS_NULL(obj) ? wf_ref(attr) : property_get(vm, (WfProperty *)attr.u.o, obj);
    if (at == &wf_type_member) return WF_IS_NULL(obj) ? wf_ref(attr) : member_get(vm, (WfMember *)attr.u.o, obj);
    if (IS_HEAP(at)) {
        const WfMethodDef *def;
        WfValue get = sp_lookup(vm, at, WF_SP_GET, &def);
        if (!WF_IS_NULL(get)) {
            WfValue args[3] = {attr, WF_IS_NULL(obj) ? WF_NONE : obj, WF_OBJ(owner)};
            wf_incref(get);
            WfValue r = wf_call(vm, get, args, 3, NULL);
            wf_decref(vm, get);
            return r;
        }
        if (def && at->base == &wf_type_property && !WF_IS_NULL(obj))
            return property_get(vm, (WfProperty *)attr.u.o, obj);
    } else if (attr.tag == WF_TAG_OBJ) {
        const WfMethodDef *g = static_getter(at);
        if (g) {
            WfValue args[2] = {WF_IS_NULL(obj) ? WF_NONE : obj, WF_OBJ(owner)};
            return g->fn(vm, attr, args, 2, NULL);
        }
    }
    return wf_ref(attr);
}

/* ---- instance attributes -------------------------------------------------------------- */

/* Instances of classes whose built-in base is object keep their attributes
 * in an inline array, as CPython 3.11's: the class holds the attribute
 * names in the order they were first set on any instance (append-only, so
 * a name's index never changes), each instance a value per name (WF_NULL:
 * not set). An instance moves for good to a real dict (at dictoffset) when
 * someone asks for __dict__, when it sets a name the array has no room
 * for, or when keeping the array would break insertion order (a value set
 * while one with a later index is present). While the array is in use the
 * dict slot holds the class's keydict, which maps every inline name to
 * True: the VM's method-call shortcut looks a method's name up in the dict
 * slot to see whether the instance shadows it, and finding it there sends
 * the call down the general path, which sees the inline values. Classes
 * with other built-in bases (Exception, list, ...) use the dict only. */
typedef WfInlineArea InlineArea;
#define AREA_AT(o, t) WF_INLINE_AREA(o, t)

/* Instances of str and tuple subclasses vary in size: their __slots__
 * values and dict slot follow the items (CPython's negative
 * tp_dictoffset), at offsets counted from var_items_end. */
static size_t var_items_end(const WfObject *o) {
    size_t end = (o->type->flags & WF_TPFLAG_STR) ? offsetof(WfStr, data) + (size_t)((const WfStr *)o)->len + 1
                                                  : sizeof(WfTuple) + ((const WfTuple *)o)->n * sizeof(WfValue);
    return (end + 15) & ~(size_t)15;
}

/* Where the offsets of t's slots and dict area start in o. */
static inline char *layout_base(WfObject *o, WfType *t) {
    return t->itemsize ? (char *)o + var_items_end(o) : (char *)o;
}

static __attribute__((noinline)) InlineArea *var_area(WfObject *o, WfType *t) {
    return (InlineArea *)(layout_base(o, t) + HEAP(t)->slots_end);
}

static inline InlineArea *area_of(WfObject *o, WfType *t) { return t->itemsize ? var_area(o, t) : AREA_AT(o, t); }

size_t wf_class_var_size(WfType *t, size_t end) {
    return ((end + 15) & ~(size_t)15) + t->size - static_base(t)->size;
}

/* Index of name in t's inline names (adding it when add), -1 when absent
 * or full. The cache entry remembers it. */
static int64_t inline_index_slow(WfVM *vm, WfHeapType *h, WfAttrCacheEntry *e, WfObject *name, bool add) {
    /* e->kidx: the index, -1 unknown, or -(n + 2): not among the first n
     * names (names are only ever appended). */
    int32_t k = e->kidx;
    uint32_t from = k == -1 ? 0 : (uint32_t)(-k - 2);
    if (from == h->nkeys && !add) return -1;
    if (from < h->nkeys) {
        for (uint32_t i = from; i < h->nkeys; i++)
            if (h->keys[i] == name) return e->kidx = (int32_t)i;
        e->kidx = -(int32_t)h->nkeys - 2;
    }
    if (!add || h->nkeys >= WF_INLINE_MAX) return -1;
    if (wf_dict_set(vm, WF_OBJ(h->keydict), WF_OBJ(name), WF_TRUE) < 0) {
        wf_err_clear(vm); /* the instance uses its dict instead */
        return -1;
    }
    wf_obj_incref(name);
    h->keys[h->nkeys] = name;
    return e->kidx = (int32_t)h->nkeys++;
}

static inline int64_t inline_index(WfVM *vm, WfHeapType *h, WfAttrCacheEntry *e, WfObject *name, bool add) {
    return e->kidx >= 0 ? e->kidx : inline_index_slow(vm, h, e, name, add);
}

/* Are the instance's attributes in its inline values? */
static inline bool inline_mode(const InlineArea *a, const WfHeapType *h) { return wf_inline_mode(a, h); }

/* Moves an instance's inline values into a new dict (in index order, which
 * is their insertion order). Returns the dict slot, NULL on error. */
static WfValue *materialize(WfVM *vm, WfObject *o, WfType *t) {
    InlineArea *a = area_of(o, t);
    WfHeapType *h = HEAP(t);
    if (!WF_IS_NULL(a->dict) && !inline_mode(a, h)) return &a->dict;
    WfValue d = wf_dict_new(vm);
    if (WF_IS_NULL(d)) return NULL;
    if (inline_mode(a, h)) {
        for (uint64_t i = 0; i < a->cap && i < h->nkeys; i++)
            if (!WF_IS_NULL(a->v[i]) && wf_dict_set(vm, d, WF_OBJ(h->keys[i]), a->v[i]) < 0) {
                wf_decref(vm, d);
                return NULL;
            }
        for (uint64_t i = 0; i < a->cap; i++) {
            WfValue x = a->v[i];
            a->v[i] = WF_NULL;
            wf_decref(vm, x);
        }
    }
    WfValue old = a->dict;
    a->dict = d;
    wf_decref(vm, old);
    return &a->dict;
}

/* A new instance of heap type t, sized for its inline values. */
static WfObject *alloc_instance(WfVM *vm, WfType *t) {
    WfHeapType *h = HEAP(t);
    if (!h->inline_ok) return wf_obj_alloc(vm, t, t->size);
    WfObject *o = wf_obj_alloc(vm, t, t->dictoffset + sizeof(InlineArea) + h->ninline * sizeof(WfValue));
    if (o) {
        AREA_AT(o, t)->cap = h->ninline;
        wf_obj_incref(h->keydict);
        AREA_AT(o, t)->dict = WF_OBJ(h->keydict);
    }
    return o;
}

/* The dict slot of a heap-type instance, with its inline values moved
 * there first (for __dict__ and code that needs the dict). */
static WfValue *instance_dict_ptr(WfVM *vm, WfValue obj) {
    WfType *t = wf_type_of(obj);
    if (!t->dictoffset || !WF_IS_OBJ(obj) || !IS_HEAP(t)) return NULL;
    return materialize(vm, obj.u.o, t);
}

static WfValue no_attr(WfVM *vm, WfType *t, WfObject *name) {
    return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                         ((WfStr *)name)->data);
}

/* Attributes every instance has that are not in any dict. */
static WfValue instance_builtin_attr(WfVM *vm, WfValue obj, WfObject *name, bool *found) {
    const char *s = ((WfStr *)name)->data;
    *found = true;
    if (s[0] == '_' && s[1] == '_') {
        if (strcmp(s, "__class__") == 0) return wf_ref(WF_OBJ(wf_type_of(obj)));
        if (strcmp(s, "__dict__") == 0 && wf_type_of(obj)->dictoffset) {
            WfValue *dp = instance_dict_ptr(vm, obj);
            return dp ? wf_ref(*dp) : WF_NULL;
        }
    }
    *found = false;
    return WF_NULL;
}

/* The instance's own value for name (borrowed), WF_NULL when it has none. */
static inline __attribute__((always_inline)) WfValue own_attr(WfValue obj, WfType *t, WfAttrCacheEntry *e,
                                                           WfObject *name) {
    WfHeapType *h = HEAP(t);
    InlineArea *a;
    if (h->inline_ok) {
        a = AREA_AT(obj.u.o, t);
        if (inline_mode(a, h)) {
            int64_t k = inline_index(NULL, h, e, name, false);
            return k >= 0 && (uint64_t)k < a->cap ? a->v[k] : WF_NULL;
        }
    } else {
        a = area_of(obj.u.o, t);
    }
    if (WF_IS_NULL(a->dict)) return WF_NULL;
    /* Instances of a class usually store their attributes in the same
     * order: try where this name was last found. */
    WfDict *dd = (WfDict *)a->dict.u.o;
    int64_t hint = e->hint;
    if (hint >= 0 && (size_t)hint < dd->nentries && dd->entries[hint].ktag == WF_TAG_OBJ &&
        dd->entries[hint].kbits == (int64_t)(intptr_t)name)
        return wf_dict_value_at(a->dict, hint);
    int64_t ix = wf_dict_find_str(a->dict, name);
    if (ix < 0) return WF_NULL;
    e->hint = ix;
    return wf_dict_value_at(a->dict, ix);
}

/* object.__getattribute__: descriptors on the class, then the instance's
 * own attributes, then non-data class attributes; no __getattr__ hook. */
static WfValue getattr_nohook(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = obj.u.o->type;
    WfAttrCacheEntry *e = cache_entry(vm, t, name);
    WfValue attr = e->value;
    if (!e->plain) {
        if (e->kind == 2) return ((const WfGetSetDef *)e->ptr)->get(vm, obj);
        WfType *at = wf_type_of(attr);
        if (at == &wf_type_member) return member_get(vm, (WfMember *)attr.u.o, obj);
        if (at == &wf_type_property) return property_get(vm, (WfProperty *)attr.u.o, obj);
        wf_incref(attr);
        WfValue r = bind(vm, attr, obj, t);
        wf_decref(vm, attr);
        return r;
    }
    if (t->dictoffset) {
        WfValue v = own_attr(obj, t, e, name);
        if (!WF_IS_NULL(v)) return wf_ref(v);
    }
    const WfMethodDef *def = e->kind == 1 ? e->ptr : NULL;
    if (!WF_IS_NULL(attr)) {
        if (attr.tag != WF_TAG_OBJ) return attr;
        wf_incref(attr);
        WfValue r = bind(vm, attr, obj, t);
        wf_decref(vm, attr);
        return r;
    }
    if (def) return wf_native_new(vm, def, (def->flags & WF_METH_CLASS) ? WF_OBJ(t) : obj);
    bool found;
    WfValue r = instance_builtin_attr(vm, obj, name, &found);
    if (found) return r;
    return no_attr(vm, t, name);
}

WfValue wf_instance_getattr(WfVM *vm, WfValue obj, WfObject *name) { return getattr_nohook(vm, obj, name); }

WfValue wf_instance_method(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = obj.u.o->type;
    WfAttrCacheEntry *e = cache_entry(vm, t, name);
    if (e->value.tag != WF_TAG_OBJ || e->value.u.o->type != &wf_type_function) return WF_NULL;
    if (t->dictoffset && !WF_IS_NULL(own_attr(obj, t, e, name))) return WF_NULL;
    return e->value;
}

static WfValue call_method_value(WfVM *vm, WfValue m, WfValue self, WfType *t, const WfValue *args, size_t nargs,
                                 WfObject *kw);

/* The slot of classes with __getattr__ or __getattribute__. */
static WfValue slot_getattr_hook(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = wf_type_of(obj);
    WfValue ga = sp_heap(vm, t, WF_SP_GETATTRIBUTE), r;
    WfValue n = WF_OBJ(name);
    if (!WF_IS_NULL(ga)) r = call_method_value(vm, ga, obj, t, &n, 1, NULL);
    else r = getattr_nohook(vm, obj, name);
    if (!WF_IS_NULL(r) || !wf_err_matches(vm, &wf_exc_AttributeError)) return r;
    WfValue hook = sp_heap(vm, t, WF_SP_GETATTR);
    if (WF_IS_NULL(hook)) return r;
    wf_err_clear(vm);
    return call_method_value(vm, hook, obj, t, &n, 1, NULL);
}

static int set_instance_dict(WfVM *vm, WfValue obj, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!wf_is_dict(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", wf_type_name(v));
        return -1;
    }
    WfValue *dp = instance_dict_ptr(vm, obj);
    if (!dp) return -1;
    WfValue old = *dp;
    *dp = wf_ref(v);
    wf_decref(vm, old);
    return 0;
}

static WfType *solid_base(WfType *t);
static bool same_slots(WfType *a, WfType *b);

/* obj.__class__ = cls: allowed between heap classes with the same layout. */
static int set_instance_class(WfVM *vm, WfValue obj, WfValue v) {
    WfType *t = wf_type_of(obj);
    if (!wf_is_type(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__class__ must be set to a class, not '%s' object", wf_type_name(v));
        return -1;
    }
    WfType *nt = (WfType *)v.u.o;
    if (!IS_HEAP(nt) || !IS_HEAP(t)) {
        wf_err_format(vm, &wf_exc_TypeError,
                      "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (static_base(nt) != static_base(t) || nt->size != t->size || nt->dictoffset != t->dictoffset ||
        HEAP(nt)->slots_end != HEAP(t)->slots_end || !same_slots(solid_base(nt), solid_base(t))) {
        wf_err_format(vm, &wf_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", nt->name,
                      t->name);
        return -1;
    }
    /* Inline values are indexed by the old class's names. */
    if (t->dictoffset && !materialize(vm, obj.u.o, t)) return -1;
    wf_obj_incref(&nt->ob);
    obj.u.o->type = nt;
    wf_obj_decref(vm, &t->ob);
    return 0;
}

/* Stores (or, v WF_NULL, deletes) an attribute in the instance itself:
 * its inline values while it can, else its dict. */
static int set_own_attr(WfVM *vm, WfValue obj, WfType *t, WfAttrCacheEntry *e, WfObject *name, WfValue v) {
    WfHeapType *h = HEAP(t);
    InlineArea *a = h->inline_ok ? AREA_AT(obj.u.o, t) : area_of(obj.u.o, t);
    if (inline_mode(a, h)) {
        int64_t k = inline_index(vm, h, e, name, !WF_IS_NULL(v));
        if (WF_IS_NULL(v)) {
            if (k < 0 || (uint64_t)k >= a->cap || WF_IS_NULL(a->v[k])) goto missing;
            WfValue old = a->v[k];
            a->v[k] = WF_NULL;
            wf_decref(vm, old);
            return 0;
        }
        if (k >= 0 && (uint64_t)k < a->cap) {
            WfValue old = a->v[k];
            if (WF_IS_NULL(old)) {
                /* A new attribute: its index must be past every one the
                 * instance has, or the dict keeps the insertion order. */
                for (uint64_t j = (uint64_t)k + 1; j < a->cap && j < h->nkeys; j++)
                    if (!WF_IS_NULL(a->v[j])) goto to_dict;
            }
            a->v[k] = wf_ref(v);
            wf_decref(vm, old);
            return 0;
        }
        /* No room: later instances get more. */
        if (k >= 0 && h->ninline < WF_INLINE_MAX) {
            uint32_t n = h->ninline * 2;
            if (n < (uint32_t)k + 1) n = (uint32_t)k + 1;
            h->ninline = n < WF_INLINE_MAX ? n : WF_INLINE_MAX;
        }
    }
to_dict:
    if (!materialize(vm, obj.u.o, t)) return -1;
    if (WF_IS_NULL(v)) {
        if (wf_dict_del(vm, a->dict, WF_OBJ(name)) == 0) return 0;
        if (!wf_err_matches(vm, &wf_exc_KeyError)) return -1;
        wf_err_clear(vm);
        goto missing;
    }
    return wf_dict_set(vm, a->dict, WF_OBJ(name), v);
missing:
    wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, ((WfStr *)name)->data);
    return -1;
}

int wf_instance_setattr_plain(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    WfType *t = wf_type_of(obj);
    WfAttrCacheEntry *e = cache_entry(vm, t, name);
    const char *s = ((WfStr *)name)->data;
    bool dunder = s[0] == '_' && s[1] == '_';
    /* The common case: no descriptor, the instance stores it. */
    if (e->plain && t->dictoffset && !dunder) return set_own_attr(vm, obj, t, e, name, v);
    const WfMethodDef *def = e->kind == 1 ? e->ptr : NULL;
    const WfGetSetDef *gs = e->kind == 2 ? e->ptr : NULL;
    WfValue attr = e->value;
    if (gs) {
        if (!gs->set) {
            wf_err_format(vm, &wf_exc_AttributeError, "attribute '%s' of '%s' objects is not writable", s,
                          static_base(t)->name);
            return -1;
        }
        return gs->set(vm, obj, v);
    }
    if (!WF_IS_NULL(attr) && WF_IS_OBJ(attr)) {
        WfType *at = wf_type_of(attr);
        if (at == &wf_type_member) return member_set(vm, (WfMember *)attr.u.o, obj, v);
        if (at == &wf_type_property) return property_set(vm, (WfProperty *)attr.u.o, obj, v);
        if (IS_HEAP(at) && is_data_descriptor(vm, attr)) {
            const WfMethodDef *d2;
            WfValue m = sp_lookup(vm, at, WF_IS_NULL(v) ? WF_SP_DELETE : WF_SP_SET, &d2);
            if (WF_IS_NULL(m)) {
                if (d2 && at->base == &wf_type_property) return property_set(vm, (WfProperty *)attr.u.o, obj, v);
                wf_err_format(vm, &wf_exc_AttributeError, WF_IS_NULL(v) ? "__delete__" : "__set__");
                return -1;
            }
            WfValue args[3] = {attr, obj, v};
            wf_incref(attr);
            wf_incref(m);
            WfValue r = wf_call(vm, m, args, WF_IS_NULL(v) ? 2 : 3, NULL);
            wf_decref(vm, m);
            wf_decref(vm, attr);
            if (WF_IS_NULL(r)) return -1;
            wf_decref(vm, r);
            return 0;
        }
    }
    if (dunder) {
        if (t->dictoffset && strcmp(s, "__dict__") == 0) return set_instance_dict(vm, obj, v);
        if (strcmp(s, "__class__") == 0) {
            if (WF_IS_NULL(v)) {
                wf_err_format(vm, &wf_exc_TypeError, "can't delete __class__ attribute");
                return -1;
            }
            return set_instance_class(vm, obj, v);
        }
    }
    if (!t->dictoffset) {
        if (def || !WF_IS_NULL(attr))
            wf_err_format(vm, &wf_exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, s);
        else
            wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, s);
        return -1;
    }
    return set_own_attr(vm, obj, t, e, name, v);
}

/* ---- calling special methods --------------------------------------------------------- */

/* Calls m (a class attribute of t) as a method of self. */
static WfValue call_method_value(WfVM *vm, WfValue m, WfValue self, WfType *t, const WfValue *args, size_t nargs,
                                 WfObject *kw) {
    size_t nkw = kw ? ((WfTuple *)kw)->n : 0;
    WfValue r;
    wf_incref(m);
    if (wf_type_of(m) == &wf_type_function) {
        WfValue small[8];
        size_t total = nargs + nkw + 1;
        WfValue *buf = total <= 8 ? small : wf_mem_alloc(vm, total * sizeof(WfValue));
        if (!buf) {
            wf_decref(vm, m);
            return WF_NULL;
        }
        buf[0] = self;
        if (total > 1) memcpy(buf + 1, args, (total - 1) * sizeof(WfValue));
        r = wf_call(vm, m, buf, nargs + 1, kw);
        if (buf != small) wf_mem_free(vm, buf);
    } else {
        WfValue b = bind(vm, m, self, t);
        r = WF_IS_NULL(b) ? b : wf_call(vm, b, args, nargs, kw);
        wf_decref(vm, b);
    }
    wf_decref(vm, m);
    return r;
}

/* Calls special method sp of type(self) with args; *found false (no error)
 * when neither a class nor a built-in base provides it. */
static WfValue call_sp(WfVM *vm, WfValue self, int sp, const WfValue *args, size_t nargs, bool *found) {
    WfType *t = wf_type_of(self);
    const WfMethodDef *def;
    WfValue m = sp_lookup(vm, t, sp, &def);
    *found = true;
    if (!WF_IS_NULL(m)) return call_method_value(vm, m, self, t, args, nargs, NULL);
    if (def) return def->fn(vm, (def->flags & WF_METH_CLASS) ? WF_OBJ(t) : self, args, nargs, NULL);
    *found = false;
    return WF_NULL;
}

/* call_sp for methods the slot guarantees to exist: missing is an error. */
static WfValue call_sp_must(WfVM *vm, WfValue self, int sp, const WfValue *args, size_t nargs) {
    bool found;
    WfValue r = call_sp(vm, self, sp, args, nargs, &found);
    if (!found)
        return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", wf_type_name(self),
                             sp_cnames[sp]);
    return r;
}

/* ---- slot trampolines ------------------------------------------------------------------- */

static WfValue check_str_result(WfVM *vm, WfValue r, const char *what) {
    if (!WF_IS_NULL(r) && !wf_is_str(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "%s returned non-string (type %s)", what, wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static WfValue slot_repr(WfVM *vm, WfValue v) {
    return check_str_result(vm, call_sp_must(vm, v, WF_SP_REPR, NULL, 0), "__repr__");
}
static WfValue slot_str(WfVM *vm, WfValue v) {
    return check_str_result(vm, call_sp_must(vm, v, WF_SP_STR, NULL, 0), "__str__");
}
static int slot_hash(WfVM *vm, WfValue v, int64_t *out) {
    WfValue r = call_sp_must(vm, v, WF_SP_HASH, NULL, 0);
    if (WF_IS_NULL(r)) return -1;
    if (!wf_is_int(r)) {
        wf_decref(vm, r);
        wf_err_format(vm, &wf_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A result that fits is the hash itself (-1 is reserved for errors and
     * becomes -2); a big int is reduced by hashing it, as CPython. */
    if (r.tag != WF_TAG_OBJ) {
        *out = r.u.i == -1 ? -2 : r.u.i;
        return 0;
    }
    int rc = wf_hash(vm, r, out);
    wf_decref(vm, r);
    return rc;
}
static WfValue slot_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    WfType *t = wf_type_of(a);
    const WfMethodDef *def;
    WfValue m = sp_lookup(vm, t, WF_SP_LT + op, &def);
    if (!WF_IS_NULL(m)) return call_method_value(vm, m, a, t, &b, 1, NULL);
    /* Not in a class dict: a built-in base's comparison (class C(int)),
     * else object's (identity for ==, != inverting __eq__). */
    WfType *sb = static_base(t);
    if (sb->richcmp) return sb->richcmp(vm, a, b, op);
    if (def) return def->fn(vm, a, &b, 1, NULL);
    return WF_NOTIMPL;
}
static WfValue slot_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    WfType *t = wf_type_of(self);
    const WfMethodDef *def;
    WfValue m = sp_lookup(vm, t, WF_SP_CALL, &def);
    if (WF_IS_NULL(m)) return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not callable", t->name);
    return call_method_value(vm, m, self, t, args, nargs, kw);
}
static WfValue slot_iter(WfVM *vm, WfValue v) {
    WfValue r = call_sp_must(vm, v, WF_SP_ITER, NULL, 0);
    if (!WF_IS_NULL(r) && !wf_type_of(r)->iternext) {
        wf_err_format(vm, &wf_exc_TypeError, "iter() returned non-iterator of type '%s'", wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static WfValue slot_iternext(WfVM *vm, WfValue v) {
    WfValue r = call_sp_must(vm, v, WF_SP_NEXT, NULL, 0);
    if (WF_IS_NULL(r) && wf_err_matches(vm, &wf_exc_StopIteration)) wf_err_clear(vm);
    return r;
}
static int64_t slot_len(WfVM *vm, WfValue v) {
    WfValue r = call_sp_must(vm, v, WF_SP_LEN, NULL, 0);
    if (WF_IS_NULL(r)) return -1;
    int64_t n;
    if (!wf_is_int(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", wf_type_name(r));
        wf_decref(vm, r);
        return -1;
    }
    int rc = wf_index(vm, r, NULL, &n);
    wf_decref(vm, r);
    if (rc < 0) {
        if (wf_err_matches(vm, &wf_exc_IndexError)) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    if (n < 0) {
        wf_err_format(vm, &wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}
static WfValue slot_getitem(WfVM *vm, WfValue o, WfValue k) { return call_sp_must(vm, o, WF_SP_GETITEM, &k, 1); }
static int slot_setitem(WfVM *vm, WfValue o, WfValue k, WfValue v) {
    bool found;
    WfValue r;
    if (WF_IS_NULL(v)) {
        r = call_sp(vm, o, WF_SP_DELITEM, &k, 1, &found);
    } else {
        WfValue args[2] = {k, v};
        r = call_sp(vm, o, WF_SP_SETITEM, args, 2, &found);
    }
    if (!found) {
        WfType *sb = static_base(wf_type_of(o));
        if (sb->setitem) return sb->setitem(vm, o, k, v);
        wf_err_format(vm, &wf_exc_TypeError, WF_IS_NULL(v) ? "'%s' object doesn't support item deletion"
                                                           : "'%s' object does not support item assignment",
                      wf_type_name(o));
        return -1;
    }
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}
static int slot_contains(WfVM *vm, WfValue o, WfValue item) {
    WfValue r = call_sp_must(vm, o, WF_SP_CONTAINS, &item, 1);
    if (WF_IS_NULL(r)) return -1;
    int t = wf_truthy(vm, r);
    wf_decref(vm, r);
    return t;
}
static int slot_truth(WfVM *vm, WfValue v) {
    bool found;
    WfValue r = call_sp(vm, v, WF_SP_BOOL, NULL, 0, &found);
    if (found) {
        if (WF_IS_NULL(r)) return -1;
        if (r.tag != WF_TAG_BOOL) {
            wf_err_format(vm, &wf_exc_TypeError, "__bool__ should return bool, returned %s", wf_type_name(r));
            wf_decref(vm, r);
            return -1;
        }
        return (int)r.u.i;
    }
    WfType *t = wf_type_of(v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    WfType *sb = static_base(t);
    if (sb->truth) return sb->truth(vm, v);
    return 1;
}
static WfValue slot_neg(WfVM *vm, WfValue v) { return call_sp_must(vm, v, WF_SP_NEG, NULL, 0); }
static WfValue slot_pos(WfVM *vm, WfValue v) { return call_sp_must(vm, v, WF_SP_POS, NULL, 0); }
static WfValue slot_abs(WfVM *vm, WfValue v) { return call_sp_must(vm, v, WF_SP_ABS, NULL, 0); }
static WfValue slot_invert(WfVM *vm, WfValue v) { return call_sp_must(vm, v, WF_SP_INVERT, NULL, 0); }
static WfValue slot_index(WfVM *vm, WfValue v) {
    WfValue r = call_sp_must(vm, v, WF_SP_INDEX, NULL, 0);
    if (!WF_IS_NULL(r) && !wf_is_int(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "__index__ returned non-int (type %s)", wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static WfValue slot_int(WfVM *vm, WfValue v) {
    WfValue r = call_sp_must(vm, v, WF_SP_INT, NULL, 0);
    if (!WF_IS_NULL(r) && !wf_is_int(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "__int__ returned non-int (type %s)", wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static WfValue slot_float(WfVM *vm, WfValue v) {
    WfValue r = call_sp_must(vm, v, WF_SP_FLOAT, NULL, 0);
    if (!WF_IS_NULL(r) && r.tag != WF_TAG_FLOAT && !wf_isinstance(r, &wf_type_float)) {
        wf_err_format(vm, &wf_exc_TypeError, "%s.__float__ returned non-float (type %s)", wf_type_name(v),
                      wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static int slot_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    bool found;
    WfValue r;
    if (WF_IS_NULL(v)) {
        WfValue n = WF_OBJ(name);
        r = call_sp(vm, obj, WF_SP_DELATTR, &n, 1, &found);
    } else {
        WfValue args[2] = {WF_OBJ(name), v};
        r = call_sp(vm, obj, WF_SP_SETATTR, args, 2, &found);
    }
    if (!found) return wf_instance_setattr_plain(vm, obj, name, v);
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}

/* __del__: run once per object (gc.h's mark), from its dealloc or from
 * the collector's finalize pass; an exception in it is reported as
 * CPython's unraisable hook does and otherwise ignored. */
static void heap_finalize(WfVM *vm, WfObject *o) {
    if (wf_gc_is_finalized(o)) return;
    wf_gc_set_finalized(o);
    WfType *t = o->type;
    WfValue del = sp_heap(vm, t, WF_SP_DEL);
    if (!WF_IS_NULL(del)) {
        WfValue saved = wf_err_fetch(vm);
        wf_incref(del);
        WfValue r = call_method_value(vm, del, WF_OBJ(o), t, NULL, 0, NULL);
        if (WF_IS_NULL(r)) {
            WfValue exc = wf_err_fetch(vm);
            WfValue rep = wf_repr(vm, del);
            fflush(stdout);
            wf_write_stderr(vm, "Exception ignored in: ", 22);
            if (!WF_IS_NULL(rep)) {
                wf_write_stderr(vm, WF_STR(rep)->data, (size_t)WF_STR(rep)->len);
                wf_decref(vm, rep);
            } else {
                wf_err_clear(vm);
                wf_write_stderr(vm, "<object repr() failed>", 22);
            }
            wf_write_stderr(vm, "\n", 1);
            wf_print_exception(vm, exc);
            wf_decref(vm, exc);
        }
        wf_decref(vm, r);
        wf_decref(vm, del);
        wf_err_clear(vm);
        if (!WF_IS_NULL(saved)) wf_err_restore(vm, saved);
    }
    WfType *b = static_base(t);
    if (b->finalize) b->finalize(vm, o);
}

/* Binary operators, CPython's SLOT1BINFULL: the left operand's method, then
 * the right operand's reflected one, which goes first when the right
 * operand's class is a subclass that overrides it. A method not in any
 * class dict falls back to the built-in base's slot (class C(int)). */
static WfValue bin_left(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *ta = wf_type_of(a);
    const WfMethodDef *def;
    WfValue m = sp_lookup(vm, ta, WF_SP_ADD + op, &def);
    if (!WF_IS_NULL(m)) return call_method_value(vm, m, a, ta, &b, 1, NULL);
    WfBinaryFn f = static_base(ta)->binop[op];
    return f ? f(vm, a, b) : WF_NOTIMPL;
}
static WfValue bin_right(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *tb = wf_type_of(b);
    const WfMethodDef *def;
    WfValue m = sp_lookup(vm, tb, WF_SP_RADD + op, &def);
    if (!WF_IS_NULL(m)) return call_method_value(vm, m, b, tb, &a, 1, NULL);
    WfBinaryFn f = static_base(tb)->binop[op];
    return f ? f(vm, a, b) : WF_NOTIMPL;
}

static const WfBinaryFn bin_slots[WF_BIN_COUNT];
static const WfBinaryFn inp_slots[WF_BIN_COUNT];

static WfValue slot_binop(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *ta = wf_type_of(a), *tb = wf_type_of(b);
    bool do_other = ta != tb && tb->binop[op] == bin_slots[op];
    if (ta->binop[op] == bin_slots[op]) {
        if (do_other && wf_type_is_subtype(tb, ta)) {
            const WfMethodDef *d1, *d2;
            WfValue rb = sp_lookup(vm, tb, WF_SP_RADD + op, &d1);
            WfValue ra = sp_lookup(vm, ta, WF_SP_RADD + op, &d2);
            if (!WF_IS_NULL(rb) && (rb.tag != ra.tag || rb.u.o != ra.u.o)) {
                WfValue r = bin_right(vm, op, a, b);
                if (!WF_IS_NOTIMPL(r)) return r;
                do_other = false;
            }
        }
        WfValue r = bin_left(vm, op, a, b);
        if (!WF_IS_NOTIMPL(r) || ta == tb) return r;
    }
    if (do_other) return bin_right(vm, op, a, b);
    return WF_NOTIMPL;
}
static WfValue slot_inplace(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *ta = wf_type_of(a);
    const WfMethodDef *def;
    WfValue m = sp_lookup(vm, ta, WF_SP_IADD + op, &def);
    if (!WF_IS_NULL(m)) return call_method_value(vm, m, a, ta, &b, 1, NULL);
    WfBinaryFn f = static_base(ta)->inplace[op];
    return f ? f(vm, a, b) : WF_NOTIMPL;
}

#define BIN_SLOTS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
#define DEF_BIN(n)                                                                                   \
    static WfValue slot_bin_##n(WfVM *vm, WfValue a, WfValue b) { return slot_binop(vm, n, a, b); } \
    static WfValue slot_inp_##n(WfVM *vm, WfValue a, WfValue b) { return slot_inplace(vm, n, a, b); }
BIN_SLOTS(DEF_BIN)
#define REF_BIN(n) slot_bin_##n,
#define REF_INP(n) slot_inp_##n,
static const WfBinaryFn bin_slots[WF_BIN_COUNT] = {BIN_SLOTS(REF_BIN)};
static const WfBinaryFn inp_slots[WF_BIN_COUNT] = {BIN_SLOTS(REF_INP)};

/* Attributes of a class whose metaclass is a heap type: the metaclass's
 * data descriptors (a property on the metaclass), then type's lookup (the
 * class's MRO), then the metaclass's other attributes bound to the class
 * (its methods), then the metaclass's __getattr__. */
static WfValue meta_getattr(WfVM *vm, WfValue cls, WfObject *name) {
    WfType *mt = cls.u.o->type;
    WfAttrCacheEntry *e = cache_entry(vm, mt, name);
    if (!e->plain && e->kind != 2) return getattr_nohook(vm, cls, name);
    WfValue r = wf_type_type.getattr(vm, cls, name);
    if (!WF_IS_NULL(r) || !wf_err_matches(vm, &wf_exc_AttributeError)) return r;
    e = cache_entry(vm, mt, name);
    if (!WF_IS_NULL(e->value)) {
        wf_err_clear(vm);
        return getattr_nohook(vm, cls, name);
    }
    WfValue hook = sp_heap(vm, mt, WF_SP_GETATTR);
    if (WF_IS_NULL(hook)) return r;
    wf_err_clear(vm);
    WfValue n = WF_OBJ(name);
    return call_method_value(vm, hook, cls, mt, &n, 1, NULL);
}

/* ---- slot inheritance ------------------------------------------------------------------ */

/* A generic slot pointer, read and written by offset. */
typedef void (*AnyFn)(void);

typedef struct SlotSpec {
    size_t off;              /* offsetof(WfType, slot) */
    int sp[2];               /* special names that define it (-1: none) */
    AnyFn tramp;
} SlotSpec;

#define SLOT(field, a, b, fn) {offsetof(WfType, field), {a, b}, (AnyFn)(fn)}
static const SlotSpec slot_specs[] = {
    SLOT(repr, WF_SP_REPR, -1, slot_repr),
    SLOT(str, WF_SP_STR, -1, slot_str),
    SLOT(call, WF_SP_CALL, -1, slot_call),
    SLOT(iter, WF_SP_ITER, -1, slot_iter),
    SLOT(iternext, WF_SP_NEXT, -1, slot_iternext),
    SLOT(len, WF_SP_LEN, -1, slot_len),
    SLOT(getitem, WF_SP_GETITEM, -1, slot_getitem),
    SLOT(setitem, WF_SP_SETITEM, WF_SP_DELITEM, slot_setitem),
    SLOT(contains, WF_SP_CONTAINS, -1, slot_contains),
    SLOT(truth, WF_SP_BOOL, WF_SP_LEN, slot_truth),
    SLOT(neg, WF_SP_NEG, -1, slot_neg),
    SLOT(pos, WF_SP_POS, -1, slot_pos),
    SLOT(abs, WF_SP_ABS, -1, slot_abs),
    SLOT(invert, WF_SP_INVERT, -1, slot_invert),
    SLOT(index, WF_SP_INDEX, -1, slot_index),
    SLOT(to_int, WF_SP_INT, -1, slot_int),
    SLOT(to_float, WF_SP_FLOAT, -1, slot_float),
};
#undef SLOT

static bool dict_has(WfType *b, WfObject *name) {
    return b->dict && !WF_IS_NULL(wf_dict_get_str(WF_OBJ(b->dict), name));
}

/* The first class of t's MRO that provides a slot: 1 when it is a heap
 * class defining one of the names (use the trampoline), 0 with *out the
 * built-in class's slot, -1 when none does. */
static int slot_source(WfType *t, size_t off, const int *sp, int nsp, AnyFn *out) {
    WfTuple *m = (WfTuple *)t->mro;
    *out = NULL;
    for (size_t i = 0; i < m->n; i++) {
        WfType *b = (WfType *)m->items[i].u.o;
        if (IS_HEAP(b)) {
            for (int k = 0; k < nsp; k++)
                if (sp[k] >= 0 && dict_has(b, HEAP(t)->spname[sp[k]])) return 1;
        } else {
            AnyFn f;
            memcpy(&f, (char *)b + off, sizeof f);
            if (f) {
                *out = f;
                return 0;
            }
        }
    }
    return -1;
}

static void set_slot(WfType *t, size_t off, AnyFn f) { memcpy((char *)t + off, &f, sizeof f); }

/* Fills every slot of t from its MRO (class creation, or after a special
 * method was assigned to the class). */
static void fixup_slots(WfVM *vm, WfType *t) {
    AnyFn f;
    for (size_t i = 0; i < sizeof slot_specs / sizeof slot_specs[0]; i++) {
        const SlotSpec *s = &slot_specs[i];
        int src = slot_source(t, s->off, s->sp, 2, &f);
        set_slot(t, s->off, src == 1 ? s->tramp : f);
    }
    for (int op = 0; op < WF_BIN_COUNT; op++) {
        int sp[2] = {WF_SP_ADD + op, WF_SP_RADD + op};
        int src = slot_source(t, offsetof(WfType, binop) + op * sizeof(WfBinaryFn), sp, 2, &f);
        t->binop[op] = src == 1 ? bin_slots[op] : (WfBinaryFn)f;
        int isp[2] = {WF_SP_IADD + op, -1};
        src = slot_source(t, offsetof(WfType, inplace) + op * sizeof(WfBinaryFn), isp, 1, &f);
        t->inplace[op] = src == 1 ? inp_slots[op] : (WfBinaryFn)f;
    }
    int cmp[6];
    for (int op = 0; op < 6; op++) cmp[op] = WF_SP_LT + op;
    int src = -1;
    {
        /* Six names define richcmp: the first class providing any. */
        WfTuple *m = (WfTuple *)t->mro;
        t->richcmp = NULL;
        for (size_t i = 0; i < m->n && src < 0; i++) {
            WfType *b = (WfType *)m->items[i].u.o;
            if (IS_HEAP(b)) {
                for (int k = 0; k < 6; k++)
                    if (dict_has(b, HEAP(t)->spname[cmp[k]])) src = 1;
            } else if (b->richcmp) {
                t->richcmp = b->richcmp;
                src = 0;
            }
        }
        if (src == 1) t->richcmp = slot_richcmp;
    }
    /* __hash__: None in a class dict makes the class unhashable (a class
     * defining __eq__ without __hash__ gets that None, see class_new). */
    t->hash = NULL;
    t->flags &= ~(uint32_t)WF_TPFLAG_UNHASHABLE;
    {
        WfTuple *m = (WfTuple *)t->mro;
        for (size_t i = 0; i < m->n; i++) {
            WfType *b = (WfType *)m->items[i].u.o;
            if (IS_HEAP(b)) {
                WfValue h = b->dict ? wf_dict_get_str(WF_OBJ(b->dict), HEAP(t)->spname[WF_SP_HASH]) : WF_NULL;
                if (WF_IS_NULL(h)) continue;
                if (WF_IS_NONE(h)) t->flags |= WF_TPFLAG_UNHASHABLE;
                else t->hash = slot_hash;
                break;
            }
            if (b->hash) {
                t->hash = b->hash;
                break;
            }
            if (b->flags & WF_TPFLAG_UNHASHABLE) {
                t->flags |= WF_TPFLAG_UNHASHABLE;
                break;
            }
        }
    }
    int del[2] = {WF_SP_DEL, -1};
    int fsrc = slot_source(t, offsetof(WfType, finalize), del, 1, &f);
    t->finalize = fsrc == 1 ? heap_finalize : (void (*)(WfVM *, WfObject *))f;
    if (static_base(t) == &wf_type_type) {
        /* Classes of a metaclass: type's attribute protocol, then the
         * metaclass's attributes. */
        t->getattr = meta_getattr;
        t->setattr = wf_type_type.setattr;
        return;
    }
    /* Attribute access: the plain instance paths unless a class hooks it. */
    int ga[2] = {WF_SP_GETATTRIBUTE, WF_SP_GETATTR};
    t->getattr = slot_source(t, offsetof(WfType, getattr), ga, 2, &f) == 1 ? slot_getattr_hook : wf_instance_getattr;
    int sa[2] = {WF_SP_SETATTR, WF_SP_DELATTR};
    t->setattr = slot_source(t, offsetof(WfType, setattr), sa, 2, &f) == 1 ? slot_setattr : wf_instance_setattr_plain;
    (void)vm;
}

void wf_class_update_slots(WfVM *vm, WfType *t) {
    if (IS_HEAP(t) && t->mro) fixup_slots(vm, t);
}

/* ---- heap type instances --------------------------------------------------------------- */

/* The __slots__ values of an instance (empty for classes without). */
static inline WfValue *slot_values(WfObject *o, WfType *t, size_t *n) {
    WfHeapType *h = HEAP(t);
    *n = (h->slots_end - h->slots_start) / sizeof(WfValue);
    return (WfValue *)(layout_base(o, t) + h->slots_start);
}

/* Drops the instance's __slots__ values, dict and inline values. */
static void release_own_attrs(WfVM *vm, WfObject *o, WfType *t) {
    if (HEAP(t)->slots_end != HEAP(t)->slots_start) {
        size_t ns;
        WfValue *sv = slot_values(o, t, &ns);
        for (size_t i = 0; i < ns; i++) {
            WfValue x = sv[i];
            sv[i] = WF_NULL;
            wf_decref(vm, x);
        }
    }
    if (!t->dictoffset) return;
    InlineArea *a = area_of(o, t);
    WfValue d = a->dict;
    a->dict = WF_NULL;
    wf_decref(vm, d);
    if (HEAP(t)->inline_ok)
        for (uint64_t i = 0; i < a->cap; i++) {
            WfValue x = a->v[i];
            a->v[i] = WF_NULL;
            wf_decref(vm, x);
        }
}

static void heap_instance_dealloc(WfVM *vm, WfObject *o) {
    WfType *t = o->type;
    if (t->finalize == heap_finalize && !wf_gc_is_finalized(o)) {
        /* __del__ runs on a live object; if it stored self somewhere the
         * object lives on, finalized for good (CPython's PEP 442). */
        o->refcnt = 1;
        t->finalize(vm, o);
        if (--o->refcnt != 0) return;
        t = o->type;
    }
    release_own_attrs(vm, o, t);
    WfType *b = static_base(t);
    if (b == &wf_type_object) {
        wf_obj_free(vm, o);
    } else if (b == &wf_type_tuple) {
        /* tuple's dealloc hides the items by zeroing the count, which would
         * move the dict area (var_items_end) under a collection that its
         * decrefs trigger; emptying the slots hides them as well. */
        WfTuple *tu = (WfTuple *)o;
        o->refcnt = 1; /* see list.c list_dealloc */
        for (size_t i = tu->n; i-- > 0;) {
            WfValue x = tu->items[i];
            tu->items[i] = WF_NULL;
            wf_decref(vm, x);
        }
        wf_obj_free(vm, o);
    } else if (b->dealloc) {
        b->dealloc(vm, o);
    } else {
        wf_obj_free(vm, o);
    }
}

static void heap_instance_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfType *t = o->type;
    size_t ns;
    WfValue *sv = slot_values(o, t, &ns);
    for (size_t i = 0; i < ns; i++)
        if (WF_IS_OBJ(sv[i])) visit(sv[i].u.o, arg);
    if (t->dictoffset) {
        InlineArea *a = area_of(o, t);
        if (WF_IS_OBJ(a->dict)) visit(a->dict.u.o, arg);
        if (HEAP(t)->inline_ok)
            for (uint64_t i = 0; i < a->cap; i++)
                if (WF_IS_OBJ(a->v[i])) visit(a->v[i].u.o, arg);
    }
    visit(&t->ob, arg);
    WfType *b = static_base(t);
    if (b && b->traverse) b->traverse(o, visit, arg);
}

static void heap_instance_clear(WfVM *vm, WfObject *o) {
    WfType *t = o->type;
    release_own_attrs(vm, o, t);
    WfType *b = static_base(t);
    if (b && b->clear) b->clear(vm, o);
}

/* Calls fn(first, *args, **kw). */
static WfValue call_with_first(WfVM *vm, WfValue fn, WfValue first, const WfValue *args, size_t nargs, WfObject *kw) {
    size_t nkw = kw ? ((WfTuple *)kw)->n : 0, total = nargs + nkw + 1;
    WfValue small[16];
    WfValue *buf = total <= 16 ? small : wf_mem_alloc(vm, total * sizeof(WfValue));
    if (!buf) return WF_NULL;
    buf[0] = first;
    if (total > 1) memcpy(buf + 1, args, (total - 1) * sizeof(WfValue));
    wf_incref(fn);
    WfValue r = wf_call(vm, fn, buf, nargs + 1, kw);
    wf_decref(vm, fn);
    if (buf != small) wf_mem_free(vm, buf);
    return r;
}

static bool has_own_init(const WfType *b) {
    const WfMethodDef *md = own_methods(b);
    if (md && b != &wf_type_object)
        for (; md->name; md++)
            if (strcmp(md->name, "__init__") == 0) return true;
    return false;
}

/* Calling a class: __new__, then __init__ when __new__ gave an instance
 * (type.__call__). */
WfValue wf_class_instantiate(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kwnames) {
    const WfMethodDef *ndef, *idef;
    WfValue newm = sp_lookup(vm, type, WF_SP_NEW, &ndef);
    WfValue initm = sp_lookup(vm, type, WF_SP_INIT, &idef);
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    bool heap_init = !WF_IS_NULL(initm);
    WfValue self;
    if (!WF_IS_NULL(newm)) {
        WfValue fn = wf_type_of(newm) == &wf_type_staticmethod ? ((WfWrapper *)newm.u.o)->func : newm;
        self = call_with_first(vm, fn, WF_OBJ(type), args, nargs, kwnames);
        if (WF_IS_NULL(self) || !wf_isinstance(self, type)) return self;
        if (!heap_init) {
            /* A built-in base's __init__ still runs (class P(list) with a
             * __new__); object's accepts the arguments here. */
            if (idef && idef != &wf_object_methods[0]) {
                WfValue r = idef->fn(vm, self, args, nargs, kwnames);
                if (WF_IS_NULL(r)) {
                    wf_decref(vm, self);
                    return r;
                }
                wf_decref(vm, r);
            }
            return self;
        }
    } else {
        WfType *base = static_base(type);
        if (base == &wf_type_object) {
            if (!heap_init && (nargs || nkw))
                return wf_err_format(vm, &wf_exc_TypeError, "%s() takes no arguments", type->name);
            WfObject *o = alloc_instance(vm, type);
            if (!o) return WF_NULL;
            self = WF_OBJ(o);
        } else {
            /* CPython's type_call: the built-in base's __new__ allocates the
             * instance (sized for the class), then __init__ runs. Immutable
             * bases (int, tuple) take the arguments in __new__; mutable
             * ones (list, dict, set) fill the instance in their __init__,
             * which a class's own __init__ replaces (it may call it).
             * Exceptions keep the arguments as .args either way. */
            bool by_init = has_own_init(base) && !(base->flags & (WF_TPFLAG_EXC | WF_TPFLAG_TYPE));
            self = base->new_(vm, type, by_init ? NULL : args, by_init ? 0 : nargs, by_init ? NULL : kwnames);
            if (WF_IS_NULL(self)) return self;
            if (by_init && !heap_init && idef) {
                WfValue r = idef->fn(vm, self, args, nargs, kwnames);
                if (WF_IS_NULL(r)) {
                    wf_decref(vm, self);
                    return r;
                }
                wf_decref(vm, r);
            }
        }
    }
    if (heap_init) {
        WfValue r;
        if (wf_type_of(initm) == &wf_type_function) {
            r = call_with_first(vm, initm, self, args, nargs, kwnames);
        } else {
            wf_incref(initm);
            WfValue bm = bind(vm, initm, self, type);
            wf_decref(vm, initm);
            r = WF_IS_NULL(bm) ? bm : wf_call(vm, bm, args, nargs, kwnames);
            wf_decref(vm, bm);
        }
        if (WF_IS_NULL(r)) {
            wf_decref(vm, self);
            return r;
        }
        if (!WF_IS_NONE(r)) {
            wf_err_format(vm, &wf_exc_TypeError, "__init__() should return None, not '%s'", wf_type_name(r));
            wf_decref(vm, r);
            wf_decref(vm, self);
            return WF_NULL;
        }
    }
    return self;
}

/* A heap class's new_ slot: its metaclass's __call__ when it has one
 * (type has none), else type.__call__. */
static WfValue heap_type_call(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kwnames) {
    WfType *mt = type->ob.type;
    if (mt->call) return mt->call(vm, WF_OBJ(type), args, nargs, kwnames);
    return wf_class_instantiate(vm, type, args, nargs, kwnames);
}

int wf_class_fast_new(WfVM *vm, WfType *t, WfValue *self, WfFunction **init) {
    if (!IS_HEAP(t) || t->new_ != heap_type_call || t->ob.type->call || static_base(t) != &wf_type_object)
        return 0;
    const WfMethodDef *def;
    if (!WF_IS_NULL(sp_lookup(vm, t, WF_SP_NEW, &def))) return 0;
    WfValue initm = sp_lookup(vm, t, WF_SP_INIT, &def);
    if (WF_IS_NULL(initm) || wf_type_of(initm) != &wf_type_function ||
        (((WfFunction *)initm.u.o)->code->flags & WF_CO_GENERATOR))
        return 0;
    WfObject *o = alloc_instance(vm, t);
    if (!o) return -1;
    *self = WF_OBJ(o);
    *init = (WfFunction *)initm.u.o;
    return 1;
}

/* ---- class creation ------------------------------------------------------------------------- */

/* C3 linearisation of bases into an MRO tuple starting with t. */
static WfValue c3_mro(WfVM *vm, WfType *t, WfTuple *bases) {
    size_t nb = bases->n;
    for (size_t i = 0; i < nb; i++)
        for (size_t j = i + 1; j < nb; j++)
            if (bases->items[i].u.o == bases->items[j].u.o)
                return wf_err_format(vm, &wf_exc_TypeError, "duplicate base class %s",
                                     ((WfType *)bases->items[i].u.o)->name);
    /* Sequences to merge: each base's MRO, then the list of bases. */
    WfValue *seqs = wf_mem_alloc(vm, sizeof(WfValue) * (nb + 1));
    size_t *pos = wf_mem_alloc(vm, sizeof(size_t) * (nb + 1));
    WfValue result = WF_NULL;
    size_t nseq = 0;
    if (!seqs || !pos) goto fail;
    result = wf_list_new(vm, 8);
    if (WF_IS_NULL(result) || wf_list_append(vm, result, WF_OBJ(t)) < 0) goto fail;
    for (size_t i = 0; i < nb; i++) {
        WfType *b = (WfType *)bases->items[i].u.o;
        if (b->mro) {
            seqs[i] = wf_ref(WF_OBJ(b->mro));
        } else {
            size_t n = 0;
            for (WfType *x = b; x; x = x->base) n++;
            seqs[i] = wf_tuple_new(vm, n);
            if (WF_IS_NULL(seqs[i])) goto fail;
            n = 0;
            for (WfType *x = b; x; x = x->base) WF_TUPLE(seqs[i])->items[n++] = wf_ref(WF_OBJ(x));
        }
        nseq++;
        pos[i] = 0;
    }
    seqs[nb] = wf_tuple_from_array(vm, bases->items, nb);
    if (WF_IS_NULL(seqs[nb])) goto fail;
    nseq++;
    pos[nb] = 0;
    for (;;) {
        bool empty = true;
        WfObject *cand = NULL;
        for (size_t i = 0; i <= nb && !cand; i++) {
            WfTuple *s = WF_TUPLE(seqs[i]);
            if (pos[i] >= s->n) continue;
            empty = false;
            WfObject *head = s->items[pos[i]].u.o;
            bool in_tail = false;
            for (size_t j = 0; j <= nb && !in_tail; j++) {
                WfTuple *s2 = WF_TUPLE(seqs[j]);
                for (size_t k = pos[j] + 1; k < s2->n; k++)
                    if (s2->items[k].u.o == head) {
                        in_tail = true;
                        break;
                    }
            }
            if (!in_tail) cand = head;
        }
        if (empty) break;
        if (!cand) {
            /* CPython names the heads still waiting, each once. */
            WfBuf b;
            wf_buf_init(&b);
            wf_buf_puts(vm, &b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            bool first = true;
            for (size_t i = 0; i <= nb; i++) {
                WfTuple *s = WF_TUPLE(seqs[i]);
                if (pos[i] >= s->n) continue;
                WfObject *head = s->items[pos[i]].u.o;
                bool seen = false;
                for (size_t j = 0; j < i && !seen; j++) {
                    WfTuple *s2 = WF_TUPLE(seqs[j]);
                    seen = pos[j] < s2->n && s2->items[pos[j]].u.o == head;
                }
                if (seen) continue;
                if (!first) wf_buf_puts(vm, &b, ", ");
                first = false;
                wf_buf_puts(vm, &b, ((WfType *)head)->name);
            }
            WfValue msg = wf_buf_finish(vm, &b);
            if (!WF_IS_NULL(msg)) {
                wf_err_set_value(vm, &wf_exc_TypeError, msg);
                wf_decref(vm, msg);
            }
            goto fail;
        }
        if (wf_list_append(vm, result, WF_OBJ(cand)) < 0) goto fail;
        for (size_t i = 0; i <= nb; i++) {
            WfTuple *s = WF_TUPLE(seqs[i]);
            if (pos[i] < s->n && s->items[pos[i]].u.o == cand) pos[i]++;
        }
    }
    for (size_t i = 0; i < nseq; i++) wf_decref(vm, seqs[i]);
    wf_mem_free(vm, seqs);
    wf_mem_free(vm, pos);
    WfValue tup = wf_tuple_from_array(vm, WF_LIST(result)->items, WF_LIST(result)->n);
    wf_decref(vm, result);
    return tup;
fail:
    if (seqs)
        for (size_t i = 0; i < nseq; i++) wf_decref(vm, seqs[i]);
    wf_decref(vm, result);
    wf_mem_free(vm, seqs);
    wf_mem_free(vm, pos);
    return WF_NULL;
}

/* Class-namespace conventions CPython applies at creation: __new__ is a
 * staticmethod and __init_subclass__ a classmethod when given as plain
 * functions; __doc__ and __module__ always exist; defining __eq__ without
 * __hash__ makes instances unhashable (__hash__ = None). */
static int prepare_namespace(WfVM *vm, WfType *t, WfValue d) {
    static const struct { int sp; WfType *wrap; } wraps[] = {{WF_SP_NEW, &wf_type_staticmethod},
                                                             {WF_SP_INIT_SUBCLASS, &wf_type_classmethod}};
    for (size_t i = 0; i < 2; i++) {
        WfObject *k = HEAP(t)->spname[wraps[i].sp];
        WfValue f = wf_dict_get_str(d, k);
        if (!WF_IS_NULL(f) && wf_type_of(f) == &wf_type_function) {
            WfWrapper *w = (WfWrapper *)wf_obj_alloc(vm, wraps[i].wrap, sizeof(WfWrapper));
            if (!w) return -1;
            w->func = wf_ref(f);
            int rc = wf_dict_set(vm, d, WF_OBJ(k), WF_OBJ(w));
            wf_obj_decref(vm, &w->ob);
            if (rc < 0) return -1;
        }
    }
    WfObject *doc = wf_str_intern_cstr(vm, "__doc__");
    if (!doc) return -1;
    if (WF_IS_NULL(wf_dict_get_str(d, doc)) && wf_dict_set(vm, d, WF_OBJ(doc), WF_NONE) < 0) return -1;
    WfObject *mod = wf_str_intern_cstr(vm, "__module__");
    if (!mod) return -1;
    if (WF_IS_NULL(wf_dict_get_str(d, mod)) && vm->frame && vm->frame->func) {
        WfObject *nk = wf_str_intern_cstr(vm, "__name__");
        WfValue gname = nk ? wf_dict_get_str(vm->frame->func->globals, nk) : WF_NULL;
        if (!WF_IS_NULL(gname) && wf_dict_set(vm, d, WF_OBJ(mod), gname) < 0) return -1;
    }
    if (!WF_IS_NULL(wf_dict_get_str(d, HEAP(t)->spname[WF_SP_EQ])) &&
        WF_IS_NULL(wf_dict_get_str(d, HEAP(t)->spname[WF_SP_HASH])) &&
        wf_dict_set(vm, d, WF_OBJ(HEAP(t)->spname[WF_SP_HASH]), WF_NONE) < 0)
        return -1;
    return 0;
}

/* The interned special names: copied from a heap base (same VM), else
 * interned once here so lookups at call time never allocate. */
static int intern_special_names(WfVM *vm, WfHeapType *h, WfTuple *bases) {
    for (size_t i = 0; i < bases->n; i++) {
        WfType *b = (WfType *)bases->items[i].u.o;
        if (IS_HEAP(b)) {
            memcpy(h->spname, HEAP(b)->spname, sizeof h->spname);
            return 0;
        }
    }
    for (int i = 0; i < WF_SP_COUNT; i++) {
        h->spname[i] = wf_str_intern_cstr(vm, sp_cnames[i]);
        if (!h->spname[i]) return -1;
    }
    return 0;
}

/* After creation: __set_name__ on the namespace's descriptors, then the
 * parent's __init_subclass__ with the class keywords. */
static int finish_class(WfVM *vm, WfType *t, WfObject *kwnames, const WfValue *kwvals) {
    WfValue items = wf_dict_items_list(vm, WF_OBJ(t->dict));
    if (WF_IS_NULL(items)) return -1;
    WfList *l = WF_LIST(items);
    for (size_t i = 0; i < l->n; i++) {
        WfValue k = WF_TUPLE(l->items[i])->items[0], v = WF_TUPLE(l->items[i])->items[1];
        WfType *vt = wf_type_of(v);
        if (vt == &wf_type_property) {
            WfProperty *p = (WfProperty *)v.u.o;
            WfValue old = p->name;
            p->name = wf_ref(k);
            wf_decref(vm, old);
        } else if (IS_HEAP(vt)) {
            WfValue sn = sp_heap(vm, vt, WF_SP_SET_NAME);
            if (WF_IS_NULL(sn)) continue;
            WfValue args[2] = {WF_OBJ(t), k};
            WfValue r = call_method_value(vm, sn, v, vt, args, 2, NULL);
            if (WF_IS_NULL(r)) {
                wf_decref(vm, items);
                return -1;
            }
            wf_decref(vm, r);
        }
    }
    wf_decref(vm, items);
    /* super(t, t).__init_subclass__(**kw): the first class after t. */
    WfTuple *m = (WfTuple *)t->mro;
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    for (size_t i = 1; i < m->n; i++) {
        WfType *b = (WfType *)m->items[i].u.o;
        if (!IS_HEAP(b)) break;
        WfValue f = b->dict ? wf_dict_get_str(WF_OBJ(b->dict), HEAP(t)->spname[WF_SP_INIT_SUBCLASS]) : WF_NULL;
        if (WF_IS_NULL(f)) continue;
        if (wf_type_of(f) == &wf_type_classmethod) f = ((WfWrapper *)f.u.o)->func;
        WfValue r = call_with_first(vm, f, WF_OBJ(t), kwvals, 0, kwnames);
        if (WF_IS_NULL(r)) return -1;
        wf_decref(vm, r);
        return 0;
    }
    if (nkw) {
        wf_err_format(vm, &wf_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments", t->name);
        return -1;
    }
    return 0;
}

/* CPython's solid_base: the class whose instance layout t's instances
 * have, t itself or its nearest ancestor that added to its base's layout
 * (own __slots__, or a built-in type larger than its base). */
static WfType *solid_base(WfType *t) {
    while (IS_HEAP(t) && !HEAP(t)->nslots_own) t = t->base;
    if (IS_HEAP(t)) return t;
    while (t->base && t->base->size == t->size && t->base->itemsize == t->itemsize) t = t->base;
    return t;
}

/* "__x" in class C names "_C__x" (CPython's _Py_Mangle). Returns an
 * interned str, NULL on error. */
static WfObject *mangle(WfVM *vm, const char *cls, WfStr *name) {
    const char *n = name->data;
    size_t len = (size_t)name->len;
    while (*cls == '_') cls++;
    if (len < 2 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_') || !*cls ||
        memchr(n, '.', len))
        return wf_str_intern(vm, n, len);
    WfValue m = wf_str_printf(vm, "_%s%s", cls, n);
    if (WF_IS_NULL(m)) return NULL;
    WfObject *r = wf_str_intern(vm, WF_STR(m)->data, (size_t)WF_STR(m)->len);
    wf_decref(vm, m);
    return r;
}

/* The namespace's __slots__: *out a sorted list of the (mangled) names
 * that get a member descriptor, WF_NULL when there is no __slots__;
 * *want_dict when '__dict__' is among them ('__weakref__' is accepted and
 * has no effect: there are no weak references). */
static int read_slots(WfVM *vm, const char *cls, WfType *t, WfValue ns, WfValue *out, bool *want_dict) {
    *out = WF_NULL;
    *want_dict = false;
    WfValue sl = wf_dict_get_str(ns, HEAP(t)->spname[WF_SP_SLOTS]);
    if (WF_IS_NULL(sl)) return 0;
    WfValue items = wf_is_str(sl) ? wf_tuple_pack(vm, 1, sl) : wf_list_from_iterable(vm, sl);
    if (WF_IS_NULL(items)) return -1;
    const WfValue *iv = wf_is_tuple(items) ? WF_TUPLE(items)->items : WF_LIST(items)->items;
    size_t n = wf_is_tuple(items) ? WF_TUPLE(items)->n : WF_LIST(items)->n;
    WfValue names = wf_list_new(vm, n);
    if (WF_IS_NULL(names)) goto fail;
    for (size_t i = 0; i < n; i++) {
        WfValue x = iv[i];
        if (!wf_is_str(x)) {
            wf_err_format(vm, &wf_exc_TypeError, "__slots__ items must be strings, not '%s'", wf_type_name(x));
            goto fail;
        }
        if (!wf_str_is_identifier(WF_STR(x))) {
            wf_err_format(vm, &wf_exc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (strcmp(WF_STR(x)->data, "__dict__") == 0) {
            if (*want_dict) {
                wf_err_format(vm, &wf_exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            *want_dict = true;
            continue;
        }
        if (strcmp(WF_STR(x)->data, "__weakref__") == 0) continue;
        WfObject *m = mangle(vm, cls, WF_STR(x));
        if (!m || wf_list_append(vm, names, WF_OBJ(m)) < 0) goto fail;
    }
    wf_decref(vm, items);
    if (wf_list_sort(vm, names, WF_NULL, false) < 0) {
        wf_decref(vm, names);
        return -1;
    }
    *out = names;
    return 0;
fail:
    wf_decref(vm, items);
    wf_decref(vm, names);
    return -1;
}

/* Puts a member descriptor for each __slots__ name into the class dict d
 * (a copy of the namespace ns), their values at t's own slot offsets. A
 * name given twice gets the later offset, as in CPython. */
static int add_members(WfVM *vm, WfType *t, WfValue ns, WfValue d, WfValue names) {
    WfList *l = WF_LIST(names);
    size_t off = HEAP(t)->slots_end - l->n * sizeof(WfValue);
    for (size_t i = 0; i < l->n; i++, off += sizeof(WfValue)) {
        if (!WF_IS_NULL(wf_dict_get_str(ns, l->items[i].u.o))) {
            wf_err_format(vm, &wf_exc_ValueError, "'%s' in __slots__ conflicts with class variable",
                          WF_STR(l->items[i])->data);
            return -1;
        }
        WfValue m = member_make(vm, t, l->items[i].u.o, off);
        if (WF_IS_NULL(m)) return -1;
        int rc = wf_dict_set(vm, d, l->items[i], m);
        wf_decref(vm, m);
        if (rc < 0) return -1;
    }
    return 0;
}

/* Where instances keep their state. Built-in base, then the __slots__
 * values of the heap classes in the MRO, then the dict area (inline values
 * for classes whose built-in base is object), which is last because its
 * size varies per instance. A class's own slots go right after its base's,
 * so their offsets hold for every subclass; the dict area moves. Instances
 * of str and tuple subclasses keep the dict slot after their items. */
static int set_layout(WfVM *vm, WfType *t, WfType *base, WfTuple *bases, WfValue slots, bool want_dict) {
    WfHeapType *h = HEAP(t);
    WfType *ss = h->static_base;
    size_t nslots = WF_IS_NULL(slots) ? 0 : WF_LIST(slots)->n;
    bool var = ss->itemsize != 0;
    /* CPython's int and type are variable-sized too, and its str is not. */
    if (nslots && (ss->flags & (WF_TPFLAG_TUPLE | WF_TPFLAG_INT | WF_TPFLAG_TYPE))) {
        wf_err_format(vm, &wf_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", ss->name);
        return -1;
    }
    if (ss == &wf_type_type) {
        /* A metaclass: its instances are classes, whose namespace is
         * their __dict__. */
        h->slots_start = h->slots_end = sizeof(WfHeapType);
        t->dictoffset = 0;
        t->size = sizeof(WfHeapType);
        return 0;
    }
    /* Exceptions always have a __dict__ (their own, in WfException). */
    bool base_dict = (ss->flags & WF_TPFLAG_EXC) != 0;
    for (size_t i = 0; i < bases->n; i++)
        if (((WfType *)bases->items[i].u.o)->dictoffset) base_dict = true;
    if (want_dict && base_dict) {
        wf_err_format(vm, &wf_exc_TypeError, "__dict__ slot disallowed: we already got one");
        return -1;
    }
    bool has_dict = WF_IS_NULL(slots) || want_dict || base_dict;
    if (IS_HEAP(base)) {
        h->slots_start = HEAP(base)->slots_start;
        h->slots_end = HEAP(base)->slots_end;
    } else {
        h->slots_start = h->slots_end = var ? 0 : (ss->size + 15) & ~(size_t)15;
    }
    h->slots_end += nslots * sizeof(WfValue);
    h->nslots_own = (uint32_t)nslots;
    h->inline_ok = ss == &wf_type_object && has_dict;
    t->itemsize = ss->itemsize;
    if (var) {
        /* Offsets from the end of the items; size counts what follows
         * them on top of the built-in type's (wf_class_var_size). */
        t->dictoffset = has_dict ? SIZE_MAX : 0; /* SIZE_MAX: "has one", see area_of */
        t->size = ss->size + h->slots_end + (has_dict ? sizeof(WfValue) : 0);
    } else if (!has_dict) {
        t->dictoffset = 0;
        t->size = h->slots_end;
    } else {
        t->dictoffset = h->slots_end;
        t->size = t->dictoffset + (h->inline_ok ? sizeof(InlineArea) : sizeof(WfValue));
    }
    return 0;
}

static WfValue class_new(WfVM *vm, WfType *meta, const char *name, WfValue bases, WfValue ns, WfObject *kwnames,
                         const WfValue *kwvals) {
    WfTuple *bt = WF_TUPLE(bases);
    WfValue own_bases = bt->n == 0 ? wf_tuple_pack(vm, 1, WF_OBJ(&wf_type_object)) : wf_ref(bases);
    if (WF_IS_NULL(own_bases)) return own_bases;
    bt = WF_TUPLE(own_bases);
    WfType *mt = wf_class_calculate_meta(vm, meta, own_bases);
    if (!mt) {
        wf_decref(vm, own_bases);
        return WF_NULL;
    }
    /* CPython's best_base: the base whose layout the instances take; every
     * other base's layout must be a prefix of it. */
    WfType *base = NULL, *winner = NULL;
    for (size_t i = 0; i < bt->n; i++) {
        WfValue b = bt->items[i];
        if (!wf_is_type(b)) {
            wf_decref(vm, own_bases);
            return wf_err_format(vm, &wf_exc_TypeError, "bases must be types");
        }
        WfType *bty = (WfType *)b.u.o;
        if (!(bty->flags & WF_TPFLAG_BASETYPE)) {
            wf_decref(vm, own_bases);
            return wf_err_format(vm, &wf_exc_TypeError, "type '%s' is not an acceptable base type", bty->name);
        }
        WfType *cand = solid_base(bty);
        if (!winner || wf_type_is_subtype(cand, winner)) {
            if (!winner || cand != winner) base = bty;
            winner = cand;
        } else if (!wf_type_is_subtype(winner, cand)) {
            wf_decref(vm, own_bases);
            return wf_err_format(vm, &wf_exc_TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    WfHeapType *h = (WfHeapType *)wf_obj_alloc_gc(vm, mt, sizeof(WfHeapType));
    if (!h) {
        wf_decref(vm, own_bases);
        return WF_NULL;
    }
    WfType *t = &h->type;
    /* Start from the best base's slots, then make it ours. */
    WfObject head = t->ob;
    memcpy(t, base, sizeof(WfType));
    t->ob = head;
    t->base = NULL;
    t->dict = t->mro = t->bases = NULL;
    t->methods = NULL;
    t->getsets = NULL;
    t->doc = NULL;
    t->name = NULL;
    t->flags = WF_TPFLAG_HEAPTYPE;
    size_t nlen = strlen(name);
    char *nm = wf_mem_alloc(vm, nlen + 1);
    if (!nm) {
        wf_obj_decref(vm, &t->ob);
        wf_decref(vm, own_bases);
        return WF_NULL;
    }
    memcpy(nm, name, nlen + 1);
    t->name = nm;
    /* type->base is an owned reference: instances' deallocation may need
     * it after the collector cleared the MRO. */
    t->base = base;
    wf_obj_incref(&base->ob);
    h->static_base = static_base(base);
    t->bases = own_bases.u.o;
    t->flags = (base->flags & (WF_TPFLAG_EXC | WF_TPFLAG_INT | WF_TPFLAG_FLOAT | WF_TPFLAG_STR | WF_TPFLAG_TUPLE |
                               WF_TPFLAG_LIST | WF_TPFLAG_DICT | WF_TPFLAG_TYPE)) |
               WF_TPFLAG_HEAPTYPE | WF_TPFLAG_BASETYPE | WF_TPFLAG_GC;
    /* Every change of any class namespace moves the epoch (class.h). */
    if (++vm->next_type_version == 0) ++vm->next_type_version;
    t->version = vm->next_type_version;
    /* A metaclass's instances are classes: they keep type's slots. */
    if (h->static_base != &wf_type_type) {
        t->dealloc = heap_instance_dealloc;
        t->traverse = heap_instance_traverse;
        t->clear = heap_instance_clear;
    }
    t->new_ = heap_type_call;
    WfValue slots = WF_NULL;
    bool want_dict;
    if (intern_special_names(vm, h, bt) < 0 || read_slots(vm, name, t, ns, &slots, &want_dict) < 0 ||
        set_layout(vm, t, base, bt, slots, want_dict) < 0)
        goto fail;
    h->ninline = 4;
    if (IS_HEAP(base) && HEAP(base)->ninline > h->ninline) h->ninline = HEAP(base)->ninline;
    if (h->inline_ok) {
        WfValue kd = wf_dict_new(vm);
        if (WF_IS_NULL(kd)) goto fail;
        h->keydict = kd.u.o;
    }
    WfValue d = wf_dict_copy(vm, ns);
    if (WF_IS_NULL(d)) goto fail;
    t->dict = d.u.o;
    if (!WF_IS_NULL(slots) && add_members(vm, t, ns, d, slots) < 0) goto fail;
    if (prepare_namespace(vm, t, d) < 0) goto fail;
    WfValue mro = c3_mro(vm, t, bt);
    if (WF_IS_NULL(mro)) goto fail;
    t->mro = mro.u.o;
    fixup_slots(vm, t);
    if (finish_class(vm, t, kwnames, kwvals) < 0) goto fail;
    wf_decref(vm, slots);
    return WF_OBJ(t);
fail:
    wf_decref(vm, slots);
    wf_obj_decref(vm, &t->ob);
    return WF_NULL;
}

WfValue wf_class_new(WfVM *vm, const char *name, WfValue bases, WfValue ns) {
    return class_new(vm, &wf_type_type, name, bases, ns, NULL, NULL);
}

WfValue wf_class_new_meta(WfVM *vm, WfType *meta, const char *name, WfValue bases, WfValue ns, WfObject *kwnames,
                          const WfValue *kwvals) {
    return class_new(vm, meta, name, bases, ns, kwnames, kwvals);
}

WfValue wf_class_type_call(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kwnames) {
    WfValue cls = wf_type_type.new_(vm, &wf_type_type, args, nargs, kwnames);
    if (WF_IS_NULL(cls) || nargs != 3) return cls;
    WfType *mt = cls.u.o->type;
    WfValue init = sp_heap(vm, mt, WF_SP_INIT);
    if (WF_IS_NULL(init)) return cls;
    WfValue r = call_method_value(vm, init, cls, mt, args, nargs, kwnames);
    if (WF_IS_NULL(r)) {
        wf_decref(vm, cls);
        return r;
    }
    wf_decref(vm, r);
    return cls;
}

void wf_heap_type_dealloc(WfVM *vm, WfObject *o) {
    WfType *t = (WfType *)o;
    wf_obj_xdecref(vm, t->dict);
    wf_obj_xdecref(vm, t->mro);
    wf_obj_xdecref(vm, t->bases);
    if (t->base) wf_obj_decref(vm, &t->base->ob);
    for (uint32_t i = 0; i < HEAP(t)->nkeys; i++) wf_obj_decref(vm, HEAP(t)->keys[i]);
    wf_obj_xdecref(vm, HEAP(t)->keydict);
    wf_mem_free(vm, (void *)t->name);
    wf_obj_free(vm, o);
}

void wf_heap_type_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfType *t = (WfType *)o;
    if (!IS_HEAP(t)) return;
    if (IS_HEAP(o->type)) visit(&o->type->ob, arg); /* a metaclass */
    if (t->dict) visit(t->dict, arg);
    if (t->mro) visit(t->mro, arg);
    if (t->bases) visit(t->bases, arg);
    if (t->base) visit(&t->base->ob, arg);
    if (HEAP(t)->keydict) visit(HEAP(t)->keydict, arg);
}

void wf_heap_type_clear(WfVM *vm, WfObject *o) {
    WfType *t = (WfType *)o;
    if (!IS_HEAP(t)) return;
    WfObject *d = t->dict, *m = t->mro, *b = t->bases;
    t->dict = t->mro = t->bases = NULL;
    /* Cached lookups borrow from the dict being dropped. */
    if (++vm->next_type_version == 0) ++vm->next_type_version;
    /* Keep the type usable by instances that die later in this collection:
     * lookups see no attributes, slots stay as they were. */
    wf_obj_xdecref(vm, d);
    wf_obj_xdecref(vm, m);
    wf_obj_xdecref(vm, b);
}

/* ---- __build_class__ ------------------------------------------------------------------ */

/* CPython's _PyType_CalculateMetaclass: the most derived of meta and the
 * metaclasses of the bases; NULL with TypeError when they conflict. */
WfType *wf_class_calculate_meta(WfVM *vm, WfType *meta, WfValue bases) {
    WfTuple *bt = WF_TUPLE(bases);
    WfType *winner = meta;
    for (size_t i = 0; i < bt->n; i++) {
        WfType *tmp = wf_type_of(bt->items[i]);
        if (wf_type_is_subtype(winner, tmp)) continue;
        if (wf_type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        wf_err_format(vm, &wf_exc_TypeError,
                      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                      "metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The class statement: the metaclass (given, else the bases' most derived
 * one), its __prepare__ for the namespace, the body, then the metaclass
 * called with (name, bases, namespace, **keywords). A plain class (type as
 * the metaclass) skips the lookups. The namespace must be a dict: class
 * bodies store their names straight into one. */
static WfValue build_class(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames) {
    if (nargs < 2 || wf_type_of(args[0]) != &wf_type_function || !wf_is_str(args[1]))
        return wf_err_format(vm, &wf_exc_TypeError, "__build_class__: bad arguments");
    WfFunction *body = (WfFunction *)args[0].u.o;
    const char *name = WF_STR(args[1])->data;
    WfValue bases = wf_tuple_from_array(vm, args + 2, nargs - 2);
    if (WF_IS_NULL(bases)) return bases;
    /* Keywords other than metaclass go to the metaclass and from there to
     * __init_subclass__. */
    WfValue kwn = WF_NULL, ns = WF_NULL, cls = WF_NULL, cell = WF_NULL;
    WfValue *kwv = NULL;
    WfValue meta = WF_NULL;
    size_t nkw = 0;
    if (kwnames && ((WfTuple *)kwnames)->n) {
        WfTuple *kw = (WfTuple *)kwnames;
        kwn = wf_list_new(vm, kw->n);
        kwv = wf_mem_alloc(vm, sizeof(WfValue) * (kw->n + 3));
        if (WF_IS_NULL(kwn) || !kwv) goto done;
        for (size_t i = 0; i < kw->n; i++) {
            const char *k = WF_STR(kw->items[i])->data;
            WfValue v = args[nargs + i];
            if (strcmp(k, "metaclass") == 0) {
                meta = v;
                continue;
            }
            if (wf_list_append(vm, kwn, kw->items[i]) < 0) goto done;
            kwv[3 + nkw++] = v;
        }
        WfValue t = wf_tuple_from_array(vm, WF_LIST(kwn)->items, nkw);
        wf_decref(vm, kwn);
        kwn = t;
        if (WF_IS_NULL(kwn)) goto done;
        if (nkw == 0) {
            wf_decref(vm, kwn);
            kwn = WF_NULL;
        }
    }
    if (WF_IS_NULL(meta))
        meta = WF_TUPLE(bases)->n ? WF_OBJ(wf_type_of(WF_TUPLE(bases)->items[0])) : WF_OBJ(&wf_type_type);
    if (wf_is_type(meta)) {
        WfType *m = wf_class_calculate_meta(vm, (WfType *)meta.u.o, bases);
        if (!m) goto done;
        meta = WF_OBJ(m);
    }
    bool plain = meta.u.o == &wf_type_type.ob;
    if (plain) {
        ns = wf_dict_new(vm);
    } else {
        WfObject *pk = wf_str_intern_cstr(vm, "__prepare__");
        WfValue prep = pk ? wf_getattr_opt(vm, meta, pk) : WF_NULL;
        if (WF_IS_NULL(prep)) {
            if (wf_err_occurred(vm)) goto done;
            ns = wf_dict_new(vm);
        } else {
            WfValue pa[2] = {args[1], bases}, *pargs = pa;
            if (nkw) {
                kwv[1] = args[1];
                kwv[2] = bases;
                pargs = kwv + 1;
            }
            ns = wf_call(vm, prep, pargs, 2, WF_IS_NULL(kwn) ? NULL : kwn.u.o);
            wf_decref(vm, prep);
            if (!WF_IS_NULL(ns) && !wf_is_dict(ns)) {
                wf_err_format(vm, &wf_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                              wf_is_type(meta) ? ((WfType *)meta.u.o)->name : "<metaclass>", wf_type_name(ns));
                wf_decref(vm, ns);
                ns = WF_NULL;
            }
        }
    }
    if (WF_IS_NULL(ns)) goto done;
    WfValue r = wf_vm_call_class_body(vm, body, ns);
    if (WF_IS_NULL(r)) goto done;
    wf_decref(vm, r);
    WfObject *cellkey = wf_str_intern_cstr(vm, "__classcell__");
    cell = cellkey ? wf_dict_get_str(ns, cellkey) : WF_NULL;
    if (!WF_IS_NULL(cell)) {
        wf_incref(cell);
        if (wf_dict_del(vm, ns, WF_OBJ(cellkey)) < 0) wf_err_clear(vm);
    }
    if (plain) {
        cls = class_new(vm, &wf_type_type, name, bases, ns, WF_IS_NULL(kwn) ? NULL : kwn.u.o, kwv ? kwv + 3 : NULL);
    } else {
        WfValue ca[3] = {args[1], bases, ns}, *cargs = ca;
        if (nkw) {
            kwv[0] = args[1];
            kwv[1] = bases;
            kwv[2] = ns;
            cargs = kwv;
        }
        cls = wf_call(vm, meta, cargs, 3, WF_IS_NULL(kwn) ? NULL : kwn.u.o);
    }
    if (!WF_IS_NULL(cls) && !WF_IS_NULL(cell) && wf_type_of(cell) == &wf_type_cell) {
        WfCell *c = (WfCell *)cell.u.o;
        WfValue old = c->value;
        c->value = wf_ref(cls);
        wf_decref(vm, old);
    }
done:
    wf_decref(vm, cell);
    wf_decref(vm, ns);
    wf_decref(vm, bases);
    wf_decref(vm, kwn);
    wf_mem_free(vm, kwv);
    return cls;
}

const WfMethodDef wf_build_class_def = {"__build_class__", build_class, "internal helper for class statements"};

/* ---- object's methods ------------------------------------------------------------------------ */

/* Identity hash, as object.c's default (object.__hash__ reached explicitly,
 * e.g. through super(), must not re-enter a class's __hash__). */
static int64_t identity_hash(WfValue v) {
    if (!WF_IS_OBJ(v)) return v.u.i;
    uint64_t p = (uint64_t)(uintptr_t)v.u.o;
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
}

static bool has_heap_sp(WfVM *vm, WfType *t, int sp) { return !WF_IS_NULL(sp_heap(vm, t, sp)); }

static WfValue object_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs || (kw && ((WfTuple *)kw)->n)) {
        WfType *t = wf_type_of(self);
        if (has_heap_sp(vm, t, WF_SP_INIT) || !IS_HEAP(t))
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "object.__init__() takes exactly one argument (the instance to initialize)");
        if (!has_heap_sp(vm, t, WF_SP_NEW))
            return wf_err_format(vm, &wf_exc_TypeError, "%s() takes no arguments", t->name);
    }
    return WF_NONE;
}

/* object.__new__(cls, ...): self is the built-in type the method belongs to
 * (WF_METH_CLASS), args[0] the class to instantiate. */
static WfValue object_m_new(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    WfType *owner = wf_is_type(self) ? (WfType *)self.u.o : &wf_type_object;
    if (nargs < 1) return wf_err_format(vm, &wf_exc_TypeError, "%s.__new__(): not enough arguments", owner->name);
    if (!wf_is_type(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", owner->name,
                             wf_type_name(args[0]));
    WfType *cls = (WfType *)args[0].u.o;
    if (!wf_type_is_subtype(cls, owner))
        return wf_err_format(vm, &wf_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name,
                             cls->name, cls->name, owner->name);
    /* CPython's tp_new_wrapper: the nearest class not given its __new__ by
     * a class statement must make its instances the way owner does. */
    WfType *sb = cls;
    while (IS_HEAP(sb) && has_heap_sp(vm, sb, WF_SP_NEW)) sb = sb->base;
    if (static_base(sb)->new_ != owner->new_)
        return wf_err_format(vm, &wf_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", owner->name,
                             cls->name, sb->name);
    if (owner != &wf_type_object) {
        if (!owner->new_) return wf_err_format(vm, &wf_exc_TypeError, "cannot create '%s' instances", owner->name);
        return owner->new_(vm, cls, args + 1, nargs - 1, kw);
    }
    if (nargs > 1 || (kw && ((WfTuple *)kw)->n)) {
        if (has_heap_sp(vm, cls, WF_SP_NEW) || !IS_HEAP(cls))
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "object.__new__() takes exactly one argument (the type to instantiate)");
        if (!has_heap_sp(vm, cls, WF_SP_INIT))
            return wf_err_format(vm, &wf_exc_TypeError, "%s() takes no arguments", cls->name);
    }
    if (!IS_HEAP(cls)) return cls->new_(vm, cls, NULL, 0, NULL);
    WfObject *o = alloc_instance(vm, cls);
    if (!o) return WF_NULL;
    return WF_OBJ(o);
}

static WfValue object_m_repr(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__repr__", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfType *sb = static_base(wf_type_of(self));
    if (sb->repr) return sb->repr(vm, self);
    return wf_default_repr(vm, self);
}
static WfValue object_m_str(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__str__", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfType *sb = static_base(wf_type_of(self));
    if (sb->str) return sb->str(vm, self);
    return wf_repr(vm, self);
}
static WfValue object_m_hash(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__hash__", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfType *sb = static_base(wf_type_of(self));
    int64_t h;
    if (sb->hash) {
        if (sb->hash(vm, self, &h) < 0) return WF_NULL;
    } else if (sb->flags & WF_TPFLAG_UNHASHABLE) {
        return wf_err_format(vm, &wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(self));
    } else if (!WF_IS_OBJ(self)) {
        if (wf_hash(vm, self, &h) < 0) return WF_NULL;
    } else {
        h = identity_hash(self);
    }
    return WF_INT(h);
}
static WfValue object_cmp(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw, int op,
                          const char *name) {
    if (wf_args_check(vm, name, nargs, kw, 1, 1) < 0) return WF_NULL;
    WfType *t = wf_type_of(self);
    WfType *sb = static_base(t);
    if (sb->richcmp) return sb->richcmp(vm, self, args[0], op);
    if (op == WF_CMP_EQ)
        return self.tag == args[0].tag && self.u.i == args[0].u.i ? WF_TRUE : WF_NOTIMPL;
    if (op == WF_CMP_NE) {
        /* By default != inverts ==, whatever class defines __eq__. */
        WfValue r = t->richcmp ? t->richcmp(vm, self, args[0], WF_CMP_EQ)
                               : (self.tag == args[0].tag && self.u.i == args[0].u.i ? WF_TRUE : WF_NOTIMPL);
        if (WF_IS_NULL(r) || WF_IS_NOTIMPL(r)) return r;
        int b = wf_truthy(vm, r);
        wf_decref(vm, r);
        return b < 0 ? WF_NULL : WF_BOOL(!b);
    }
    return WF_NOTIMPL;
}
#define CMP_METHOD(fname, op)                                                                               \
    static WfValue object_m_##fname(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) { \
        return object_cmp(vm, self, args, nargs, kw, op, "__" #fname "__");                                   \
    }
CMP_METHOD(lt, WF_CMP_LT)
CMP_METHOD(le, WF_CMP_LE)
CMP_METHOD(eq, WF_CMP_EQ)
CMP_METHOD(ne, WF_CMP_NE)
CMP_METHOD(gt, WF_CMP_GT)
CMP_METHOD(ge, WF_CMP_GE)
#undef CMP_METHOD

static int check_attr_name(WfVM *vm, WfValue name) {
    if (!wf_is_str(name)) {
        wf_err_format(vm, &wf_exc_TypeError, "attribute name must be string, not '%s'", wf_type_name(name));
        return -1;
    }
    return 0;
}

static WfObject *intern_value(WfVM *vm, WfValue s) {
    WfStr *st = WF_STR(s);
    return st->interned ? &st->ob : wf_str_intern(vm, st->data, (size_t)st->len);
}

static WfValue object_m_setattr(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__setattr__", nargs, kw, 2, 2) < 0 || check_attr_name(vm, args[0]) < 0) return WF_NULL;
    WfObject *n = intern_value(vm, args[0]);
    if (!n) return WF_NULL;
    WfType *t = wf_type_of(self);
    int rc = IS_HEAP(t) ? wf_instance_setattr_plain(vm, self, n, args[1]) : wf_setattr(vm, self, n, args[1]);
    return rc < 0 ? WF_NULL : WF_NONE;
}
static WfValue object_m_delattr(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__delattr__", nargs, kw, 1, 1) < 0 || check_attr_name(vm, args[0]) < 0) return WF_NULL;
    WfObject *n = intern_value(vm, args[0]);
    if (!n) return WF_NULL;
    WfType *t = wf_type_of(self);
    int rc = IS_HEAP(t) ? wf_instance_setattr_plain(vm, self, n, WF_NULL) : wf_setattr(vm, self, n, WF_NULL);
    return rc < 0 ? WF_NULL : WF_NONE;
}
static WfValue object_m_getattribute(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__getattribute__", nargs, kw, 1, 1) < 0 || check_attr_name(vm, args[0]) < 0)
        return WF_NULL;
    WfObject *n = intern_value(vm, args[0]);
    if (!n) return WF_NULL;
    WfType *t = wf_type_of(self);
    if (IS_HEAP(t)) return getattr_nohook(vm, self, n);
    return t->getattr ? t->getattr(vm, self, n) : wf_generic_getattr(vm, self, n);
}
static WfValue object_m_format(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__format__", nargs, kw, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "__format__() argument must be str, not %s",
                             wf_type_name(args[0]));
    if (WF_STR(args[0])->len)
        return wf_err_format(vm, &wf_exc_TypeError, "unsupported format string passed to %s.__format__",
                             wf_type_name(self));
    return wf_to_str(vm, self);
}
static WfValue object_m_init_subclass(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs || (kw && ((WfTuple *)kw)->n))
        return wf_err_format(vm, &wf_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                             wf_is_type(self) ? ((WfType *)self.u.o)->name : "object");
    return WF_NONE;
}
static WfValue object_m_subclasshook(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return WF_NOTIMPL;
}

/* __init__ first: wf_class_instantiate compares against it. */
const WfMethodDef wf_object_methods[] = {
    {"__init__", object_m_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__new__", object_m_new, "Create and return a new object.  See help(type) for accurate signature.",
     WF_METH_CLASS},
    {"__repr__", object_m_repr, "Return repr(self)."},
    {"__str__", object_m_str, "Return str(self)."},
    {"__hash__", object_m_hash, "Return hash(self)."},
    {"__eq__", object_m_eq, "Return self==value."},
    {"__ne__", object_m_ne, "Return self!=value."},
    {"__lt__", object_m_lt, "Return self<value."},
    {"__le__", object_m_le, "Return self<=value."},
    {"__gt__", object_m_gt, "Return self>value."},
    {"__ge__", object_m_ge, "Return self>=value."},
    {"__setattr__", object_m_setattr, "Implement setattr(self, name, value)."},
    {"__delattr__", object_m_delattr, "Implement delattr(self, name)."},
    {"__getattribute__", object_m_getattribute, "Return getattr(self, name)."},
    {"__format__", object_m_format, "Default object formatter."},
    {"__init_subclass__", object_m_init_subclass, "This method is called when a class is subclassed.",
     WF_METH_CLASS},
    {"__subclasshook__", object_m_subclasshook, "Abstract classes can override this to customize issubclass().",
     WF_METH_CLASS},
    {NULL, NULL, NULL}};

/* T.__new__ for a built-in T without its own table entry (tuple, int, ...):
 * self is T, args[0] the class. Reached through super().__new__(cls). */
static WfValue static_new(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return object_m_new(vm, self, args, nargs, kw);
}
static const WfMethodDef static_new_def = {"__new__", static_new, NULL, WF_METH_CLASS};

/* ---- staticmethod, classmethod ------------------------------------------------------------ */

static void wrapper_clear(WfVM *vm, WfObject *o) {
    WfWrapper *w = (WfWrapper *)o;
    WfValue f = w->func;
    w->func = WF_NULL;
    wf_decref(vm, f);
}
static void wrapper_dealloc(WfVM *vm, WfObject *o) {
    wrapper_clear(vm, o);
    wf_obj_free(vm, o);
}
static void wrapper_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfWrapper *w = (WfWrapper *)o;
    if (WF_IS_OBJ(w->func)) visit(w->func.u.o, arg);
}
static WfValue wrapper_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, type->name, nargs, kw, 1, 1) < 0) return WF_NULL;
    WfWrapper *w = (WfWrapper *)wf_obj_alloc(vm, type, sizeof(WfWrapper));
    if (!w) return WF_NULL;
    w->func = wf_ref(args[0]);
    return WF_OBJ(w);
}
static WfValue wrapper_get_func(WfVM *vm, WfValue self) { return wf_ref(((WfWrapper *)self.u.o)->func); }
static WfValue wrapper_get_doc(WfVM *vm, WfValue self) {
    WfValue d = wf_getattr_cstr(vm, ((WfWrapper *)self.u.o)->func, "__doc__");
    if (WF_IS_NULL(d) && wf_err_matches(vm, &wf_exc_AttributeError)) {
        wf_err_clear(vm);
        return WF_NONE;
    }
    return d;
}
static const WfGetSetDef wrapper_getsets[] = {
    {"__func__", wrapper_get_func, NULL}, {"__wrapped__", wrapper_get_func, NULL}, {"__doc__", wrapper_get_doc, NULL},
    {NULL, NULL, NULL}};
static WfValue staticmethod_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_call(vm, ((WfWrapper *)self.u.o)->func, args, nargs, kw);
}
static WfValue wrapper_repr(WfVM *vm, WfValue v) {
    WfValue f = wf_repr(vm, ((WfWrapper *)v.u.o)->func);
    if (WF_IS_NULL(f)) return f;
    WfValue r = wf_str_printf(vm, "<%s(%s)>", v.u.o->type->name, WF_STR(f)->data);
    wf_decref(vm, f);
    return r;
}

WfType wf_type_staticmethod = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "staticmethod",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfWrapper),
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .clear = wrapper_clear,
    .repr = wrapper_repr,
    .new_ = wrapper_new,
    .call = staticmethod_call,
    .getsets = wrapper_getsets,
};
WfType wf_type_classmethod = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "classmethod",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfWrapper),
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .clear = wrapper_clear,
    .repr = wrapper_repr,
    .new_ = wrapper_new,
    .getsets = wrapper_getsets,
};

/* ---- property ------------------------------------------------------------------------------ */

static void property_clear(WfVM *vm, WfObject *o) {
    WfProperty *p = (WfProperty *)o;
    WfValue a = p->fget, b = p->fset, c = p->fdel, d = p->doc, n = p->name;
    p->fget = p->fset = p->fdel = p->doc = p->name = WF_NULL;
    wf_decref(vm, a);
    wf_decref(vm, b);
    wf_decref(vm, c);
    wf_decref(vm, d);
    wf_decref(vm, n);
}
static void property_dealloc(WfVM *vm, WfObject *o) {
    property_clear(vm, o);
    wf_obj_free(vm, o);
}
static void property_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfProperty *p = (WfProperty *)o;
    WfValue vs[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (int i = 0; i < 5; i++)
        if (WF_IS_OBJ(vs[i])) visit(vs[i].u.o, arg);
}

/* CPython 3.11's messages: "property 'x' of 'C' object has no setter". */
static void property_error(WfVM *vm, WfProperty *p, WfValue obj, const char *what) {
    const char *q = type_qualname(vm, wf_type_of(obj));
    if (wf_is_str(p->name))
        wf_err_format(vm, &wf_exc_AttributeError, "property '%s' of '%s' object has no %s", WF_STR(p->name)->data, q,
                      what);
    else
        wf_err_format(vm, &wf_exc_AttributeError, "property of '%s' object has no %s", q, what);
}

static WfValue property_get(WfVM *vm, WfProperty *p, WfValue obj) {
    if (WF_IS_NULL(p->fget) || WF_IS_NONE(p->fget)) {
        property_error(vm, p, obj, "getter");
        return WF_NULL;
    }
    WfValue f = wf_ref(p->fget);
    WfValue r = wf_call1(vm, f, obj);
    wf_decref(vm, f);
    return r;
}

static int property_set(WfVM *vm, WfProperty *p, WfValue obj, WfValue v) {
    WfValue f = WF_IS_NULL(v) ? p->fdel : p->fset;
    if (WF_IS_NULL(f) || WF_IS_NONE(f)) {
        property_error(vm, p, obj, WF_IS_NULL(v) ? "deleter" : "setter");
        return -1;
    }
    WfValue args[2] = {obj, v};
    wf_incref(f);
    WfValue r = wf_call(vm, f, args, WF_IS_NULL(v) ? 1 : 2, NULL);
    wf_decref(vm, f);
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}

static WfValue property_make(WfVM *vm, WfType *type, WfValue fget, WfValue fset, WfValue fdel, WfValue doc,
                             WfValue name) {
    size_t size = type->size > sizeof(WfProperty) ? type->size : sizeof(WfProperty);
    WfProperty *p = (WfProperty *)wf_obj_alloc(vm, type, size);
    if (!p) return WF_NULL;
    p->fget = wf_ref(WF_IS_NULL(fget) ? WF_NONE : fget);
    p->fset = wf_ref(WF_IS_NULL(fset) ? WF_NONE : fset);
    p->fdel = wf_ref(WF_IS_NULL(fdel) ? WF_NONE : fdel);
    p->name = wf_ref(name);
    if ((WF_IS_NULL(doc) || WF_IS_NONE(doc)) && !WF_IS_NONE(p->fget)) {
        /* No doc given: the getter's docstring, as CPython. */
        doc = wf_getattr_cstr(vm, p->fget, "__doc__");
        if (WF_IS_NULL(doc)) wf_err_clear(vm);
        p->doc = WF_IS_NULL(doc) ? WF_NONE : doc;
    } else {
        p->doc = wf_ref(WF_IS_NULL(doc) ? WF_NONE : doc);
    }
    return WF_OBJ(p);
}
static WfValue property_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    WfValue a[4];
    if (wf_args_bind(vm, "property", args, nargs, kw, kwlist, 0, 0, a) < 0) return WF_NULL;
    return property_make(vm, type, a[0], a[1], a[2], a[3], WF_NULL);
}
/* getter/setter/deleter: a copy with one function replaced; the doc is
 * recomputed from a new getter unless it was given explicitly. */
static WfValue property_copy(WfVM *vm, WfValue self, int which, WfValue f) {
    WfProperty *p = (WfProperty *)self.u.o;
    WfValue doc = p->doc;
    if (which == 0 && !WF_IS_NONE(p->fget)) {
        WfValue gd = wf_getattr_cstr(vm, p->fget, "__doc__");
        if (WF_IS_NULL(gd)) wf_err_clear(vm);
        if (!WF_IS_NULL(gd) && gd.tag == doc.tag && gd.u.i == doc.u.i) doc = WF_NONE;
        wf_decref(vm, gd);
    }
    return property_make(vm, self.u.o->type, which == 0 ? f : p->fget, which == 1 ? f : p->fset,
                         which == 2 ? f : p->fdel, doc, p->name);
}
static WfValue property_getter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "getter", nargs, kw, 1, 1) < 0) return WF_NULL;
    return property_copy(vm, self, 0, args[0]);
}
static WfValue property_setter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "setter", nargs, kw, 1, 1) < 0) return WF_NULL;
    return property_copy(vm, self, 1, args[0]);
}
static WfValue property_deleter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "deleter", nargs, kw, 1, 1) < 0) return WF_NULL;
    return property_copy(vm, self, 2, args[0]);
}
static WfValue property_m_get(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__get__", nargs, kw, 1, 2) < 0) return WF_NULL;
    if (WF_IS_NONE(args[0])) return wf_ref(self);
    return property_get(vm, (WfProperty *)self.u.o, args[0]);
}
static WfValue property_m_set(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__set__", nargs, kw, 2, 2) < 0) return WF_NULL;
    return property_set(vm, (WfProperty *)self.u.o, args[0], args[1]) < 0 ? WF_NULL : WF_NONE;
}
static WfValue property_m_delete(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__delete__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return property_set(vm, (WfProperty *)self.u.o, args[0], WF_NULL) < 0 ? WF_NULL : WF_NONE;
}
static WfValue property_m_set_name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__set_name__", nargs, kw, 2, 2) < 0) return WF_NULL;
    WfProperty *p = (WfProperty *)self.u.o;
    WfValue old = p->name;
    p->name = wf_ref(args[1]);
    wf_decref(vm, old);
    return WF_NONE;
}
static const WfMethodDef property_methods[] = {
    {"getter", property_getter, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__get__", property_m_get, "Return an attribute of instance, which is of type owner."},
    {"__set__", property_m_set, "Set an attribute of instance to value."},
    {"__delete__", property_m_delete, "Delete an attribute of instance."},
    {"__set_name__", property_m_set_name, "Method to set name of a property."},
    {NULL, NULL, NULL}};
static WfValue property_get_fget(WfVM *vm, WfValue self) { return wf_ref(((WfProperty *)self.u.o)->fget); }
static WfValue property_get_fset(WfVM *vm, WfValue self) { return wf_ref(((WfProperty *)self.u.o)->fset); }
static WfValue property_get_fdel(WfVM *vm, WfValue self) { return wf_ref(((WfProperty *)self.u.o)->fdel); }
static WfValue property_get_doc(WfVM *vm, WfValue self) { return wf_ref(((WfProperty *)self.u.o)->doc); }
static int property_set_doc(WfVM *vm, WfValue self, WfValue v) {
    WfProperty *p = (WfProperty *)self.u.o;
    WfValue old = p->doc;
    p->doc = wf_ref(WF_IS_NULL(v) ? WF_NONE : v);
    wf_decref(vm, old);
    return 0;
}
static WfValue property_get_abstract(WfVM *vm, WfValue self) { return WF_FALSE; }
static const WfGetSetDef property_getsets[] = {
    {"fget", property_get_fget, NULL},
    {"fset", property_get_fset, NULL},
    {"fdel", property_get_fdel, NULL},
    {"__doc__", property_get_doc, property_set_doc},
    {"__isabstractmethod__", property_get_abstract, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_property = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "property",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfProperty),
    .dealloc = property_dealloc,
    .traverse = property_traverse,
    .clear = property_clear,
    .new_ = property_new,
    .methods = property_methods,
    .getsets = property_getsets,
    .doc = "Property attribute.",
};

/* ---- member descriptors (__slots__) --------------------------------------------------------- */

typedef struct WfMember {
    WfObject ob;
    WfType *owner;               /* the class whose __slots__ named it */
    WfObject *name;              /* interned str */
    size_t offset;               /* of its WfValue in an instance */
} WfMember;

static WfValue member_make(WfVM *vm, WfType *owner, WfObject *name, size_t offset) {
    WfMember *m = (WfMember *)wf_obj_alloc(vm, &wf_type_member, sizeof(WfMember));
    if (!m) return WF_NULL;
    m->owner = owner;
    wf_obj_incref(&owner->ob);
    m->name = name;
    wf_obj_incref(name);
    m->offset = offset;
    return WF_OBJ(m);
}
static void member_clear(WfVM *vm, WfObject *o) {
    WfMember *m = (WfMember *)o;
    WfType *t = m->owner;
    m->owner = NULL;
    if (t) wf_obj_decref(vm, &t->ob);
}
static void member_dealloc(WfVM *vm, WfObject *o) {
    member_clear(vm, o);
    wf_obj_decref(vm, ((WfMember *)o)->name);
    wf_obj_free(vm, o);
}
static void member_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfMember *m = (WfMember *)o;
    if (m->owner) visit(&m->owner->ob, arg);
}

static WfValue *member_slot(WfVM *vm, WfMember *m, WfValue obj) {
    if (!m->owner || !wf_isinstance(obj, m->owner)) {
        wf_err_format(vm, &wf_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                      ((WfStr *)m->name)->data, m->owner ? m->owner->name : "?", wf_type_name(obj));
        return NULL;
    }
    return (WfValue *)(layout_base(obj.u.o, obj.u.o->type) + m->offset);
}
static WfValue member_get(WfVM *vm, WfMember *m, WfValue obj) {
    WfValue *slot = member_slot(vm, m, obj);
    if (!slot) return WF_NULL;
    if (WF_IS_NULL(*slot))
        return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", wf_type_name(obj),
                             ((WfStr *)m->name)->data);
    return wf_ref(*slot);
}
/* v WF_NULL deletes; deleting an unset slot names only the attribute, as
 * CPython 3.11. */
static int member_set(WfVM *vm, WfMember *m, WfValue obj, WfValue v) {
    WfValue *slot = member_slot(vm, m, obj);
    if (!slot) return -1;
    if (WF_IS_NULL(v) && WF_IS_NULL(*slot)) {
        wf_err_format(vm, &wf_exc_AttributeError, "%s", ((WfStr *)m->name)->data);
        return -1;
    }
    WfValue old = *slot;
    *slot = wf_ref(v);
    wf_decref(vm, old);
    return 0;
}
static WfValue member_m_get(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__get__", nargs, kw, 1, 2) < 0) return WF_NULL;
    if (WF_IS_NONE(args[0])) return wf_ref(self);
    return member_get(vm, (WfMember *)self.u.o, args[0]);
}
static WfValue member_m_set(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__set__", nargs, kw, 2, 2) < 0) return WF_NULL;
    return member_set(vm, (WfMember *)self.u.o, args[0], args[1]) < 0 ? WF_NULL : WF_NONE;
}
static WfValue member_m_delete(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__delete__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return member_set(vm, (WfMember *)self.u.o, args[0], WF_NULL) < 0 ? WF_NULL : WF_NONE;
}
static const WfMethodDef member_methods[] = {
    {"__get__", member_m_get, "Return an attribute of instance, which is of type owner."},
    {"__set__", member_m_set, "Set an attribute of instance to value."},
    {"__delete__", member_m_delete, "Delete an attribute of instance."},
    {NULL, NULL, NULL}};
static WfValue member_get_name(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfMember *)self.u.o)->name)); }
static WfValue member_get_qualname(WfVM *vm, WfValue self) {
    WfMember *m = (WfMember *)self.u.o;
    return wf_str_printf(vm, "%s.%s", m->owner ? type_qualname(vm, m->owner) : "?", ((WfStr *)m->name)->data);
}
static WfValue member_get_objclass(WfVM *vm, WfValue self) {
    WfMember *m = (WfMember *)self.u.o;
    return m->owner ? wf_ref(WF_OBJ(m->owner)) : WF_NONE;
}
static WfValue member_get_doc(WfVM *vm, WfValue self) { return WF_NONE; }
static const WfGetSetDef member_getsets[] = {
    {"__name__", member_get_name, NULL},
    {"__qualname__", member_get_qualname, NULL},
    {"__objclass__", member_get_objclass, NULL},
    {"__doc__", member_get_doc, NULL},
    {NULL, NULL, NULL}};
static WfValue member_repr(WfVM *vm, WfValue v) {
    WfMember *m = (WfMember *)v.u.o;
    return wf_str_printf(vm, "<member '%s' of '%s' objects>", ((WfStr *)m->name)->data,
                         m->owner ? m->owner->name : "?");
}

WfType wf_type_member = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "member_descriptor",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfMember),
    .dealloc = member_dealloc,
    .traverse = member_traverse,
    .clear = member_clear,
    .repr = member_repr,
    .methods = member_methods,
    .getsets = member_getsets,
};

/* Do two solid bases lay out their instances alike: the same class, or
 * classes over the same layout adding the same __slots__ names at the same
 * places (CPython's same_slots_added)? */
static bool same_slots(WfType *a, WfType *b) {
    if (a == b) return true;
    if (!IS_HEAP(a) || !IS_HEAP(b) || HEAP(a)->nslots_own != HEAP(b)->nslots_own || !a->dict || !b->dict ||
        solid_base(a->base) != solid_base(b->base))
        return false;
    size_t pos = 0;
    WfValue k, v;
    while (wf_dict_next(WF_OBJ(a->dict), &pos, &k, &v)) {
        if (wf_type_of(v) != &wf_type_member || ((WfMember *)v.u.o)->owner != a) continue;
        WfValue w = wf_dict_get_str(WF_OBJ(b->dict), k.u.o);
        if (wf_type_of(w) != &wf_type_member || ((WfMember *)w.u.o)->owner != b ||
            ((WfMember *)w.u.o)->offset != ((WfMember *)v.u.o)->offset)
            return false;
    }
    return true;
}

/* ---- super ------------------------------------------------------------------------------------ */

typedef struct WfSuper {
    WfObject ob;
    WfType *type;          /* search starts after this class in the MRO */
    WfValue obj;
    WfType *objtype;
} WfSuper;

static void super_clear(WfVM *vm, WfObject *o) {
    WfSuper *s = (WfSuper *)o;
    WfValue v = s->obj;
    s->obj = WF_NULL;
    wf_decref(vm, v);
}
static void super_dealloc(WfVM *vm, WfObject *o) {
    WfSuper *s = (WfSuper *)o;
    super_clear(vm, o);
    wf_obj_decref(vm, &s->type->ob);
    wf_obj_decref(vm, &s->objtype->ob);
    wf_obj_free(vm, o);
}
static void super_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfSuper *s = (WfSuper *)o;
    if (WF_IS_OBJ(s->obj)) visit(s->obj.u.o, arg);
    visit(&s->type->ob, arg);
    visit(&s->objtype->ob, arg);
}

/* A method found on a built-in class b through super(). */
static WfValue super_bind_def(WfVM *vm, WfSuper *s, WfType *b, const WfMethodDef *md) {
    bool on_class = WF_IS_OBJ(s->obj) && s->obj.u.o == &s->objtype->ob;
    if (strcmp(md->name, "__new__") == 0) return wf_native_new(vm, md, WF_OBJ(b));
    if (md->flags & WF_METH_CLASS) return wf_native_new(vm, md, WF_OBJ(s->objtype));
    if (on_class) {
        WfValue f = wf_native_new(vm, md, WF_NULL);
        if (!WF_IS_NULL(f)) ((WfNative *)f.u.o)->owner = b;
        return f;
    }
    return wf_native_new(vm, md, s->obj);
}

static WfValue super_getattr(WfVM *vm, WfValue self, WfObject *name) {
    WfSuper *s = (WfSuper *)self.u.o;
    const char *str = ((WfStr *)name)->data;
    if (strcmp(str, "__class__") == 0) return wf_ref(WF_OBJ(&wf_type_super));
    if (strcmp(str, "__self__") == 0) return wf_ref(s->obj);
    if (strcmp(str, "__self_class__") == 0) return wf_ref(WF_OBJ(s->objtype));
    if (strcmp(str, "__thisclass__") == 0) return wf_ref(WF_OBJ(s->type));
    WfType *start = s->objtype;
    bool on_class = WF_IS_OBJ(s->obj) && s->obj.u.o == &start->ob;
    size_t n, i = 0;
    WfType *chain[64];
    const WfValue *items;
    if (start->mro) {
        WfTuple *m = (WfTuple *)start->mro;
        items = m->items;
        n = m->n;
    } else {
        /* A built-in objtype: its base chain is its MRO. */
        n = 0;
        for (WfType *b = start; b && n < 64; b = b->base) chain[n++] = b;
        items = NULL;
    }
#define MRO_AT(k) (items ? (WfType *)items[k].u.o : chain[k])
    while (i < n && MRO_AT(i) != s->type) i++;
    for (i++; i < n; i++) {
        WfType *b = MRO_AT(i);
        if (IS_HEAP(b)) {
            WfValue v = b->dict ? wf_dict_get_str(WF_OBJ(b->dict), name) : WF_NULL;
            if (WF_IS_NULL(v)) continue;
            WfType *vt = wf_type_of(v);
            if (vt == &wf_type_function && on_class) return wf_ref(v);
            if (vt == &wf_type_property && on_class) return wf_ref(v);
            wf_incref(v);
            WfValue r = bind(vm, v, on_class ? WF_NULL : s->obj, start);
            wf_decref(vm, v);
            return r;
        }
        const WfMethodDef *md = NULL;
        const WfGetSetDef *gs = NULL;
        if (static_find(b, str, &md, &gs)) {
            if (md) return super_bind_def(vm, s, b, md);
            if (on_class) break;
            return gs->get(vm, s->obj);
        }
        if (b->new_ && b != &wf_type_object && strcmp(str, "__new__") == 0)
            return wf_native_new(vm, &static_new_def, WF_OBJ(b));
    }
#undef MRO_AT
    return wf_err_format(vm, &wf_exc_AttributeError, "'super' object has no attribute '%s'", str);
}

WfValue wf_super_method(WfVM *vm, WfValue sup, WfObject *name, WfValue *self_out) {
    WfSuper *s = (WfSuper *)sup.u.o;
    WfType *start = s->objtype;
    if (!start->mro || (WF_IS_OBJ(s->obj) && s->obj.u.o == &start->ob)) return WF_NULL;
    WfTuple *m = (WfTuple *)start->mro;
    size_t i = 0;
    while (i < m->n && m->items[i].u.o != &s->type->ob) i++;
    for (i++; i < m->n; i++) {
        WfType *b = (WfType *)m->items[i].u.o;
        if (!IS_HEAP(b)) return WF_NULL;
        WfValue v = b->dict ? wf_dict_get_str(WF_OBJ(b->dict), name) : WF_NULL;
        if (WF_IS_NULL(v)) continue;
        if (v.tag != WF_TAG_OBJ || v.u.o->type != &wf_type_function) return WF_NULL;
        *self_out = s->obj;
        return v;
    }
    return WF_NULL;
}

static WfValue super_make(WfVM *vm, WfValue type, WfValue obj) {
    if (!wf_is_type(type))
        return wf_err_format(vm, &wf_exc_TypeError, "super() argument 1 must be a type, not %s", wf_type_name(type));
    WfType *t = (WfType *)type.u.o;
    WfType *ot;
    if (wf_is_type(obj) && wf_type_is_subtype((WfType *)obj.u.o, t)) ot = (WfType *)obj.u.o;
    else if (wf_isinstance(obj, t)) ot = wf_type_of(obj);
    else
        return wf_err_format(vm, &wf_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    WfSuper *s = (WfSuper *)wf_obj_alloc(vm, &wf_type_super, sizeof(WfSuper));
    if (!s) return WF_NULL;
    s->type = t;
    wf_obj_incref(&t->ob);
    s->objtype = ot;
    wf_obj_incref(&ot->ob);
    s->obj = wf_ref(obj);
    return WF_OBJ(s);
}

static WfValue super_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "super", nargs, kw, 0, 2) < 0) return WF_NULL;
    if (nargs == 2) return super_make(vm, args[0], args[1]);
    if (nargs == 1) return wf_err_format(vm, &wf_exc_TypeError, "super() with one argument is not supported");
    /* Zero arguments: the calling function's first argument and its
     * __class__ cell. */
    WfFrame *f = vm->frame;
    if (!f || (f->code->argcount == 0 && !(f->code->flags & WF_CO_VARARGS)))
        return wf_err_format(vm, &wf_exc_RuntimeError, "super(): no arguments");
    WfCode *co = f->code;
    WfValue first = f->slots[0];
    for (uint32_t i = 0; i < co->ncells; i++)
        if (co->cell2arg[i] == 0) first = ((WfCell *)f->slots[co->nlocals + i].u.o)->value;
    if (WF_IS_NULL(first)) return wf_err_format(vm, &wf_exc_RuntimeError, "super(): arg[0] deleted");
    uint32_t nvar = co->nslots;
    for (uint32_t i = co->nlocals; i < nvar; i++) {
        if (strcmp(((WfStr *)co->varnames[i])->data, "__class__") == 0) {
            WfValue cls = ((WfCell *)f->slots[i].u.o)->value;
            if (WF_IS_NULL(cls)) return wf_err_format(vm, &wf_exc_RuntimeError, "super(): empty __class__ cell");
            return super_make(vm, cls, first);
        }
    }
    return wf_err_format(vm, &wf_exc_RuntimeError, "super(): __class__ cell not found");
}

static WfValue super_repr(WfVM *vm, WfValue v) {
    WfSuper *s = (WfSuper *)v.u.o;
    return wf_str_printf(vm, "<super: <class '%s'>, <%s object>>", s->type->name, s->objtype->name);
}

WfType wf_type_super = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "super",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfSuper),
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .clear = super_clear,
    .repr = super_repr,
    .getattr = super_getattr,
    .new_ = super_new,
};

/* ---- the dispatch loop's attribute caches ------------------------------------------------ */

int64_t wf_instance_inline_index(WfVM *vm, WfValue obj, WfObject *name, bool store) {
    if (!WF_IS_OBJ(obj)) return -1;
    WfType *t = obj.u.o->type;
    if (!IS_HEAP(t) || !HEAP(t)->inline_ok) return -1;
    if (store) {
        const char *s = ((WfStr *)name)->data;
        if (t->setattr != wf_instance_setattr_plain || (s[0] == '_' && s[1] == '_')) return -1;
    } else if (t->getattr != wf_instance_getattr) {
        return -1;
    }
    WfAttrCacheEntry *e = cache_entry(vm, t, name);
    InlineArea *a = AREA_AT(obj.u.o, t);
    if (!e->plain || !inline_mode(a, HEAP(t))) return -1;
    int64_t k = e->kidx;
    return k >= 0 && (uint64_t)k < a->cap ? k : -1;
}

int64_t wf_instance_method_cacheable(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = obj.u.o->type;
    WfHeapType *h = HEAP(t);
    if (!IS_HEAP(t) || !h->inline_ok || !inline_mode(AREA_AT(obj.u.o, t), h)) return -1;
    WfAttrCacheEntry *e = cache_entry(vm, t, name);
    return inline_index(NULL, h, e, name, false) < 0 ? (int64_t)h->nkeys : -1;
}



/* class.h: classes made by class statements (class.c), and the descriptor
 * types they use. A heap type is a WfHeapType: the WfType the VM sees,
 * followed by two lookup caches that make attribute access and special
 * method calls cost one probe instead of a walk along the MRO.
 *
 * Cache invariant: an entry is valid only while its epoch equals
 * vm->next_type_version. That counter is bumped whenever any class is
 * created, any class attribute is assigned or deleted (type.c's setattr)
 * or a class is cleared by the cycle collector, so a change anywhere in an
 * MRO invalidates every entry at once. Cached values are borrowed from
 * class dicts, which only those events can change; the one exception is
 * plain data (an int, str, ...) replacing plain data under an existing
 * non-dunder name, which keeps the epoch: entries re-read their value from
 * (owner, oix) on every hit. */
#ifndef WF_CLASS_H
#define WF_CLASS_H
#include "func.h"

typedef struct WfWrapper {       /* staticmethod, classmethod */
    WfObject ob;
    WfValue func;
} WfWrapper;

typedef struct WfProperty {
    WfObject ob;
    WfValue fget, fset, fdel, doc;
    WfValue name;                /* set by __set_name__ (class creation),
                                    WF_NULL until then; for messages */
} WfProperty;

/* Special methods the slot trampolines and the class machinery look up,
 * each with a cache entry per heap type. The comparison names follow
 * WF_CMP_* order and the three operator groups WF_BIN_* order, so
 * WF_SP_LT + op and WF_SP_ADD + op index them. */
#define WF_SPECIAL_NAMES(X)                                                               \
    X(INIT, "__init__") X(NEW, "__new__") X(REPR, "__repr__") X(STR, "__str__")          \
    X(HASH, "__hash__") X(LT, "__lt__") X(LE, "__le__") X(EQ, "__eq__") X(NE, "__ne__")  \
    X(GT, "__gt__") X(GE, "__ge__") X(GETATTR, "__getattr__")                             \
    X(GETATTRIBUTE, "__getattribute__") X(SETATTR, "__setattr__")                         \
    X(DELATTR, "__delattr__") X(CALL, "__call__") X(ITER, "__iter__") X(NEXT, "__next__") \
    X(LEN, "__len__") X(GETITEM, "__getitem__") X(SETITEM, "__setitem__")                 \
    X(DELITEM, "__delitem__") X(CONTAINS, "__contains__") X(BOOL, "__bool__")             \
    X(NEG, "__neg__") X(POS, "__pos__") X(ABS, "__abs__") X(INVERT, "__invert__")         \
    X(INDEX, "__index__") X(INT, "__int__") X(FLOAT, "__float__") X(GET, "__get__")       \
    X(SET, "__set__") X(DELETE, "__delete__") X(SET_NAME, "__set_name__")                 \
    X(INIT_SUBCLASS, "__init_subclass__") X(ENTER, "__enter__") X(EXIT, "__exit__")       \
    X(DEL, "__del__") X(SLOTS, "__slots__")                                               \
    X(ADD, "__add__") X(SUB, "__sub__") X(MUL, "__mul__") X(TRUEDIV, "__truediv__")       \
    X(FLOORDIV, "__floordiv__") X(MOD, "__mod__") X(POW, "__pow__")                       \
    X(LSHIFT, "__lshift__") X(RSHIFT, "__rshift__") X(AND, "__and__") X(OR, "__or__")     \
    X(XOR, "__xor__") X(MATMUL, "__matmul__")                                             \
    X(RADD, "__radd__") X(RSUB, "__rsub__") X(RMUL, "__rmul__")                           \
    X(RTRUEDIV, "__rtruediv__") X(RFLOORDIV, "__rfloordiv__") X(RMOD, "__rmod__")         \
    X(RPOW, "__rpow__") X(RLSHIFT, "__rlshift__") X(RRSHIFT, "__rrshift__")               \
    X(RAND, "__rand__") X(ROR, "__ror__") X(RXOR, "__rxor__") X(RMATMUL, "__rmatmul__")   \
    X(IADD, "__iadd__") X(ISUB, "__isub__") X(IMUL, "__imul__")                           \
    X(ITRUEDIV, "__itruediv__") X(IFLOORDIV, "__ifloordiv__") X(IMOD, "__imod__")         \
    X(IPOW, "__ipow__") X(ILSHIFT, "__ilshift__") X(IRSHIFT, "__irshift__")               \
    X(IAND, "__iand__") X(IOR, "__ior__") X(IXOR, "__ixor__") X(IMATMUL, "__imatmul__")

enum {
#define WF_SP_ENUM(id, s) WF_SP_##id,
    WF_SPECIAL_NAMES(WF_SP_ENUM)
#undef WF_SP_ENUM
    WF_SP_COUNT
};

/* Entries of the per-class attribute cache (direct-mapped by the interned
 * name's address). 64 covers the attributes and methods one class's hot
 * code touches; a collision only costs a walk along the MRO. */
#define WF_ATTR_CACHE_SIZE 64

typedef struct WfAttrCacheEntry {
    WfObject *name;              /* interned str; NULL: empty */
    uint32_t epoch;
    uint16_t kind;               /* 0: value (or nothing), 1: def, 2: getset */
    uint16_t plain;              /* value is no data descriptor: the
                                    instance dict comes first */
    const void *ptr;             /* the WfMethodDef / WfGetSetDef */
    WfValue value;               /* borrowed class-dict value or WF_NULL */
    int32_t hint;                /* where name was last found in an
                                    instance dict (a guess, checked) */
    int32_t kidx;                /* name's index among the class's inline
                                    attribute names, -1: not known */
    WfObject *owner;             /* the class dict value came from, */
    int64_t oix;                 /* and its entry index there */
    uint64_t stamp;              /* the class's stamp when filled */
} WfAttrCacheEntry;

typedef struct WfSpecialEntry {
    uint32_t epoch;
    const WfMethodDef *def;      /* found on a built-in base */
    WfValue value;               /* borrowed class-dict value or WF_NULL */
    WfObject *owner;             /* as in WfAttrCacheEntry */
    int64_t oix;
    uint64_t stamp;
} WfSpecialEntry;

/* Attribute names a class keeps inline in its instances (class.c); CPython
 * 3.11 caps its shared keys at 30 too. */
#define WF_INLINE_MAX 30

typedef struct WfHeapType {
    WfType type;
    WfType *static_base;                  /* the built-in type giving the
                                             instance layout (immortal) */
    bool inline_ok;                       /* instances have inline values */
    uint32_t ninline;                     /* room new instances get */
    uint32_t nkeys;                       /* names in keys */
    WfObject *keys[WF_INLINE_MAX];        /* inline attribute names, in the
                                             order first set (owned) */
    WfObject *keydict;                    /* dict: each of keys -> True */
    /* __slots__ values (a WfValue each, WF_NULL: unset) of every class in
     * the MRO lie in [slots_start, slots_end); nslots_own of them are this
     * class's own, which give it a layout of its own (CPython's solid
     * base). */
    size_t slots_start, slots_end;
    uint32_t nslots_own;
    /* The sum of the versions of the class dicts in the MRO (0: a dict is
     * gone), as of stamp_epoch. Assigning an existing class attribute
     * moves the epoch but not the stamp: entries then stay valid with
     * their value read again from (owner, oix). */
    uint64_t stamp;
    uint32_t stamp_epoch;
    WfObject *spname[WF_SP_COUNT];        /* interned special names */
    WfSpecialEntry sp[WF_SP_COUNT];
    WfAttrCacheEntry cache[WF_ATTR_CACHE_SIZE];
} WfHeapType;

/* Instances of classes whose built-in base is object keep their attributes
 * inline, in this area at dictoffset (class.c, "instance attributes"):
 * while dict holds the class's keydict, v holds the values. */
typedef struct WfInlineArea {
    WfValue dict;
    uint64_t cap;                /* values the instance has room for */
    WfValue v[];
} WfInlineArea;

/* The area of an instance of a class with inline values, or of any class
 * whose built-in base has a fixed size. */
#define WF_INLINE_AREA(o, t) ((WfInlineArea *)((char *)(o) + (t)->dictoffset))

static inline bool wf_inline_mode(const WfInlineArea *a, const WfHeapType *h) {
    return h->inline_ok && a->dict.tag == WF_TAG_OBJ && a->dict.u.o == h->keydict;
}

extern WfType wf_type_staticmethod, wf_type_classmethod, wf_type_property, wf_type_super, wf_type_member;
extern const WfMethodDef wf_build_class_def;
/* object's methods (__init__, __new__, __repr__, __eq__, __setattr__, ...):
 * meant to be wf_type_object.methods; class.c consults it for `object`
 * while that slot is NULL. */
extern const WfMethodDef wf_object_methods[];

/* type(name, bases, ns): a new heap type. */
WfValue wf_class_new(WfVM *vm, const char *name, WfValue bases, WfValue ns);
/* type.__new__(meta, name, bases, ns, **kw) (kwvals: one value per name in
 * kwnames, for __init_subclass__): a class whose metaclass is the most
 * derived of meta and its bases' metaclasses. */
WfValue wf_class_new_meta(WfVM *vm, WfType *meta, const char *name, WfValue bases, WfValue ns, WfObject *kwnames,
                          const WfValue *kwvals);
/* type.__call__(cls, ...) for a heap class: cls.__new__, then __init__
 * when __new__ gave an instance (calling a class whose metaclass has no
 * __call__ of its own). */
WfValue wf_class_instantiate(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kwnames);
/* For the dispatch loop, which runs __init__ in place: when calling the
 * class t does no more than allocate an instance and call a plain function
 * __init__ (type.__call__, no __new__ of its own, object the built-in
 * base, an __init__ that is not a generator function), sets *self to a new instance and *init to that function (borrowed)
 * and returns 1. Returns 0 when the call needs wf_class_instantiate, -1
 * with MemoryError set. */
int wf_class_fast_new(WfVM *vm, WfType *t, WfValue *self, WfFunction **init);
/* type(...) called: type(x), or a class, whose metaclass's __init__ runs
 * when bases gave it a derived one (CPython's type_call). */
WfValue wf_class_type_call(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kwnames);
/* The most derived of meta and the metaclasses of the bases (a tuple);
 * NULL with CPython's "metaclass conflict" TypeError. */
WfType *wf_class_calculate_meta(WfVM *vm, WfType *meta, WfValue bases);
/* Looks name up along t's MRO: a borrowed class-dict value, or WF_NULL with
 * *def / *gs set for a built-in base's method or attribute. Cached for heap
 * types (see above). */
WfValue wf_class_lookup(WfVM *vm, WfType *t, WfObject *name, const WfMethodDef **def, const WfGetSetDef **gs);
/* Attribute access on instances of heap types without __getattr__ /
 * __getattribute__ (the VM's LOAD_METHOD recognises this slot). */
WfValue wf_instance_getattr(WfVM *vm, WfValue obj, WfObject *name);
int wf_instance_setattr_plain(WfVM *vm, WfValue obj, WfObject *name, WfValue v);
/* LOAD_METHOD's shortcut for an instance whose type's getattr slot is
 * wf_instance_getattr: the plain function its class gives `name` (borrowed,
 * to be called with obj as the first argument), or WF_NULL (no error) when
 * the general path must run: no function there, or the instance has its
 * own attribute of that name (in its dict or its inline values). */
WfValue wf_instance_method(WfVM *vm, WfValue obj, WfObject *name);
/* LOAD_ATTR's and STORE_ATTR's inline caches (interp.c), valid while
 * vm->next_type_version is unchanged and for instances of the same class:
 * the index of name among obj's inline values when its class reads (or,
 * with store, writes) it there with nothing in the way (no __getattr__ /
 * __setattr__, no data descriptor, obj's values still inline), else -1. */
int64_t wf_instance_inline_index(WfVM *vm, WfValue obj, WfObject *name, bool store);
/* The inline value k of o (WF_NULL when unset), or NULL when o's values
 * are no longer inline or have no room for k. */
static inline WfValue *wf_instance_inline_value(WfObject *o, WfType *t, uint64_t k) {
    WfInlineArea *a = WF_INLINE_AREA(o, t);
    return wf_inline_mode(a, (const WfHeapType *)t) && k < a->cap ? &a->v[k] : NULL;
}
/* Stores v (stolen) as inline value k of o; false (v untouched) when the
 * general path must do it. */
static inline bool wf_instance_inline_store(WfVM *vm, WfObject *o, WfType *t, uint64_t k, WfValue v) {
    WfInlineArea *a = WF_INLINE_AREA(o, t);
    const WfHeapType *h = (const WfHeapType *)t;
    if (!wf_inline_mode(a, h) || k >= a->cap) return false;
    WfValue old = a->v[k];
    if (WF_IS_NULL(old)) {
        /* As class.c's set_own_attr: a new attribute keeps the insertion
         * order only when no later index is set. */
        for (uint64_t j = k + 1; j < a->cap && j < h->nkeys; j++)
            if (!WF_IS_NULL(a->v[j])) return false;
    }
    a->v[k] = v;
    wf_decref(vm, old);
    return true;
}
/* LOAD_METHOD's cache for heap-type instances, valid while
 * vm->next_type_version is unchanged: after wf_instance_method found a
 * function, the class's count of inline names when no instance with inline
 * values can shadow it (name is not among them), else -1; then, for
 * another instance of that class, whether that still holds. */
int64_t wf_instance_method_cacheable(WfVM *vm, WfValue obj, WfObject *name);
static inline bool wf_instance_method_still(WfObject *o, WfType *t, uint64_t nkeys) {
    const WfHeapType *h = (const WfHeapType *)t;
    return h->nkeys == nkeys && wf_inline_mode(WF_INLINE_AREA(o, t), h);
}
/* Recomputes t's slots after a special method was assigned to or deleted
 * from the class (type.c's setattr calls it for dunder names). Subclasses
 * keep theirs: their trampolines look the method up at each call. */
void wf_class_update_slots(WfVM *vm, WfType *t);
/* LOAD_METHOD's shortcut for super objects (wf_type_super): the plain
 * function super() finds for name (borrowed), with *self_out the instance
 * to pass first (borrowed from the super object), or WF_NULL (no error)
 * when the general path must run. */
WfValue wf_super_method(WfVM *vm, WfValue sup, WfObject *name, WfValue *self_out);
void wf_heap_type_dealloc(WfVM *vm, WfObject *o);
void wf_heap_type_traverse(WfObject *o, WfVisitFn visit, void *arg);
void wf_heap_type_clear(WfVM *vm, WfObject *o);
/* Runs a class body function with ns as its namespace (interp.c). */
WfValue wf_vm_call_class_body(WfVM *vm, WfFunction *fn, WfValue ns);
#endif

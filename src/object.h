/* object.h: the object model. Every heap object starts with WfObject (a
 * refcount and a type pointer); container types also carry a WfGCHead in
 * front of the object, which the cycle collector (gc.c) links and walks.
 * A WfType holds the slots the VM calls, so `a + b` on ints and on a user
 * class with __add__ go through one mechanism (the generic operations at the
 * end of this file, implemented in object.c).
 *
 * Invariants: refcnt counts owning references; an object dies (dealloc) the
 * moment it reaches 0. Static objects (built-in types, singletons) start at
 * WF_IMMORTAL and are never freed. Slot functions follow value.h's
 * ownership rules and return WF_NULL / -1 with vm->exc set on error. */
#ifndef WF_OBJECT_H
#define WF_OBJECT_H
#include <stdarg.h>
#include <stdio.h>
#include "value.h"

struct WfObject {
    intptr_t refcnt;
    WfType *type;
};

/* Huge enough that no program's increments and decrements reach 0 or
 * overflow. */
#define WF_IMMORTAL ((intptr_t)1 << 60)
#define WF_STATIC_OBJECT_HEAD(typeptr) { .refcnt = WF_IMMORTAL, .type = (typeptr) }

/* Prefix of every object whose type has WF_TPFLAG_GC (gc.c). */
typedef struct WfGCHead {
    struct WfGCHead *next, *prev;
    intptr_t gc_refs;
} WfGCHead;
#define WF_GC_HEAD(o) (((WfGCHead *)(o)) - 1)
#define WF_GC_OBJ(g) ((WfObject *)(((WfGCHead *)(g)) + 1))

/* ---- slot signatures ------------------------------------------------------ */

/* The one calling convention (vectorcall-like): nargs positional values in
 * args[0..nargs), then one value per keyword name in kwnames (a WfTuple of
 * interned WfStr, or NULL when there are none). For a method, self is the
 * receiver; for a plain callable, self is the callable itself. */
typedef WfValue (*WfNativeFn)(WfVM *vm, WfValue self, const WfValue *args,
                              size_t nargs, WfObject *kwnames);
typedef WfValue (*WfUnaryFn)(WfVM *vm, WfValue v);
typedef WfValue (*WfBinaryFn)(WfVM *vm, WfValue a, WfValue b);
typedef void (*WfVisitFn)(WfObject *child, void *arg);

typedef struct WfMethodDef {
    const char *name;
    WfNativeFn fn;
    const char *doc;
    unsigned flags;              /* WF_METH_CLASS: reached through the type,
                                    self is the type (dict.fromkeys) */
} WfMethodDef;
#define WF_METH_CLASS 1u
/* Deferred methods the dispatch loop runs itself in their common shapes
 * (interp.c): callback fires from the loop; addCallback, addErrback and
 * addBoth add a pair to the sides their bits name (WF_METH_DEFER_SIDES
 * turns them into WF_CB_ARGS_* bits). */
#define WF_METH_DEFER_FIRE 2u
#define WF_METH_DEFER_ADD_CB 4u
#define WF_METH_DEFER_ADD_EB 8u
#define WF_METH_DEFER_SIDES(flags) (((flags) >> 2) & 3u)

typedef struct WfGetSetDef {
    const char *name;
    WfValue (*get)(WfVM *vm, WfValue self);
    int (*set)(WfVM *vm, WfValue self, WfValue v); /* NULL: read-only */
} WfGetSetDef;

/* Binary operators, in the order of WfOp in ast.h (WF_OP_ADD..WF_OP_MATMUL),
 * so the compiler passes the AST operator straight through. */
enum {
    WF_BIN_ADD, WF_BIN_SUB, WF_BIN_MUL, WF_BIN_TRUEDIV, WF_BIN_FLOORDIV,
    WF_BIN_MOD, WF_BIN_POW, WF_BIN_LSHIFT, WF_BIN_RSHIFT, WF_BIN_AND,
    WF_BIN_OR, WF_BIN_XOR, WF_BIN_MATMUL, WF_BIN_COUNT
};
/* Rich comparisons, CPython's order. */
enum { WF_CMP_LT, WF_CMP_LE, WF_CMP_EQ, WF_CMP_NE, WF_CMP_GT, WF_CMP_GE };

/* x op y for two int64 values, op a WF_CMP_*: the fast path of every
 * comparison (wf_richcmp and the dispatch loop's compare instructions). */
static inline bool wf_int_compare(int op, int64_t x, int64_t y) {
    switch (op) {
    case WF_CMP_LT: return x < y;
    case WF_CMP_LE: return x <= y;
    case WF_CMP_EQ: return x == y;
    case WF_CMP_NE: return x != y;
    case WF_CMP_GT: return x > y;
    default: return x >= y;
    }
}

enum {
    WF_TPFLAG_GC = 1u << 0,        /* has a WfGCHead; traverse must be set */
    WF_TPFLAG_BASETYPE = 1u << 1,  /* user classes may subclass it */
    WF_TPFLAG_HEAPTYPE = 1u << 2,  /* created by a class statement */
    WF_TPFLAG_EXC = 1u << 3,       /* BaseException or a subclass */
    WF_TPFLAG_INT = 1u << 4,       /* int, bool, or a subclass */
    WF_TPFLAG_STR = 1u << 5,
    WF_TPFLAG_TUPLE = 1u << 6,
    WF_TPFLAG_LIST = 1u << 7,
    WF_TPFLAG_DICT = 1u << 8,
    WF_TPFLAG_TYPE = 1u << 9,
    WF_TPFLAG_UNHASHABLE = 1u << 10, /* hash raises TypeError */
    WF_TPFLAG_FLOAT = 1u << 11     /* float or a subclass */
};

struct WfType {
    WfObject ob;
    const char *name;            /* "int", "list", "ValueError", ... */
    const char *module;          /* a static type's module when it is not
                                    builtins (the Twisted types), or NULL */
    WfType *base;                /* NULL only for object */
    uint32_t flags;
    uint32_t version;            /* bumped when the class namespace changes;
                                    inline caches compare it; 0 = uncached */
    size_t size;                 /* instance size in bytes (no GC head) */
    size_t itemsize;             /* per-item size for var-sized objects */

    void (*dealloc)(WfVM *vm, WfObject *o);   /* decref children, then
                                                  wf_obj_free */
    void (*traverse)(WfObject *o, WfVisitFn visit, void *arg);
    void (*clear)(WfVM *vm, WfObject *o);     /* drop references (cycles) */

    WfUnaryFn repr;              /* returns a str */
    WfUnaryFn str;               /* NULL: repr */
    int (*hash)(WfVM *vm, WfValue v, int64_t *out);   /* 0 ok, -1 error */
    WfValue (*richcmp)(WfVM *vm, WfValue a, WfValue b, int op);
                                 /* WF_NOTIMPL when it doesn't know */
    WfValue (*getattr)(WfVM *vm, WfValue obj, WfObject *name);
                                 /* name: interned str; NULL slot: generic */
    int (*setattr)(WfVM *vm, WfValue obj, WfObject *name, WfValue v);
                                 /* v WF_NULL deletes */
    WfNativeFn call;             /* instances are callable */
    WfValue (*new_)(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                    WfObject *kwnames); /* calling the type */
    WfUnaryFn iter;
    WfUnaryFn iternext;          /* WF_NULL with no exception: exhausted */
    int64_t (*len)(WfVM *vm, WfValue v);  /* -1 error */
    WfBinaryFn getitem;
    int (*setitem)(WfVM *vm, WfValue obj, WfValue key, WfValue v);
                                 /* v WF_NULL deletes */
    int (*contains)(WfVM *vm, WfValue container, WfValue item); /* 1/0/-1 */
    int (*truth)(WfVM *vm, WfValue v);    /* 1/0/-1; NULL: len, else true */

    /* Numbers, CPython style: a binary slot is tried on the left operand's
     * type with (a, b), then on the right operand's type with (a, b); each
     * returns WF_NOTIMPL for operand types it does not handle. */
    WfBinaryFn binop[WF_BIN_COUNT];
    WfBinaryFn inplace[WF_BIN_COUNT];     /* NULL: fall back to binop */
    WfUnaryFn neg, pos, abs, invert;
    WfUnaryFn index;             /* __index__: returns an int value */
    WfUnaryFn to_int;            /* int(x) */
    WfUnaryFn to_float;          /* float(x) */

    const WfMethodDef *methods;  /* NULL-name terminated */
    const WfGetSetDef *getsets;  /* NULL-name terminated */
    WfObject *dict;              /* heap types: the class namespace (dict);
                                    static types: NULL */
    WfObject *mro;               /* heap types: tuple of types; static: NULL
                                    (the base chain is the MRO) */
    const char *doc;
    size_t dictoffset;           /* heap types: where the instance dict
                                    pointer lives in an instance, 0: none;
                                    subclasses of str and tuple (itemsize
                                    != 0) keep it after the items instead,
                                    and dictoffset only says they have one */
    WfObject *bases;             /* heap types: tuple of the direct bases */
    /* Runs code before an unreachable cycle is broken (a suspended
     * generator's finally blocks): the collector calls it on every garbage
     * object before it clears any of them, so finalizers see their
     * globals intact. */
    void (*finalize)(WfVM *vm, WfObject *o);
};

/* ---- core object layouts (fast paths read them directly) ------------------ */

typedef struct WfStr {
    WfObject ob;
    int64_t len;                 /* bytes, excluding the NUL */
    int64_t ncp;                 /* code points */
    int64_t hash;                /* -1 until computed */
    uint8_t ascii;               /* every byte < 0x80: O(1) indexing */
    uint8_t interned;
    char data[];                 /* UTF-8, NUL-terminated */
} WfStr;

typedef struct WfTuple {
    WfObject ob;
    size_t n;
    WfValue items[];
} WfTuple;

typedef struct WfList {
    WfObject ob;
    size_t n, cap;
    WfValue *items;
} WfList;

/* Exceptions: instances of BaseException and its subclasses. */
typedef struct WfException {
    WfObject ob;
    WfObject *args;              /* tuple */
    WfObject *traceback;         /* WfTraceback chain or NULL */
    WfValue cause, context;      /* WF_NULL when unset */
    bool suppress_context;
    WfObject *dict;              /* attributes set on the instance, or NULL */
    WfValue value;               /* StopIteration.value, SystemExit.code */
} WfException;

/* An instance of a user subclass of float: the double lives in the object
 * (plain floats stay inline in WfValue). */
typedef struct WfFloatObj {
    WfObject ob;
    double d;
} WfFloatObj;

#define WF_STR(v) ((WfStr *)(v).u.o)
#define WF_TUPLE(v) ((WfTuple *)(v).u.o)
#define WF_LIST(v) ((WfList *)(v).u.o)

/* ---- built-in types and singletons (static, immortal) --------------------- */

extern WfType wf_type_object, wf_type_type, wf_type_none, wf_type_bool,
    wf_type_int, wf_type_float, wf_type_str, wf_type_tuple, wf_type_list,
    wf_type_dict, wf_type_range, wf_type_function, wf_type_native,
    wf_type_method, wf_type_module, wf_type_code, wf_type_cell,
    wf_type_notimpl, wf_type_ellipsis, wf_type_traceback, wf_type_slice;
extern WfObject wf_notimpl_obj, wf_ellipsis_obj;
#define WF_NOTIMPL WF_OBJ(&wf_notimpl_obj)
#define WF_IS_NOTIMPL(v) ((v).tag == WF_TAG_OBJ && (v).u.o == &wf_notimpl_obj)

/* Built-in exception types: src/exc_types.h lists them once (X-macro). */
#define WF_EXC(name, base) extern WfType wf_exc_##name;
#include "exc_types.h"
#undef WF_EXC

/* Does o carry a WfGCHead? Instances of GC types do, and so do classes
 * made by class statements (heap types), whose type is the static `type`. */
static inline bool wf_has_gc_head(const WfObject *o) {
    return (o->type->flags & WF_TPFLAG_GC) ||
           (o->type == &wf_type_type && (((const WfType *)o)->flags & WF_TPFLAG_HEAPTYPE));
}

/* ---- reference counting ---------------------------------------------------- */

void wf_obj_dealloc(WfVM *vm, WfObject *o);

/* Always inlined: GCC would otherwise make calls of them in the dispatch
 * loop once it grows past its inlining limits. */
#define WF_REFCNT_INLINE static inline __attribute__((always_inline))
WF_REFCNT_INLINE void wf_incref(WfValue v) {
    if (v.tag == WF_TAG_OBJ) v.u.o->refcnt++;
}
WF_REFCNT_INLINE void wf_decref(WfVM *vm, WfValue v) {
    if (v.tag == WF_TAG_OBJ && --v.u.o->refcnt == 0) wf_obj_dealloc(vm, v.u.o);
}
WF_REFCNT_INLINE void wf_obj_incref(WfObject *o) { o->refcnt++; }
WF_REFCNT_INLINE void wf_obj_decref(WfVM *vm, WfObject *o) {
    if (--o->refcnt == 0) wf_obj_dealloc(vm, o);
}
WF_REFCNT_INLINE void wf_obj_xdecref(WfVM *vm, WfObject *o) {
    if (o && --o->refcnt == 0) wf_obj_dealloc(vm, o);
}
/* A new reference to v (convenience for `return wf_ref(x)`). */
WF_REFCNT_INLINE WfValue wf_ref(WfValue v) {
    wf_incref(v);
    return v;
}

/* ---- allocation (mem.c, gc.c) ---------------------------------------------- */

/* A new object of `type`, size bytes (>= sizeof(WfObject)), zero-filled,
 * refcount 1, tracked by the cycle collector when the type has
 * WF_TPFLAG_GC. NULL with MemoryError set on failure. */
WfObject *wf_obj_alloc(WfVM *vm, WfType *type, size_t size);
/* As wf_obj_alloc, always with a GC head (heap type objects). */
WfObject *wf_obj_alloc_gc(WfVM *vm, WfType *type, size_t size);
/* As wf_obj_alloc for a type without WF_TPFLAG_GC, but only the refcount
 * and type are set: for objects whose maker writes every other byte it
 * reads (a str's header and text). */
WfObject *wf_obj_alloc_uninit(WfVM *vm, WfType *type, size_t size);
/* Bytes to allocate for an instance of t, a str or tuple subclass, whose
 * items end at byte `end`: the class's instance-dict area follows them
 * (class.c). */
size_t wf_class_var_size(WfType *t, size_t end);
/* Releases an object's memory; called at the end of a type's dealloc. */
void wf_obj_free(WfVM *vm, WfObject *o);
/* Raw buffers (list items, dict tables, ...), counted by the same funnel.
 * NULL with MemoryError set on failure. wf_mem_realloc(vm, NULL, n) mallocs. */
void *wf_mem_alloc(WfVM *vm, size_t n);
void *wf_mem_realloc(WfVM *vm, void *p, size_t n);
void wf_mem_free(WfVM *vm, void *p);
/* Returns the small-block free lists to malloc (VM teardown). */
void wf_mem_release_freelists(WfVM *vm);

/* ---- types --------------------------------------------------------------- */

static inline WfType *wf_type_of(WfValue v) {
    switch (v.tag) {
    case WF_TAG_OBJ: return v.u.o->type;
    case WF_TAG_INT: return &wf_type_int;
    case WF_TAG_FLOAT: return &wf_type_float;
    case WF_TAG_BOOL: return &wf_type_bool;
    default: return &wf_type_none;
    }
}
static inline const char *wf_type_name(WfValue v) { return wf_type_of(v)->name; }
/* Is t the type sub or one of its bases (MRO)? */
bool wf_type_is_subtype(const WfType *sub, const WfType *t);
static inline bool wf_isinstance(WfValue v, const WfType *t) {
    return wf_type_is_subtype(wf_type_of(v), t);
}
static inline bool wf_is_str(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_STR);
}
static inline bool wf_is_exact_str(WfValue v) {
    return v.tag == WF_TAG_OBJ && v.u.o->type == &wf_type_str;
}
static inline bool wf_is_tuple(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_TUPLE);
}
static inline bool wf_is_list(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_LIST);
}
/* A list (tuple) whose iteration yields its items: an exact one, or a
 * subclass that keeps the built-in __iter__. The fast paths that read the
 * items directly instead of iterating use these, so a subclass overriding
 * __iter__ is iterated as CPython iterates it. */
static inline bool wf_is_list_items(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type == &wf_type_list ||
                                   ((v.u.o->type->flags & WF_TPFLAG_LIST) && v.u.o->type->iter == wf_type_list.iter));
}
static inline bool wf_is_tuple_items(WfValue v) {
    return v.tag == WF_TAG_OBJ &&
           (v.u.o->type == &wf_type_tuple ||
            ((v.u.o->type->flags & WF_TPFLAG_TUPLE) && v.u.o->type->iter == wf_type_tuple.iter));
}
static inline bool wf_is_dict(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_DICT);
}
/* int in the Python sense: small int, bool, or big int. */
static inline bool wf_is_int(WfValue v) {
    return v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL ||
           (v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_INT));
}
/* float in the Python sense: an inline double or a float subclass
 * instance; wf_float_value reads either. */
static inline bool wf_is_float(WfValue v) {
    return v.tag == WF_TAG_FLOAT || (v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_FLOAT));
}
static inline double wf_float_value(WfValue v) {
    return v.tag == WF_TAG_FLOAT ? v.u.f : ((const WfFloatObj *)v.u.o)->d;
}
static inline bool wf_is_type(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_TYPE);
}

/* ---- generic operations (object.c): what the VM and builtins call -------- */

WfValue wf_repr(WfVM *vm, WfValue v);            /* str object */
WfValue wf_to_str(WfVM *vm, WfValue v);          /* str(v) */
int wf_hash(WfVM *vm, WfValue v, int64_t *out);
WfValue wf_richcmp(WfVM *vm, WfValue a, WfValue b, int op); /* any value */
int wf_richcmp_bool(WfVM *vm, WfValue a, WfValue b, int op); /* 1/0/-1 */
int wf_eq(WfVM *vm, WfValue a, WfValue b);       /* a == b: 1/0/-1, fast
                                                    for identical values */
int wf_truthy(WfVM *vm, WfValue v);              /* 1/0/-1 */
WfValue wf_getattr(WfVM *vm, WfValue v, WfObject *name);
WfValue wf_getattr_cstr(WfVM *vm, WfValue v, const char *name);
/* Like wf_getattr, but a missing attribute returns WF_NULL with no error. */
WfValue wf_getattr_opt(WfVM *vm, WfValue v, WfObject *name);
int wf_setattr(WfVM *vm, WfValue v, WfObject *name, WfValue value);
WfValue wf_call(WfVM *vm, WfValue callable, const WfValue *args, size_t nargs,
                WfObject *kwnames);
WfValue wf_call0(WfVM *vm, WfValue callable);
WfValue wf_call1(WfVM *vm, WfValue callable, WfValue a);
WfValue wf_call_method(WfVM *vm, WfValue obj, const char *name,
                       const WfValue *args, size_t nargs);
WfValue wf_iter(WfVM *vm, WfValue v);
WfValue wf_iternext(WfVM *vm, WfValue it);       /* WF_NULL, no exc: end */
int64_t wf_len(WfVM *vm, WfValue v);             /* -1 error */
WfValue wf_getitem(WfVM *vm, WfValue o, WfValue key);
int wf_setitem(WfVM *vm, WfValue o, WfValue key, WfValue v);
int wf_delitem(WfVM *vm, WfValue o, WfValue key);
int wf_contains(WfVM *vm, WfValue container, WfValue item); /* `in` */
WfValue wf_binop(WfVM *vm, int op, WfValue a, WfValue b);   /* WF_BIN_* */
WfValue wf_inplace(WfVM *vm, int op, WfValue a, WfValue b);
WfValue wf_neg(WfVM *vm, WfValue v);
WfValue wf_pos(WfVM *vm, WfValue v);
WfValue wf_invert(WfVM *vm, WfValue v);
WfValue wf_abs(WfVM *vm, WfValue v);
/* An integer for indexing (int, bool, __index__); TypeError otherwise with
 * CPython's "<what> indices must be integers or slices, not T" when
 * what != NULL, else "'T' object cannot be interpreted as an integer".
 * Big ints that do not fit raise IndexError "cannot fit 'int' into an
 * index-sized integer". */
int wf_index(WfVM *vm, WfValue v, const char *what, int64_t *out);
/* Printable name of the operator for error messages: "+", "//", "**"... */
const char *wf_binop_symbol(int op);

/* Argument binding for native functions. kwlist names the parameters in
 * order (NULL-terminated); the first `npos_only` of them are positional
 * only. Fills out[0..n) with borrowed values (WF_NULL where not given),
 * raising CPython's TypeErrors ("f() takes at most 2 arguments (3 given)",
 * "'x' is an invalid keyword argument for f()", "f() missing required
 * argument 'x' (pos 1)"). min = number of required parameters. */
/* As wf_args_bind for a function that is written in Python in the library
 * weft mirrors (Twisted's API), so its TypeErrors read as CPython words
 * them for Python functions: "Deferred.callback() missing 1 required
 * positional argument: 'result'", "Deferred.pause() takes 1 positional
 * argument but 2 were given" (self counted when method), "... got multiple
 * values for argument 'x'". Every parameter is positional-or-keyword. */
int wf_args_bind_py(WfVM *vm, const char *qualname, bool method, const WfValue *args, size_t nargs,
                    WfObject *kwnames, const char *const *kwlist, int min, WfValue *out);
int wf_args_bind(WfVM *vm, const char *fname, const WfValue *args,
                 size_t nargs, WfObject *kwnames, const char *const *kwlist,
                 int npos_only, int min, WfValue *out);
/* Raise TypeError unless nargs is in [min, max] and there are no keywords:
 * "len() takes exactly one argument (2 given)" style messages. */
int wf_args_check_fail(WfVM *vm, const char *fname, size_t nargs,
                       WfObject *kwnames, size_t min, size_t max);
static inline int wf_args_check(WfVM *vm, const char *fname, size_t nargs,
                                WfObject *kwnames, size_t min, size_t max) {
    if ((!kwnames || ((WfTuple *)kwnames)->n == 0) && nargs >= min && nargs <= max) return 0;
    return wf_args_check_fail(vm, fname, nargs, kwnames, min, max);
}

/* ---- strings (str.c) ------------------------------------------------------- */

/* New str from UTF-8 bytes (assumed valid). */
WfValue wf_str_new(WfVM *vm, const char *utf8, size_t len);
WfValue wf_str_from_cstr(WfVM *vm, const char *s);
WfValue wf_str_printf(WfVM *vm, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The interned str for s: one object per distinct text per VM, alive until
 * the VM dies; the reference returned is borrowed. NULL on MemoryError. */
WfObject *wf_str_intern(WfVM *vm, const char *s, size_t len);
WfObject *wf_str_intern_cstr(WfVM *vm, const char *s);
bool wf_str_equal(const WfStr *a, const WfStr *b);
int64_t wf_str_hash(WfStr *s);
WfValue wf_str_concat(WfVM *vm, WfValue a, WfValue b);
/* `fmt % args` (printf-style formatting). */
WfValue wf_str_mod(WfVM *vm, WfValue fmt, WfValue args);
/* format(value, spec): the format-spec mini-language. */
WfValue wf_format(WfVM *vm, WfValue value, WfValue spec);
/* repr of a float in CPython's shortest round-trip form, into buf (>= 32). */
void wf_float_repr_buf(double d, char *buf, size_t size);

/* A growable byte buffer for building strings (buf.c). */
typedef struct WfBuf {
    char *data;
    size_t len, cap;
    bool failed;                 /* an allocation failed (MemoryError set) */
} WfBuf;
void wf_buf_init(WfBuf *b);
void wf_buf_free(WfVM *vm, WfBuf *b);
bool wf_buf_append(WfVM *vm, WfBuf *b, const char *s, size_t n);
bool wf_buf_puts(WfVM *vm, WfBuf *b, const char *s);
bool wf_buf_putc(WfVM *vm, WfBuf *b, char c);
bool wf_buf_printf(WfVM *vm, WfBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Appends str(v) / repr(v). */
bool wf_buf_append_str(WfVM *vm, WfBuf *b, WfValue v);
bool wf_buf_append_repr(WfVM *vm, WfBuf *b, WfValue v);
/* Makes a str of the contents and frees the buffer (WF_NULL on error). */
WfValue wf_buf_finish(WfVM *vm, WfBuf *b);

/* ---- ints (int.c): small ints inline, big ints as WfBigInt (GMP) ----------- */

/* Normalising constructors: a result that fits in int64 is always a small
 * int; only values outside int64 are WfBigInt objects. */
WfValue wf_int_from_decimal(WfVM *vm, const char *digits); /* "-123..." */
WfValue wf_int_from_string(WfVM *vm, const char *s, size_t len, int base);
                                 /* int("..", base): ValueError on junk */
/* Value of an int that must fit: OverflowError
 * "Python int too large to convert to C long" otherwise. */
int wf_int_as_i64(WfVM *vm, WfValue v, int64_t *out);
double wf_int_as_double(WfVM *vm, WfValue v, bool *overflow);
/* Slow paths of int arithmetic when int64 overflows or an operand is big. */
WfValue wf_int_binop(WfVM *vm, int op, WfValue a, WfValue b);

/* ---- tuples, lists, dicts (tuple.c, list.c, dict.c) ------------------------ */

/* New tuple of n items, each WF_NONE... no: items are WF_NULL and must all be
 * filled (stolen) by the caller before the tuple escapes. */
WfValue wf_tuple_new(WfVM *vm, size_t n);
WfValue wf_tuple_pack(WfVM *vm, size_t n, ...); /* borrowed WfValues */
WfValue wf_tuple_from_array(WfVM *vm, const WfValue *items, size_t n);
WfValue wf_list_new(WfVM *vm, size_t cap);      /* empty, capacity cap */
int wf_list_append(WfVM *vm, WfValue list, WfValue v);       /* borrows v */
int wf_list_append_steal(WfVM *vm, WfValue list, WfValue v); /* steals v */
WfValue wf_list_from_iterable(WfVM *vm, WfValue iterable);
WfValue wf_tuple_from_iterable(WfVM *vm, WfValue iterable);
int wf_list_sort(WfVM *vm, WfValue list, WfValue key, bool reverse);

WfValue wf_dict_new(WfVM *vm);
/* Borrowed value, or WF_NULL when missing (no exception) or on error
 * (exception set: unhashable key, error in __eq__). */
WfValue wf_dict_get(WfVM *vm, WfValue dict, WfValue key);
/* Fast path for interned-str keys (globals, attributes): no exceptions. */
WfValue wf_dict_get_str(WfValue dict, WfObject *interned_key);
int wf_dict_set(WfVM *vm, WfValue dict, WfValue key, WfValue v); /* borrows */
int wf_dict_set_cstr(WfVM *vm, WfValue dict, const char *key, WfValue v);
int wf_dict_del(WfVM *vm, WfValue dict, WfValue key); /* KeyError if missing */
int64_t wf_dict_len(WfValue dict);
/* Iteration: *pos starts at 0; returns false at the end. Borrowed k, v. */
bool wf_dict_next(WfValue dict, size_t *pos, WfValue *k, WfValue *v);
/* Bumped on every insertion or deletion (not on value replacement of an
 * existing key): inline caches for globals compare it. */
uint64_t wf_dict_version(WfValue dict);
int wf_dict_update(WfVM *vm, WfValue dict, WfValue other); /* dict or pairs */

/* sets (set.c): CPython's open-addressing set, so iteration order of
 * small ints matches CPython's. */
extern WfType wf_type_set, wf_type_frozenset;
WfValue wf_set_new(WfVM *vm);                       /* empty set */
int wf_set_add(WfVM *vm, WfValue set, WfValue key);  /* borrows key */
int wf_set_contains(WfVM *vm, WfValue set, WfValue key);

/* slice objects (range.c) */
WfValue wf_slice_new(WfVM *vm, WfValue start, WfValue stop, WfValue step);
/* Normalises a slice against a sequence length (CPython's PySlice_Unpack +
 * AdjustIndices). Returns the number of items, -1 on error. */
int64_t wf_slice_indices(WfVM *vm, WfValue slice, int64_t length,
                         int64_t *start, int64_t *stop, int64_t *step);

#endif

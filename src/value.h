/* value.h: WfValue, the 16-byte tagged value every part of weft passes
 * around (Lua's TValue shape). None, bools, int64 ints and doubles live in
 * the value itself and never allocate; everything else is a pointer to a
 * reference-counted heap object (object.h).
 *
 * Ownership: a function that returns a WfValue returns a new reference;
 * arguments are borrowed unless a comment says "steals". WF_NULL (tag 0) is
 * never a Python value: it means "error raised, see vm->exc" when returned,
 * and "unbound" in a local slot. */
#ifndef WF_VALUE_H
#define WF_VALUE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct WfObject WfObject;
typedef struct WfType WfType;
typedef struct WfVM WfVM;

typedef enum WfTag {
    WF_TAG_NULL = 0,   /* no value: an error return, an unbound slot */
    WF_TAG_NONE,
    WF_TAG_BOOL,
    WF_TAG_INT,        /* int64 inline; big ints are WF_TAG_OBJ (WfBigInt) */
    WF_TAG_FLOAT,
    WF_TAG_OBJ
} WfTag;

typedef struct WfValue {
    union {
        int64_t i;     /* WF_TAG_INT, WF_TAG_BOOL (0 or 1) */
        double f;      /* WF_TAG_FLOAT */
        WfObject *o;   /* WF_TAG_OBJ */
    } u;
    uint32_t tag;
    uint32_t pad;      /* keeps the size 16 and the padding defined */
} WfValue;

#define WF_NULL ((WfValue){ .u.i = 0, .tag = WF_TAG_NULL })
#define WF_NONE ((WfValue){ .u.i = 0, .tag = WF_TAG_NONE })
#define WF_TRUE ((WfValue){ .u.i = 1, .tag = WF_TAG_BOOL })
#define WF_FALSE ((WfValue){ .u.i = 0, .tag = WF_TAG_BOOL })
#define WF_BOOL(b) ((WfValue){ .u.i = (b) ? 1 : 0, .tag = WF_TAG_BOOL })
#define WF_INT(n) ((WfValue){ .u.i = (int64_t)(n), .tag = WF_TAG_INT })
#define WF_FLOAT(d) ((WfValue){ .u.f = (double)(d), .tag = WF_TAG_FLOAT })
#define WF_OBJ(p) ((WfValue){ .u.o = (WfObject *)(p), .tag = WF_TAG_OBJ })

/* *p read as its payload and its tag, in general registers. Values are
 * written in pieces (an int result is a payload store and a tag store,
 * sometimes after a 16-byte clear); a 16-byte SSE load of such a slot,
 * which is how GCC copies the struct, or an 8-byte load of tag and pad,
 * cannot be forwarded from those stores and waits for them to retire.
 * Loads no wider than the last store to their bytes always forward. The
 * dispatch loop moves stack and local values with this: measured 17% on
 * the loop benchmark. */
static inline __attribute__((always_inline)) WfValue wf_vload(const WfValue *p) {
    uint64_t a;
    uint32_t b;
    __builtin_memcpy(&a, p, 8);
    __builtin_memcpy(&b, &p->tag, 4);
    __asm__("" : "+r"(a), "+r"(b));
    WfValue v;
    __builtin_memcpy(&v, &a, 8);
    v.tag = b;
    v.pad = 0;
    return v;
}

/* v stored as its payload and its tag (with the pad) in two 8-byte
 * stores, which any later load of either half can be forwarded from. */
static inline __attribute__((always_inline)) void wf_vstore(WfValue *p, WfValue v) {
    uint64_t a = (uint64_t)v.u.i, b = v.tag;
    __asm__("" : "+r"(a), "+r"(b));
    __builtin_memcpy(p, &a, 8);
    __builtin_memcpy((char *)p + 8, &b, 8);
}

/* n values moved from src to dst with wf_vload (values just pushed on a
 * stack, for instance), where memcpy would use wide loads. */
static inline void wf_vmove(WfValue *dst, const WfValue *src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = wf_vload(&src[i]);
}

#define WF_IS_NULL(v) ((v).tag == WF_TAG_NULL)
#define WF_IS_NONE(v) ((v).tag == WF_TAG_NONE)
#define WF_IS_BOOL(v) ((v).tag == WF_TAG_BOOL)
#define WF_IS_INT(v) ((v).tag == WF_TAG_INT)       /* small int only */
#define WF_IS_FLOAT(v) ((v).tag == WF_TAG_FLOAT)
#define WF_IS_OBJ(v) ((v).tag == WF_TAG_OBJ)
#define WF_AS_INT(v) ((v).u.i)
#define WF_AS_FLOAT(v) ((v).u.f)
#define WF_AS_OBJ(v) ((v).u.o)

#endif

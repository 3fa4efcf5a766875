/* mem.c: the allocation funnel. Every object and raw buffer is allocated
 * here, so a failed allocation becomes MemoryError (never a crash or an
 * exit) and the cycle collector is triggered from one place. Objects of GC
 * types get a WfGCHead in front and are linked into vm->gc_list for their
 * whole life (gc.c walks that list). */
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gc.h"
#include "vm.h"

/* Small blocks (up to 512 bytes, in 16-byte classes) are kept on per-VM
 * free lists when freed and handed out again before asking malloc: the
 * interpreter frees and reallocates the same few sizes all the time, and
 * glibc's own per-thread cache holds only 7 blocks a size (measured: malloc
 * and free were 20% of the strings benchmark). Sanitizer builds skip it so
 * ASan still sees every use after free. */
#ifndef WEFT_SANITIZE
#define WF_FREELISTS 1
#endif
#define WF_SMALL_MAX 512

/* No single request above this is attempted: it is surely a runaway size
 * computation ([0] * 10**15), and malloc could overcommit or the size
 * arithmetic could wrap. 64 GiB is far above the 24 GiB machines. */
#define WF_MAX_ALLOC ((size_t)1 << 36)

#ifdef WF_FREELISTS
/* Each block carries one word in front of it: its size class c (it holds
 * c * 16 bytes) or 0 for a block above WF_SMALL_MAX, which goes back to
 * free(). So freeing is a load and a push, where asking malloc_usable_size
 * was a libc call that also reads the next chunk's header (measured: 2.3%
 * of all instructions on the strings benchmark). The word costs
 * no memory: glibc rounds request + 8 up to 16 bytes, so c * 16 + 8 gets
 * the chunk c * 16 got. Blocks are 8 mod 16 aligned; nothing in weft needs
 * more than 8 (GC objects already sat at 8 mod 16 behind their 24-byte
 * head). Checked builds put a tag in the word's upper bits to catch a
 * block that did not come from the funnel. */
#ifdef WEFT_ASSERTS
#define WF_BLOCK_TAG ((size_t)0x5EF7 << 48)
#else
#define WF_BLOCK_TAG ((size_t)0)
#endif

static inline size_t *block_word(void *p) { return (size_t *)p - 1; }

static inline size_t block_class(void *p) {
    size_t w = *block_word(p);
#ifdef WEFT_ASSERTS
    if ((w & ~(size_t)0xFF) != WF_BLOCK_TAG) {
        fprintf(stderr, "weft: freeing a block the allocation funnel did not make\n");
        abort();
    }
#endif
    return w & 0xFF;
}

static inline size_t size_class(size_t n) { return n ? (n + 15) >> 4 : 1; }

static __attribute__((noinline)) void *fresh_block(size_t c, size_t n) {
    size_t *w = malloc(c ? (c << 4) + sizeof(size_t) : n + sizeof(size_t));
    if (!w) return NULL;
    *w = WF_BLOCK_TAG | c;
    return w + 1;
}

static inline void *raw_alloc(WfVM *vm, size_t n) {
    if (n <= WF_SMALL_MAX) {
        size_t c = size_class(n);
        void *p = vm->freelist[c];
        if (p) {
            vm->freelist[c] = *(void **)p;
            return p;
        }
        return fresh_block(c, n);
    }
    return fresh_block(0, n);
}

static inline void raw_free(WfVM *vm, void *p) {
    size_t c = block_class(p);
    if (c) {
        *(void **)p = vm->freelist[c];
        vm->freelist[c] = p;
    } else {
        free(block_word(p));
    }
}

static void *raw_realloc(WfVM *vm, void *old, size_t n) {
    if (!old) return raw_alloc(vm, n);
    size_t c = block_class(old);
    if (c && n <= c << 4) return old;
    /* Grown (or shrunk) blocks keep whole classes, so a block that ends
     * up small still holds all of the class it is filed under. */
    size_t nc = n <= WF_SMALL_MAX ? size_class(n) : 0;
    size_t *w = realloc(block_word(old), (nc ? nc << 4 : n) + sizeof(size_t));
    if (!w) return NULL;
    *w = WF_BLOCK_TAG | nc;
    return w + 1;
}
#else
static inline void *raw_alloc(WfVM *vm, size_t n) {
    (void)vm;
    return malloc(n ? n : 1);
}
static inline void raw_free(WfVM *vm, void *p) {
    (void)vm;
    free(p);
}
static void *raw_realloc(WfVM *vm, void *old, size_t n) {
    (void)vm;
    return realloc(old, n ? n : 1);
}
#endif

void wf_mem_release_freelists(WfVM *vm) {
    for (size_t c = 0; c < sizeof vm->freelist / sizeof vm->freelist[0]; c++) {
        void *p = vm->freelist[c];
        while (p) {
            void *next = *(void **)p;
#ifdef WF_FREELISTS
            free(block_word(p));
#else
            free(p);
#endif
            p = next;
        }
        vm->freelist[c] = NULL;
    }
}

void *wf_mem_alloc(WfVM *vm, size_t n) {
    void *p = n <= WF_MAX_ALLOC ? raw_alloc(vm, n) : NULL;
    if (!p) wf_err_no_memory(vm);
    return p;
}

void *wf_mem_realloc(WfVM *vm, void *old, size_t n) {
    void *p = n <= WF_MAX_ALLOC ? raw_realloc(vm, old, n) : NULL;
    if (!p) wf_err_no_memory(vm);
    return p;
}

void wf_mem_free(WfVM *vm, void *p) {
    if (p) raw_free(vm, p);
}

static inline void zero16(char *p) {
#ifdef __SSE2__
    _mm_storeu_si128((__m128i *)p, _mm_setzero_si128());
#else
    uint64_t z = 0;
    memcpy(p, &z, 8);
    memcpy(p + 8, &z, 8);
#endif
}

/* Zeroes the n bytes of a new block at p with inline stores: object
 * sizes are small and vary, and a memset call for each was 2% of the
 * strings benchmark. A small block has room up to its whole class, so
 * the stores may run on to the next multiple of 16. (16-byte stores are
 * safe here: it is 16-byte loads of two 8-byte stores that stall.) */
static inline void zero_block(void *p, size_t n) {
#ifdef WF_FREELISTS
    if (n <= 128) {
        char *b = p;
        switch ((n + 15) >> 4) {
        case 8: zero16(b + 112); /* fall through */
        case 7: zero16(b + 96); /* fall through */
        case 6: zero16(b + 80); /* fall through */
        case 5: zero16(b + 64); /* fall through */
        case 4: zero16(b + 48); /* fall through */
        case 3: zero16(b + 32); /* fall through */
        case 2: zero16(b + 16); /* fall through */
        default: zero16(b);
        }
        return;
    }
#endif
    memset(p, 0, n);
}

static __attribute__((noinline)) void alloc_failed(WfVM *vm) { wf_err_no_memory(vm); }

static inline void init_header(WfObject *o, WfType *type) {
    o->refcnt = 1;
    o->type = type;
    if (type->flags & WF_TPFLAG_HEAPTYPE) wf_obj_incref(&type->ob);
}

static __attribute__((noinline)) WfObject *alloc_gc(WfVM *vm, WfType *type, size_t size) {
    if (wf_gc_should_collect(vm)) wf_gc_collect(vm);
    WfGCHead *g = size <= WF_MAX_ALLOC ? raw_alloc(vm, sizeof(WfGCHead) + size) : NULL;
    if (!g) {
        alloc_failed(vm);
        return NULL;
    }
    zero_block(g, sizeof(WfGCHead) + size);
    WfObject *o = WF_GC_OBJ(g);
    wf_gc_link(vm, g);
    init_header(o, type);
    return o;
}

static __attribute__((noinline)) WfObject *alloc_plain_slow(WfVM *vm, WfType *type, size_t size,
                                                            bool zero) {
    WfObject *o = size <= WF_MAX_ALLOC ? raw_alloc(vm, size) : NULL;
    if (!o) {
        alloc_failed(vm);
        return NULL;
    }
    if (zero) zero_block(o, size);
    init_header(o, type);
    return o;
}

/* The common case, a recycled small block for an object without a GC
 * head, touches no callee-saved register: everything else is out of
 * line. */
static inline __attribute__((always_inline)) WfObject *alloc_plain(WfVM *vm, WfType *type,
                                                                   size_t size, bool zero) {
#ifdef WF_FREELISTS
    if (size <= WF_SMALL_MAX) {
        size_t c = size_class(size);
        WfObject *o = vm->freelist[c];
        if (o) {
            vm->freelist[c] = *(void **)o;
            if (zero) zero_block(o, size);
            init_header(o, type);
            return o;
        }
    }
#endif
    return alloc_plain_slow(vm, type, size, zero);
}

WfObject *wf_obj_alloc(WfVM *vm, WfType *type, size_t size) {
    /* Sizes that are not a multiple of 8 (a str's bytes) are zeroed up to
     * the next word, which the block always has. */
    size = (size + 7) & ~(size_t)7;
    if (type->flags & WF_TPFLAG_GC) return alloc_gc(vm, type, size);
    return alloc_plain(vm, type, size, true);
}

WfObject *wf_obj_alloc_gc(WfVM *vm, WfType *type, size_t size) {
    return alloc_gc(vm, type, (size + 7) & ~(size_t)7);
}

WfObject *wf_obj_alloc_uninit(WfVM *vm, WfType *type, size_t size) {
    return alloc_plain(vm, type, size, false);
}

static __attribute__((noinline)) void obj_free_slow(WfVM *vm, WfObject *o) {
    WfType *type = o->type;
    if (wf_has_gc_head(o)) {
        WfGCHead *g = WF_GC_HEAD(o);
        wf_gc_unlink(vm, g);
        raw_free(vm, g);
    } else {
        raw_free(vm, o);
    }
    /* Instances own a reference to their class, so a class dies after its
     * last instance. */
    if (type->flags & WF_TPFLAG_HEAPTYPE) wf_obj_decref(vm, &type->ob);
}

void wf_obj_free(WfVM *vm, WfObject *o) {
    WfType *type = o->type;
    if (!(type->flags & (WF_TPFLAG_GC | WF_TPFLAG_HEAPTYPE)) && type != &wf_type_type) {
        raw_free(vm, o);
        return;
    }
    obj_free_slow(vm, o);
}

/* CPython's trashcan: freeing one object frees what it owned, so a long
 * chain (exceptions linked by __context__, nested lists, instances that
 * own the next one) would nest one C dealloc per link. Past this depth an
 * object is queued instead, linked through its refcnt (which nobody reads
 * once it is 0; the collector sees a non-zero count, or 0, which it
 * already treats as "being destroyed"), and freed when the outermost
 * dealloc returns. */
#define WF_DEALLOC_DEPTH 200

void wf_obj_dealloc(WfVM *vm, WfObject *o) {
    /* An exact str owns nothing and has no GC head: it needs neither the
     * trashcan bookkeeping nor its dealloc slot, and it is most of what
     * dies. */
    if (o->type == &wf_type_str) {
        raw_free(vm, o);
        return;
    }
    if (vm->dealloc_depth >= WF_DEALLOC_DEPTH) {
        o->refcnt = (intptr_t)vm->trash;
        vm->trash = o;
        return;
    }
    vm->dealloc_depth++;
    o->type->dealloc(vm, o);
    if (--vm->dealloc_depth == 0) {
        while (vm->trash) {
            WfObject *t = vm->trash;
            vm->trash = (WfObject *)t->refcnt;
            t->refcnt = 0;
            vm->dealloc_depth = 1;
            t->type->dealloc(vm, t);
            vm->dealloc_depth = 0;
        }
    }
}

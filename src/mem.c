/* mem.c: the allocation funnel. Every object and raw buffer is allocated
 * here, so a failed allocation becomes MemoryError (never a crash or an
 * exit) and the cycle collector is triggered from one place. Objects of GC
 * types get a WfGCHead in front and are linked into vm->gc_list for their
 * whole life (gc.c walks that list). */
#include <malloc.h>
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

static inline void *raw_alloc(WfVM *vm, size_t n) {
#ifdef WF_FREELISTS
    if (n <= WF_SMALL_MAX) {
        size_t c = (n + 15) >> 4;
        if (c == 0) c = 1;
        void *p = vm->freelist[c];
        if (p) {
            vm->freelist[c] = *(void **)p;
            return p;
        }
        return malloc(c << 4);
    }
#else
    (void)vm;
#endif
    return malloc(n ? n : 1);
}

static inline void raw_free(WfVM *vm, void *p) {
#ifdef WF_FREELISTS
    if (!p) return;
    /* A block serves any request up to its usable size: file it under the
     * largest class it covers. */
    size_t c = malloc_usable_size(p) >> 4;
    if (c >= 1 && c <= WF_SMALL_MAX / 16) {
        *(void **)p = vm->freelist[c];
        vm->freelist[c] = p;
        return;
    }
#else
    (void)vm;
#endif
    free(p);
}

void wf_mem_release_freelists(WfVM *vm) {
    for (size_t c = 0; c < sizeof vm->freelist / sizeof vm->freelist[0]; c++) {
        void *p = vm->freelist[c];
        while (p) {
            void *next = *(void **)p;
            free(p);
            p = next;
        }
        vm->freelist[c] = NULL;
    }
}

/* No single request above this is attempted: it is surely a runaway size
 * computation ([0] * 10**15), and malloc could overcommit or the size
 * arithmetic could wrap. 64 GiB is far above the 24 GiB machines. */
#define WF_MAX_ALLOC ((size_t)1 << 36)

void *wf_mem_alloc(WfVM *vm, size_t n) {
    void *p = n <= WF_MAX_ALLOC ? raw_alloc(vm, n) : NULL;
    if (!p) wf_err_no_memory(vm);
    return p;
}

void *wf_mem_realloc(WfVM *vm, void *old, size_t n) {
    void *p = n <= WF_MAX_ALLOC ? realloc(old, n ? n : 1) : NULL;
    if (!p) wf_err_no_memory(vm);
    return p;
}

void wf_mem_free(WfVM *vm, void *p) { raw_free(vm, p); }

static WfObject *alloc(WfVM *vm, WfType *type, size_t size, bool gc) {
    WfObject *o;
    if (gc) {
        if (wf_gc_should_collect(vm)) wf_gc_collect(vm);
        if (size > WF_MAX_ALLOC) {
            wf_err_no_memory(vm);
            return NULL;
        }
        /* malloc + memset, not calloc: calloc bypasses glibc's per-thread
         * cache, measured at 12% of all instructions on the strings
         * benchmark. mem.c is built with -fno-builtin-malloc so GCC does
         * not fuse the pair back into calloc. */
        WfGCHead *g = raw_alloc(vm, sizeof(WfGCHead) + size);
        if (!g) {
            wf_err_no_memory(vm);
            return NULL;
        }
        memset(g, 0, sizeof(WfGCHead) + size);
        o = WF_GC_OBJ(g);
        wf_gc_link(vm, g);
    } else {
        if (size > WF_MAX_ALLOC || !(o = raw_alloc(vm, size))) {
            wf_err_no_memory(vm);
            return NULL;
        }
        memset(o, 0, size);
    }
    o->refcnt = 1;
    o->type = type;
    if (type->flags & WF_TPFLAG_HEAPTYPE) wf_obj_incref(&type->ob);
    return o;
}

WfObject *wf_obj_alloc(WfVM *vm, WfType *type, size_t size) {
    return alloc(vm, type, size, (type->flags & WF_TPFLAG_GC) != 0);
}

WfObject *wf_obj_alloc_gc(WfVM *vm, WfType *type, size_t size) { return alloc(vm, type, size, true); }

void wf_obj_free(WfVM *vm, WfObject *o) {
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

/* CPython's trashcan: freeing one object frees what it owned, so a long
 * chain (exceptions linked by __context__, nested lists, instances that
 * own the next one) would nest one C dealloc per link. Past this depth an
 * object is queued instead, linked through its refcnt (which nobody reads
 * once it is 0; the collector sees a non-zero count, or 0, which it
 * already treats as "being destroyed"), and freed when the outermost
 * dealloc returns. */
#define WF_DEALLOC_DEPTH 200

void wf_obj_dealloc(WfVM *vm, WfObject *o) {
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

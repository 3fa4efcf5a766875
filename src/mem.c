/* mem.c: the allocation funnel. Every object and raw buffer is allocated
 * here, so a failed allocation becomes MemoryError (never a crash or an
 * exit) and the cycle collector is triggered from one place. Objects of GC
 * types get a WfGCHead in front and are linked into vm->gc_list for their
 * whole life (gc.c walks that list). */
#include <stdlib.h>
#include <string.h>
#include "gc.h"
#include "vm.h"

/* No single request above this is attempted: it is surely a runaway size
 * computation ([0] * 10**15), and malloc could overcommit or the size
 * arithmetic could wrap. 64 GiB is far above the 24 GiB machines. */
#define WF_MAX_ALLOC ((size_t)1 << 36)

void *wf_mem_alloc(WfVM *vm, size_t n) {
    void *p = n <= WF_MAX_ALLOC ? malloc(n ? n : 1) : NULL;
    if (!p) wf_err_no_memory(vm);
    return p;
}

void *wf_mem_realloc(WfVM *vm, void *old, size_t n) {
    void *p = n <= WF_MAX_ALLOC ? realloc(old, n ? n : 1) : NULL;
    if (!p) wf_err_no_memory(vm);
    return p;
}

void wf_mem_free(WfVM *vm, void *p) {
    (void)vm;
    free(p);
}

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
        WfGCHead *g = malloc(sizeof(WfGCHead) + size);
        if (!g) {
            wf_err_no_memory(vm);
            return NULL;
        }
        memset(g, 0, sizeof(WfGCHead) + size);
        o = WF_GC_OBJ(g);
        wf_gc_link(vm, g);
    } else {
        if (size > WF_MAX_ALLOC || !(o = malloc(size))) {
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
        free(g);
    } else {
        free(o);
    }
    /* Instances own a reference to their class, so a class dies after its
     * last instance. */
    if (type->flags & WF_TPFLAG_HEAPTYPE) wf_obj_decref(vm, &type->ob);
}

void wf_obj_dealloc(WfVM *vm, WfObject *o) { o->type->dealloc(vm, o); }

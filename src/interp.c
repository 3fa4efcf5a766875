/* interp.c: the dispatch loop (computed goto, with a switch fallback),
 * frames and calls. One invocation of run() executes frames until the
 * entry frame returns; weft-to-weft calls push a frame and keep going in the
 * same loop. Errors: an instruction that fails jumps to `error`, which adds
 * a traceback entry, looks the instruction up in the code's exception table
 * and either jumps to the handler with the stack cut to the recorded depth,
 * or pops the frame and repeats in the caller. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "code.h"
#include "func.h"
#include "interp.h"
#include "range.h"
#include "type.h"
#include "gen.h"
#include "str.h"
#include "set.h"
#include "dict.h"
#include "class.h"
#include "failure.h"
#include "inline.h"

/* ---- frame stack ------------------------------------------------------------ */

typedef struct FrameChunk {
    struct FrameChunk *prev;
    char *top, *end;
    _Alignas(16) char data[];
} FrameChunk;

/* 256 KiB holds about a thousand typical frames, so the recursion of
 * ordinary programs never leaves the first chunk. */
#define WF_FRAME_CHUNK (256 * 1024)
/* Functions with more parameters than this bind keyword calls in bind_args. */
#define WF_KW_MAX 63

/* A new chunk for a frame of size bytes that does not fit the current
 * one. Out of line: every call site inlines frame_alloc. */
static __attribute__((noinline)) WfFrame *frame_alloc_chunk(WfVM *vm, size_t size) {
    FrameChunk *c = vm->frame_chunk;
    size_t cap = size > WF_FRAME_CHUNK ? size : WF_FRAME_CHUNK;
    FrameChunk *n = malloc(sizeof *n + cap);
    if (!n) {
        wf_err_no_memory(vm);
        return NULL;
    }
    n->prev = c;
    n->top = n->data + size;
    n->end = n->data + cap;
    vm->frame_chunk = n;
    return (WfFrame *)n->data;
}

static inline __attribute__((always_inline)) WfFrame *frame_alloc(WfVM *vm, size_t nvals) {
    size_t size = sizeof(WfFrame) + nvals * sizeof(WfValue);
    size = (size + 15) & ~(size_t)15;
    FrameChunk *c = vm->frame_chunk;
    if (__builtin_expect(!c || (size_t)(c->end - c->top) < size, 0)) return frame_alloc_chunk(vm, size);
    WfFrame *f = (WfFrame *)c->top;
    c->top += size;
    return f;
}

/* The chunk of a released frame is empty: back to the one before it. */
static __attribute__((noinline)) void frame_chunk_pop(WfVM *vm, FrameChunk *c) {
    vm->frame_chunk = c->prev;
    free(c);
}

static inline void frame_release(WfVM *vm, WfFrame *f) {
    FrameChunk *c = vm->frame_chunk;
    c->top = (char *)f;
    if (__builtin_expect(c->top == c->data && c->prev != NULL, 0)) frame_chunk_pop(vm, c);
}

void wf_frames_free(WfVM *vm) {
    FrameChunk *c = vm->frame_chunk;
    while (c) {
        FrameChunk *p = c->prev;
        free(c);
        c = p;
    }
    vm->frame_chunk = NULL;
}

/* ---- tracebacks --------------------------------------------------------------- */

static void tb_dealloc(WfVM *vm, WfObject *o) {
    WfTraceback *t = (WfTraceback *)o;
    /* Unlink iteratively: a RecursionError's traceback is 1000 entries. */
    WfTraceback *next = t->next;
    wf_obj_decref(vm, &t->code->ob);
    wf_obj_free(vm, o);
    while (next && --next->ob.refcnt == 0) {
        WfTraceback *n = next->next;
        wf_obj_decref(vm, &next->code->ob);
        wf_obj_free(vm, &next->ob);
        next = n;
    }
}

static void tb_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfTraceback *t = (WfTraceback *)o;
    if (t->next) visit(&t->next->ob, arg);
    visit(&t->code->ob, arg);
}

static WfValue tb_get_lineno(WfVM *vm, WfValue self) { return WF_INT(((WfTraceback *)self.u.o)->line); }
static WfValue tb_get_next(WfVM *vm, WfValue self) {
    WfTraceback *t = (WfTraceback *)self.u.o;
    return t->next ? wf_ref(WF_OBJ(t->next)) : WF_NONE;
}
static const WfGetSetDef tb_getsets[] = {
    {"tb_lineno", tb_get_lineno, NULL},
    {"tb_next", tb_get_next, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_traceback = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "traceback",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfTraceback),
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .getsets = tb_getsets,
};

void wf_traceback_add(WfVM *vm, WfCode *code, int line) {
    if (!WF_IS_OBJ(vm->exc) || !(vm->exc.u.o->type->flags & WF_TPFLAG_EXC)) return;
    WfException *e = (WfException *)vm->exc.u.o;
    bool gc = vm->gc_running;
    vm->gc_running = true; /* no collection while the exception is in flight */
    WfTraceback *t = (WfTraceback *)wf_obj_alloc(vm, &wf_type_traceback, sizeof(WfTraceback));
    vm->gc_running = gc;
    if (!t) {
        wf_err_clear(vm);
        return;
    }
    t->code = code;
    wf_obj_incref(&code->ob);
    t->line = line;
    t->next = (WfTraceback *)e->traceback;
    e->traceback = &t->ob;
}

int wf_frame_line(WfFrame *f) {
    if (!f->ip) return f->code->firstline;
    ptrdiff_t i = f->ip - f->code->code - 1;
    if (i < 0) i = 0;
    return (int)f->code->lines[i];
}

/* ---- argument binding ------------------------------------------------------------ */

static WfValue missing_error(WfVM *vm, WfCode *co, WfValue *slots, uint32_t from, uint32_t to,
                             const char *kind) {
    /* CPython: "f() missing 2 required positional arguments: 'a' and 'b'" */
    const char *names[64];
    int n = 0;
    for (uint32_t i = from; i < to && n < 64; i++)
        if (WF_IS_NULL(slots[i])) names[n++] = ((WfStr *)co->varnames[i])->data;
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_printf(vm, &b, "%s() missing %d required %s argument%s: ", ((WfStr *)co->qualname)->data, n,
                  kind, n == 1 ? "" : "s");
    for (int i = 0; i < n; i++) {
        wf_buf_printf(vm, &b, "'%s'", names[i]);
        if (i < n - 2) wf_buf_puts(vm, &b, ", ");
        else if (i == n - 2) wf_buf_puts(vm, &b, n > 2 ? ", and " : " and ");
    }
    WfValue msg = wf_buf_finish(vm, &b);
    if (WF_IS_NULL(msg)) return msg;
    wf_err_set_value(vm, &wf_exc_TypeError, msg);
    wf_decref(vm, msg);
    return WF_NULL;
}

/* Binds args (borrowed) into the frame's slots per the code's signature,
 * with CPython's TypeErrors. Returns false with the exception set. */
static bool bind_args(WfVM *vm, WfFunction *fn, WfValue *slots, const WfValue *args, size_t nargs,
                      WfObject *kwnames) {
    WfCode *co = fn->code;
    uint32_t argc = co->argcount, kwc = co->kwonlycount;
    uint32_t total = argc + kwc;
    const char *fname = ((WfStr *)co->qualname)->data;
    size_t npos = nargs < argc ? nargs : argc;
    for (size_t i = 0; i < npos; i++) slots[i] = wf_ref(args[i]);
    WfValue varargs = WF_NULL, varkw = WF_NULL;
    if (co->flags & WF_CO_VARARGS) {
        size_t extra = nargs > argc ? nargs - argc : 0;
        varargs = wf_tuple_from_array(vm, args + argc, extra);
        if (WF_IS_NULL(varargs)) return false;
        slots[total] = varargs;
    } else if (nargs > argc) {
        size_t ndef = fn->defaults ? ((WfTuple *)fn->defaults)->n : 0;
        size_t nkwgiven = 0;
        if (kwnames) {
            WfTuple *kw = (WfTuple *)kwnames;
            for (size_t k = 0; k < kw->n; k++)
                for (uint32_t j = argc; j < total; j++)
                    if (co->varnames[j] == kw->items[k].u.o) nkwgiven++;
        }
        char kwpart[96] = "";
        if (nkwgiven)
            snprintf(kwpart, sizeof kwpart, " positional argument%s (and %zu keyword-only argument%s)",
                     nargs == 1 ? "" : "s", nkwgiven, nkwgiven == 1 ? "" : "s");
        if (ndef)
            wf_err_format(vm, &wf_exc_TypeError, "%s() takes from %zu to %u positional arguments but %zu %s given",
                          fname, argc - ndef, argc, nargs, nargs == 1 ? "was" : "were");
        else
            wf_err_format(vm, &wf_exc_TypeError, "%s() takes %u positional argument%s but %zu%s %s given", fname,
                          argc, argc == 1 ? "" : "s", nargs, kwpart, nargs == 1 && !nkwgiven ? "was" : "were");
        return false;
    }
    if (co->flags & WF_CO_VARKW) {
        varkw = wf_dict_new(vm);
        if (WF_IS_NULL(varkw)) return false;
        slots[total + ((co->flags & WF_CO_VARARGS) ? 1 : 0)] = varkw;
    }
    if (kwnames) {
        WfTuple *kw = (WfTuple *)kwnames;
        for (size_t k = 0; k < kw->n; k++) {
            WfObject *name = kw->items[k].u.o;
            WfValue v = args[nargs + k];
            uint32_t j;
            for (j = 0; j < total; j++)
                if (co->varnames[j] == name) break;
            if (j == total) {
                /* Names are interned, but compare text for names built at
                 * run time (**kwargs from a dict of non-interned keys). */
                for (j = 0; j < total; j++)
                    if (wf_str_equal((WfStr *)co->varnames[j], (WfStr *)name)) break;
            }
            if (j < total) {
                if (!WF_IS_NULL(slots[j])) {
                    wf_err_format(vm, &wf_exc_TypeError, "%s() got multiple values for argument '%s'", fname,
                                  ((WfStr *)name)->data);
                    return false;
                }
                slots[j] = wf_ref(v);
            } else if (!WF_IS_NULL(varkw)) {
                if (wf_dict_set(vm, varkw, WF_OBJ(name), v) < 0) return false;
            } else {
                wf_err_format(vm, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                              ((WfStr *)name)->data);
                return false;
            }
        }
    }
    if (nargs < argc) {
        size_t ndef = fn->defaults ? ((WfTuple *)fn->defaults)->n : 0;
        size_t first_def = argc - ndef;
        for (size_t i = nargs; i < argc; i++) {
            if (WF_IS_NULL(slots[i]) && i >= first_def)
                slots[i] = wf_ref(((WfTuple *)fn->defaults)->items[i - first_def]);
        }
        for (size_t i = nargs; i < argc; i++)
            if (WF_IS_NULL(slots[i])) {
                missing_error(vm, co, slots, (uint32_t)nargs, argc, "positional");
                return false;
            }
    }
    for (uint32_t i = argc; i < total; i++) {
        if (!WF_IS_NULL(slots[i])) continue;
        if (fn->kwdefaults) {
            WfValue d = wf_dict_get(vm, WF_OBJ(fn->kwdefaults), WF_OBJ(co->varnames[i]));
            if (!WF_IS_NULL(d)) {
                slots[i] = wf_ref(d);
                continue;
            }
            if (wf_err_occurred(vm)) return false;
        }
    }
    for (uint32_t i = argc; i < total; i++)
        if (WF_IS_NULL(slots[i])) {
            missing_error(vm, co, slots, argc, total, "keyword-only");
            return false;
        }
    return true;
}

/* The shape nearly every keyword call, and every call leaving parameters
 * to their defaults, has: a WF_CO_SIMPLE function, each keyword naming (by
 * its interned str) a different parameter after the npos positional
 * arguments, a default for every parameter left out. On true, at[k] is
 * keyword k's slot and *given has a bit for each parameter given; false
 * for any other shape (bind_args then binds it or raises its TypeError). */
static inline bool kw_shape(const WfFunction *fn, size_t npos, WfObject *kwnames, uint8_t *at, uint64_t *given) {
    const WfCode *co = fn->code;
    uint32_t argc = co->argcount;
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    if (!(co->flags & WF_CO_SIMPLE) || argc > WF_KW_MAX || npos + nkw > argc) return false;
    uint64_t g = ((uint64_t)1 << npos) - 1;
    for (size_t k = 0; k < nkw; k++) {
        WfObject *name = ((WfTuple *)kwnames)->items[k].u.o;
        uint32_t j = (uint32_t)npos;
        while (j < argc && co->varnames[j] != name) j++;
        if (j == argc || (g >> j & 1)) return false;
        g |= (uint64_t)1 << j;
        at[k] = (uint8_t)j;
    }
    size_t ndef = fn->defaults ? ((WfTuple *)fn->defaults)->n : 0;
    if (~g & (((uint64_t)1 << (argc - ndef)) - 1)) return false;
    *given = g;
    return true;
}

/* Fills the local slots of a call kw_shape accepted: the npos + nkw values
 * at args (moved: the caller gives up its references, or takes new ones
 * first) and new references to the defaults. */
static inline void kw_fill(const WfFunction *fn, WfValue *slots, const WfValue *args, size_t npos, size_t nkw,
                           const uint8_t *at, uint64_t given) {
    const WfCode *co = fn->code;
    uint32_t argc = co->argcount;
    for (size_t i = 0; i < npos; i++) slots[i] = wf_vload(&args[i]);
    for (size_t k = 0; k < nkw; k++) slots[at[k]] = wf_vload(&args[npos + k]);
    if (given != ((uint64_t)1 << argc) - 1) {
        const WfTuple *defs = (const WfTuple *)fn->defaults;
        uint32_t first_def = argc - (uint32_t)defs->n;
        for (uint32_t j = first_def; j < argc; j++)
            if (!(given >> j & 1)) slots[j] = wf_ref(defs->items[j - first_def]);
    }
    /* Not memset: there are few, and a call would cost more. */
    for (uint32_t i = argc; i < co->nlocals; i++) wf_vstore(&slots[i], WF_NULL);
}

static inline void frame_clear(WfVM *vm, WfFrame *f) {
    WfValue *stack = wf_frame_stack(f);
    for (WfValue *p = f->slots; p < stack; p++) wf_decref(vm, *p);
    for (WfValue *p = stack; p < f->sp; p++) wf_decref(vm, *p);
    wf_decref(vm, f->locals);
    wf_obj_decref(vm, &f->func->ob);
}

/* A new frame for fn; args borrowed. NULL with the exception set. The
 * frame owns a new reference to fn. */
static void frame_dispose(WfVM *vm, WfFrame *f) {
    if (f->heap) wf_mem_free(vm, f);
    else frame_release(vm, f);
}

static inline void nslots_null(WfValue *slots, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) slots[i] = WF_NULL;
}

/* Fills f's free slots from fn's closure. */
static inline __attribute__((always_inline)) void frame_frees(WfFrame *f, WfFunction *fn) {
    WfCode *co = fn->code;
    if (!co->nfrees) return;
    WfValue *s = f->slots + co->nlocals + co->ncells;
    WfValue *cl = ((WfTuple *)fn->closure)->items;
    for (uint32_t i = 0; i < co->nfrees; i++) s[i] = wf_ref(cl[i]);
}

/* Fills f's cell and free slots (its locals hold the arguments): a cell per
 * cell variable, holding the argument it starts as (moved out of its
 * slot), then fn's closure cells. False with MemoryError, every slot still
 * releasable by frame_clear. */
static bool frame_cells(WfVM *vm, WfFrame *f, WfFunction *fn) {
    WfCode *co = fn->code;
    WfValue *s = f->slots;
    for (uint32_t i = 0; i < co->ncells; i++) {
        WfValue init = WF_NULL;
        int32_t a = co->cell2arg[i];
        if (a >= 0) {
            init = s[a];
            s[a] = WF_NULL;
        }
        WfValue cell = wf_cell_new(vm, init);
        wf_decref(vm, init);
        if (WF_IS_NULL(cell)) {
            nslots_null(s + co->nlocals + i, co->nslots - co->nlocals - i);
            return false;
        }
        s[co->nlocals + i] = cell;
    }
    frame_frees(f, fn);
    return true;
}

static WfFrame *frame_new(WfVM *vm, WfFunction *fn, const WfValue *args, size_t nargs, WfObject *kwnames,
                          bool heap) {
    WfCode *co = fn->code;
    if (!heap && vm->depth >= vm->recursion_limit) {
        wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    uint32_t nslots = co->nslots;
    WfFrame *f;
    if (heap) {
        f = wf_mem_alloc(vm, sizeof(WfFrame) + sizeof(WfValue) * (nslots + co->stacksize));
        if (!f) return NULL;
        f->gen = NULL;
        f->caller_handled = WF_NULL;
    } else {
        f = frame_alloc(vm, nslots + co->stacksize);
        if (!f) return NULL;
    }
    f->state = 0;
    f->heap = heap;
    f->code = co;
    f->func = fn;
    wf_obj_incref(&fn->ob);
    f->ip = co->code;
    f->sp = f->slots + nslots;
    f->locals = WF_NULL;
    f->prev = NULL;
    bool ok;
    if ((co->flags & WF_CO_SIMPLE) && nargs == co->argcount && !kwnames) {
        /* The common call from C (a callback, a sort key, __init__): each
         * slot written once. */
        for (size_t i = 0; i < nargs; i++) f->slots[i] = wf_ref(wf_vload(&args[i]));
        for (uint32_t i = (uint32_t)nargs; i < co->nlocals; i++) f->slots[i] = WF_NULL;
        ok = true;
    } else {
        nslots_null(f->slots, nslots);
        ok = bind_args(vm, fn, f->slots, args, nargs, kwnames);
    }
    if (!ok || ((co->ncells | co->nfrees) && !frame_cells(vm, f, fn))) {
        frame_clear(vm, f);
        frame_dispose(vm, f);
        return NULL;
    }
    if (!heap) vm->depth++;
    return f;
}

static WfValue run(WfVM *vm, WfFrame *f, bool throwing);

/* Can the loop call fn with push_simple: a WF_CO_SIMPLE function given
 * exactly its positional arguments, below the recursion limit? */
#define SIMPLE_CALL(fn, npos, kwnames) \
    ((npos) == (fn)->code->simple_argc && !(kwnames) && vm->depth < vm->recursion_limit)

/* A new frame's fields after its locals, and its cells; false (frame
 * released) on MemoryError. */
static inline __attribute__((always_inline)) bool frame_start(WfVM *vm, WfFrame *nf, WfFunction *fn,
                                                              WfFrame *caller) {
    WfCode *cc = fn->code;
    nf->prev = caller;
    nf->code = cc;
    nf->func = fn;
    nf->ip = cc->code;
    nf->sp = nf->slots + cc->nslots;
    nf->locals = WF_NULL;
    nf->state = 0;
    if (cc->ncells) {
        if (!frame_cells(vm, nf, fn)) {
            frame_clear(vm, nf);
            frame_release(vm, nf);
            return false;
        }
    } else if (cc->nfrees) {
        frame_frees(nf, fn);
    }
    vm->depth++;
    return true;
}

/* The loop's call of fn when SIMPLE_CALL holds: the caller's reference to
 * fn and the nargs values at args (references too) move into a new frame
 * above caller, each slot written once. On MemoryError what it was given
 * is released and it returns NULL. */
static inline __attribute__((always_inline)) WfFrame *push_simple(WfVM *vm, WfFunction *fn, const WfValue *args, uint32_t nargs, WfFrame *caller) {
    WfCode *cc = fn->code;
    WfFrame *nf = frame_alloc(vm, cc->nslots + cc->stacksize);
    if (!nf) {
        for (uint32_t i = 0; i < nargs; i++) wf_decref(vm, args[i]);
        wf_obj_decref(vm, &fn->ob);
        return NULL;
    }
    WfValue *s = nf->slots;
    for (uint32_t i = 0; i < nargs; i++) s[i] = wf_vload(&args[i]);
    for (uint32_t i = nargs; i < cc->nlocals; i++) s[i] = WF_NULL;
    return frame_start(vm, nf, fn, caller) ? nf : NULL;
}

/* push_simple for a call kw_shape accepted (at, given): npos positional
 * values at args, then one per name in kwnames, whose reference is
 * released too. */
static WfFrame *push_bound(WfVM *vm, WfFunction *fn, const WfValue *args, size_t npos, WfObject *kwnames,
                           const uint8_t *at, uint64_t given, WfFrame *caller) {
    WfCode *cc = fn->code;
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    WfFrame *nf = frame_alloc(vm, cc->nslots + cc->stacksize);
    if (nf) kw_fill(fn, nf->slots, args, npos, nkw, at, given);
    else for (size_t i = 0; i < npos + nkw; i++) wf_decref(vm, args[i]);
    if (kwnames) wf_obj_decref(vm, kwnames);
    if (!nf) {
        wf_obj_decref(vm, &fn->ob);
        return NULL;
    }
    return frame_start(vm, nf, fn, caller) ? nf : NULL;
}

/* Can the loop call fn (not SIMPLE_CALL) with push_bound? Sets at and
 * given. */
#define BOUND_CALL(fn, npos, kwnames) \
    (vm->depth < vm->recursion_limit && kw_shape((fn), (npos), (kwnames), at, &given))

/* A generator runs with its own handled exception (what its except block
 * was handling when it suspended) on top of its caller's, as CPython's
 * per-generator exc_state does; suspending or finishing restores the
 * caller's. */
static inline void gen_enter(WfVM *vm, WfFrame *gf) {
    WfGen *g = gf->gen;
    gf->caller_handled = vm->handled;
    if (!WF_IS_NULL(g->exc_state)) {
        vm->handled = g->exc_state;
        g->exc_state = WF_NULL;
    } else {
        vm->handled = wf_ref(gf->caller_handled);
    }
}

static inline void gen_leave(WfVM *vm, WfFrame *gf, bool finished) {
    WfGen *g = gf->gen;
    WfValue own = vm->handled;
    vm->handled = gf->caller_handled;
    gf->caller_handled = WF_NULL;
    /* Only an exception its own handler is handling belongs to the
     * generator; otherwise it was just seeing its caller's. */
    if (finished || gf->handlers == 0 || WF_IS_NULL(own)) {
        wf_decref(vm, own);
    } else {
        WfValue old = g->exc_state;
        g->exc_state = own;
        wf_decref(vm, old);
    }
}

/* Calling a generator function makes a generator owning a heap frame. */
static WfValue make_generator(WfVM *vm, WfFunction *fn, const WfValue *args, size_t nargs, WfObject *kwnames) {
    WfFrame *f = frame_new(vm, fn, args, nargs, kwnames, true);
    if (!f) return WF_NULL;
    WfValue g = wf_gen_new(vm, f);
    if (WF_IS_NULL(g)) {
        frame_clear(vm, f);
        wf_mem_free(vm, f);
    }
    return g;
}

void wf_frame_free_heap(WfVM *vm, WfFrame *f) {
    if (!f->finished) {
        f->finished = true;
        frame_clear(vm, f);
    }
    wf_mem_free(vm, f);
}

WfValue wf_frame_resume(WfVM *vm, WfFrame *f, WfValue sent, bool throwing, bool *yielded) {
    *yielded = false;
    if (vm->c_depth >= WF_MAX_C_DEPTH || vm->depth >= vm->recursion_limit || (uintptr_t)&sent < vm->stack_limit) {
        wf_decref(vm, sent);
        if (throwing) wf_err_clear(vm);
        return wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
    }
    if (!WF_IS_NULL(sent)) *f->sp++ = sent;
    f->entry = true;
    f->resume_kind = WF_RESUME_NONE;
    f->prev = vm->frame;
    vm->depth++;
    vm->c_depth++;
    vm->gen_yielded = false;
    gen_enter(vm, f);
    WfValue r = run(vm, f, throwing);
    vm->c_depth--;
    *yielded = vm->gen_yielded;
    vm->gen_yielded = false;
    gen_leave(vm, f, !*yielded);
    return r;
}

/* wf_vm_call_function for every call but the plainest: keywords, defaults,
 * generators, and the limits' errors. */
static __attribute__((noinline)) WfValue call_function_general(WfVM *vm, WfFunction *fn, const WfValue *args,
                                                               size_t nargs, WfObject *kwnames) {
    if (wf_stack_exhausted(vm)) return WF_NULL;
    if (vm->c_depth >= WF_MAX_C_DEPTH) {
        return wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
    }
    if (fn->code->flags & WF_CO_GENERATOR) return make_generator(vm, fn, args, nargs, kwnames);
    WfFrame *f;
    uint8_t at[WF_KW_MAX];
    uint64_t given;
    if (SIMPLE_CALL(fn, nargs, kwnames)) {
        for (size_t i = 0; i < nargs; i++) wf_incref(args[i]);
        wf_obj_incref(&fn->ob);
        f = push_simple(vm, fn, args, (uint32_t)nargs, vm->frame);
    } else if (BOUND_CALL(fn, nargs, kwnames)) {
        size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
        for (size_t i = 0; i < nargs + nkw; i++) wf_incref(args[i]);
        wf_obj_incref(&fn->ob);
        if (kwnames) wf_obj_incref(kwnames);
        f = push_bound(vm, fn, args, nargs, kwnames, at, given, vm->frame);
    } else {
        f = frame_new(vm, fn, args, nargs, kwnames, false);
        if (f) f->prev = vm->frame;
    }
    if (!f) return WF_NULL;
    f->entry = true;
    vm->c_depth++;
    WfValue r = run(vm, f, false);
    vm->c_depth--;
    return r;
}

WfValue wf_vm_call_function(WfVM *vm, WfFunction *fn, const WfValue *args, size_t nargs, WfObject *kwnames) {
    /* The call nearly every callback, sort key and dunder method makes: its
     * exact positional arguments, well inside every limit. It is the loop's
     * own call, with new references. */
    char here;
    if (nargs == fn->code->simple_argc && !kwnames && vm->depth < vm->recursion_limit &&
        vm->c_depth < WF_MAX_C_DEPTH && (uintptr_t)&here > vm->stack_limit) {
        for (size_t i = 0; i < nargs; i++) wf_incref(args[i]);
        wf_obj_incref(&fn->ob);
        WfFrame *f = push_simple(vm, fn, args, (uint32_t)nargs, vm->frame);
        if (!f) return WF_NULL;
        f->entry = true;
        vm->c_depth++;
        WfValue r = run(vm, f, false);
        vm->c_depth--;
        return r;
    }
    return call_function_general(vm, fn, args, nargs, kwnames);
}

WfValue wf_vm_call_class_body(WfVM *vm, WfFunction *fn, WfValue ns) {
    if (wf_stack_exhausted(vm)) return WF_NULL;
    if (vm->c_depth >= WF_MAX_C_DEPTH)
        return wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
    WfFrame *f = frame_new(vm, fn, NULL, 0, NULL, false);
    if (!f) return WF_NULL;
    f->locals = wf_ref(ns);
    f->entry = true;
    f->prev = vm->frame;
    vm->c_depth++;
    WfValue r = run(vm, f, false);
    vm->c_depth--;
    return r;
}

WfValue wf_vm_run_module_code(WfVM *vm, WfCode *code, WfValue globals) {
    WfValue fnv = wf_function_new(vm, code, globals);
    if (WF_IS_NULL(fnv)) return fnv;
    WfValue r = wf_vm_call_function(vm, (WfFunction *)fnv.u.o, NULL, 0, NULL);
    wf_decref(vm, fnv);
    return r;
}

/* ---- helpers of the loop ------------------------------------------------------------- */

static WfValue load_global(WfVM *vm, WfFunction *fn, WfObject *name) {
    WfValue v = wf_dict_get_str(fn->globals, name);
    if (!WF_IS_NULL(v)) return wf_ref(v);
    v = wf_dict_get_str(fn->builtins, name);
    if (!WF_IS_NULL(v)) return wf_ref(v);
    return wf_err_format(vm, &wf_exc_NameError, "name '%s' is not defined", ((WfStr *)name)->data);
}

static WfValue unbound_local(WfVM *vm, WfCode *co, uint32_t slot) {
    return wf_err_format(vm, &wf_exc_UnboundLocalError,
                         "cannot access local variable '%s' where it is not associated with a value",
                         ((WfStr *)co->varnames[slot])->data);
}

static WfValue unbound_free(WfVM *vm, WfCode *co, uint32_t slot) {
    if (slot < co->nlocals + co->ncells) return unbound_local(vm, co, slot);
    return wf_err_format(vm, &wf_exc_NameError,
                         "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                         ((WfStr *)co->varnames[slot])->data);
}

static bool unpack_iterable(WfVM *vm, WfValue seq, int before, int after, bool star, WfValue *out) {
    /* out[0..] receives items in order: before items, [list], after items */
    int want = before + after;
    if (wf_is_tuple_items(seq) || wf_is_list_items(seq)) {
        size_t n = wf_is_tuple_items(seq) ? WF_TUPLE(seq)->n : WF_LIST(seq)->n;
        WfValue *items = wf_is_tuple_items(seq) ? WF_TUPLE(seq)->items : WF_LIST(seq)->items;
        if (!star) {
            if (n != (size_t)want) {
                if (n < (size_t)want)
                    wf_err_format(vm, &wf_exc_ValueError, "not enough values to unpack (expected %d, got %zu)", want, n);
                else
                    wf_err_format(vm, &wf_exc_ValueError, "too many values to unpack (expected %d)", want);
                return false;
            }
            for (size_t i = 0; i < n; i++) out[i] = wf_ref(items[i]);
            return true;
        }
    }
    WfValue it = wf_iter(vm, seq);
    if (WF_IS_NULL(it)) {
        if (wf_err_matches(vm, &wf_exc_TypeError)) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_TypeError, "cannot unpack non-iterable %s object", wf_type_name(seq));
        }
        return false;
    }
    int got = 0;
    for (int i = 0; i < before; i++) {
        WfValue x = wf_iternext(vm, it);
        if (WF_IS_NULL(x)) {
            if (!wf_err_occurred(vm)) {
                if (star)
                    wf_err_format(vm, &wf_exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                  want, i);
                else
                    wf_err_format(vm, &wf_exc_ValueError, "not enough values to unpack (expected %d, got %d)", want, i);
            }
            goto fail;
        }
        out[got++] = x;
    }
    if (!star) {
        WfValue x = wf_iternext(vm, it);
        if (!WF_IS_NULL(x)) {
            wf_decref(vm, x);
            wf_err_format(vm, &wf_exc_ValueError, "too many values to unpack (expected %d)", want);
            goto fail;
        }
        if (wf_err_occurred(vm)) goto fail;
        wf_decref(vm, it);
        return true;
    }
    WfValue rest = wf_list_from_iterable(vm, it);
    if (WF_IS_NULL(rest)) goto fail;
    WfList *l = WF_LIST(rest);
    if (l->n < (size_t)after) {
        wf_err_format(vm, &wf_exc_ValueError, "not enough values to unpack (expected at least %d, got %zu)", want,
                      (size_t)before + l->n);
        wf_decref(vm, rest);
        goto fail;
    }
    out[got++] = rest;
    for (int i = 0; i < after; i++) out[got++] = l->items[l->n - (size_t)after + (size_t)i];
    l->n -= (size_t)after;
    wf_decref(vm, it);
    return true;
fail:
    for (int i = 0; i < got; i++) wf_decref(vm, out[i]);
    wf_decref(vm, it);
    return false;
}

static WfValue do_format(WfVM *vm, WfValue v, int flags, WfValue spec) {
    WfValue conv;
    switch (flags & 3) {
    case 1: conv = wf_to_str(vm, v); break;
    case 2: conv = wf_repr(vm, v); break;
    case 3: conv = wf_ascii(vm, v); break;
    default: conv = wf_ref(v); break;
    }
    if (WF_IS_NULL(conv)) return conv;
    WfValue r;
    if (WF_IS_NULL(spec) && wf_is_exact_str(conv)) return conv;
    if (WF_IS_NULL(spec)) {
        r = wf_format(vm, conv, vm->empty_str);
    } else {
        r = wf_format(vm, conv, spec);
    }
    wf_decref(vm, conv);
    return r;
}

static int exc_matches(WfVM *vm, WfValue exc, WfValue cls) {
    if (wf_is_tuple(cls)) {
        WfTuple *t = WF_TUPLE(cls);
        for (size_t i = 0; i < t->n; i++) {
            int r = exc_matches(vm, exc, t->items[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!wf_is_type(cls) || !(((WfType *)cls.u.o)->flags & WF_TPFLAG_EXC)) {
        wf_err_format(vm, &wf_exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return wf_isinstance(exc, (WfType *)cls.u.o);
}

/* `raise exc from cause`: normalise both and attach the cause. */
static void do_raise(WfVM *vm, WfValue exc, WfValue cause) {
    wf_err_raise(vm, exc);
    if (WF_IS_NULL(cause) || !wf_err_occurred(vm)) return;
    if (!WF_IS_OBJ(vm->exc) || !(vm->exc.u.o->type->flags & WF_TPFLAG_EXC)) return;
    WfException *e = (WfException *)vm->exc.u.o;
    WfValue c;
    if (WF_IS_NONE(cause)) {
        c = WF_NONE;
    } else if (wf_is_type(cause) && (((WfType *)cause.u.o)->flags & WF_TPFLAG_EXC)) {
        c = wf_call0(vm, cause);
        if (WF_IS_NULL(c)) return;
    } else if (wf_isinstance(cause, &wf_exc_BaseException)) {
        c = wf_ref(cause);
    } else {
        wf_err_clear(vm);
        wf_err_format(vm, &wf_exc_TypeError, "exception causes must derive from BaseException");
        return;
    }
    wf_decref(vm, e->cause);
    e->cause = WF_IS_NONE(c) ? WF_NULL : c;
    e->suppress_context = true;
}

/* Implicit chaining: an exception raised while another is handled gets it
 * as __context__ (unless that would make a cycle). */
static void set_context(WfVM *vm) {
    WfValue h = vm->handled;
    if (WF_IS_NULL(h) || !WF_IS_OBJ(vm->exc) || h.u.o == vm->exc.u.o) return;
    if (!(vm->exc.u.o->type->flags & WF_TPFLAG_EXC)) return;
    WfException *e = (WfException *)vm->exc.u.o;
    if (!WF_IS_NULL(e->context)) return;
    /* Break a cycle the way CPython does: drop the link that points back. */
    WfValue o = h;
    while (WF_IS_OBJ(o) && (o.u.o->type->flags & WF_TPFLAG_EXC)) {
        WfException *x = (WfException *)o.u.o;
        if (WF_IS_OBJ(x->context) && x->context.u.o == vm->exc.u.o) {
            WfValue old = x->context;
            x->context = WF_NULL;
            wf_decref(vm, old);
            break;
        }
        o = x->context;
    }
    e->context = wf_ref(h);
}

static int print_item(WfVM *vm, WfValue v) {
    if (vm->softspace && wf_write_stdout(vm, " ", 1) < 0) return -1;
    WfValue s = wf_to_str(vm, v);
    if (WF_IS_NULL(s)) return -1;
    int rc = wf_write_stdout(vm, WF_STR(s)->data, (size_t)WF_STR(s)->len);
    /* Python 2: no soft space after a string ending in a newline. */
    WfStr *st = WF_STR(s);
    vm->softspace = !(wf_is_str(v) && st->len > 0 && (st->data[st->len - 1] == '\n' || st->data[st->len - 1] == '\t'));
    wf_decref(vm, s);
    return rc;
}

/* The int64 fast path shared by BINARY_OP, INPLACE_OP and their
 * int-constant forms: false when the result needs the general path
 * (overflow into a big int, division by zero, an operator not handled). */
static inline bool int_binop(uint32_t op, int64_t x, int64_t y, int64_t *r) {
    switch (op) {
    case WF_BIN_ADD: return !__builtin_add_overflow(x, y, r);
    case WF_BIN_SUB: return !__builtin_sub_overflow(x, y, r);
    case WF_BIN_MUL: return !__builtin_mul_overflow(x, y, r);
    case WF_BIN_MOD:
        if (y == 0 || y == -1) return false;
        *r = x % y;
        if (*r != 0 && ((*r < 0) != (y < 0))) *r += y;
        return true;
    case WF_BIN_FLOORDIV:
        if (y == 0 || y == -1) return false;
        *r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) (*r)--;
        return true;
    case WF_BIN_AND: *r = x & y; return true;
    case WF_BIN_OR: *r = x | y; return true;
    case WF_BIN_XOR: *r = x ^ y; return true;
    default: return false;
    }
}

/* ---- the loop ----------------------------------------------------------------------- */

#define PUSH(v) wf_vstore(sp++, (v))
/* Pushes local slot i, or raises UnboundLocalError. */
#define PUSH_LOCAL(i)                         \
    do {                                      \
        uint32_t i_ = (i);                    \
        WfValue v_ = wf_vload(&f->slots[i_]); \
        if (WF_IS_NULL(v_)) {                 \
            unbound_local(vm, co, i_);        \
            goto error;                       \
        }                                     \
        wf_incref(v_);                        \
        PUSH(v_);                             \
    } while (0)
#define SET_TOP(v) wf_vstore(sp - 1, (v))
#define POP() wf_vload(--sp)
#define PEEK(n) wf_vload(sp - (n))
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])

#if defined(__GNUC__) && !defined(WEFT_NO_COMPUTED_GOTO)
#define USE_GOTO 1
#endif

#ifdef USE_GOTO
#define TARGET(op) L_##op:
#define DISPATCH()                                   \
    do {                                             \
        word = *ip++;                                \
        goto *labels[WF_INSTR_OP(word)];             \
    } while (0)
#else
#define TARGET(op) case WF_OP_##op:
#define DISPATCH() goto next
#endif
#define ARG ((uint32_t)WF_INSTR_ARG(word))

#define LOAD_FRAME()                                  \
    do {                                              \
        co = f->code;                                 \
        ip = f->ip;                                   \
        sp = f->sp;                                   \
        vm->frame = f;                                \
    } while (0)
#define SAVE_FRAME() \
    do {             \
        f->ip = ip;  \
        f->sp = sp;  \
    } while (0)

/* Runs generator frame gf on top of f in this loop; kind says what f's
 * instruction expects back when gf yields or ends (WF_RESUME_*). */
#define ENTER_GEN(gf, kind)                  \
    do {                                     \
        (gf)->gen->state = WF_GEN_RUNNING;   \
        (gf)->entry = false;                 \
        (gf)->resume_kind = (kind);          \
        (gf)->prev = f;                      \
        SAVE_FRAME();                        \
        vm->depth++;                         \
        gen_enter(vm, (gf));                 \
        f = (gf);                            \
        LOAD_FRAME();                        \
    } while (0)

/* The entry attribute site c keeps for receiver class t, while the
 * class epoch it was filled in holds. */
static inline WfAttrSeen *attr_seen(WfVM *vm, WfCache *c, WfType *t) {
    if (c->version != vm->next_type_version) return NULL;
    for (int i = 0; i < WF_ATTR_SEEN; i++)
        if (c->seen[i].type == t) return &c->seen[i];
    return NULL;
}

/* Records what attribute site c found for receiver class t. A new epoch
 * empties the site first; a full site gives up its last entry. */
static void attr_remember(WfVM *vm, WfCache *c, WfType *t, uint64_t aux, const void *fn) {
    if (c->version != vm->next_type_version) {
        memset(c->seen, 0, sizeof c->seen);
        c->version = vm->next_type_version;
    }
    int i = 0;
    while (i < WF_ATTR_SEEN - 1 && c->seen[i].type && c->seen[i].type != t) i++;
    c->seen[i] = (WfAttrSeen){t, aux, fn};
}

/* CALL / CALL_METHOD: an @inlineCallbacks wrapper (or a bound method of
 * one) goes to inline_call with its arguments. */
#define TRY_INLINE_CALL(argv)                                                                          \
    do {                                                                                                \
        if (callable.tag == WF_TAG_OBJ &&                                                               \
            (callable.u.o->type == &wf_type_inline_function || callable.u.o->type == &wf_type_method)) { \
            ic_func = wf_inline_func_of(callable, &ic_self);                                            \
            if (!WF_IS_NULL(ic_func)) {                                                                 \
                ic_base = base;                                                                         \
                ic_args = (argv);                                                                       \
                ic_npos = npos;                                                                         \
                ic_kw = kwnames;                                                                        \
                goto inline_call;                                                                       \
            }                                                                                           \
        }                                                                                               \
    } while (0)

static WfValue run(WfVM *vm, WfFrame *f, bool throwing) {
#ifdef USE_GOTO
    static void *const labels[] = {
#define OP(name, fmt, stack, doc) &&L_##name,
#include "opcodes.h"
#undef OP
    };
#endif
    WfCode *co;
    const uint32_t *ip;
    WfValue *sp;
    uint32_t word;
    bool reraise = false;
    WfValue yv, retv;
    /* CALL / CALL_METHOD of an @inlineCallbacks function, for inline_call. */
    WfValue ic_func = WF_NULL, ic_self = WF_NULL, *ic_base = NULL;
    const WfValue *ic_args = NULL;
    size_t ic_npos = 0;
    WfObject *ic_kw = NULL;
    WfFrame *ic_gf = NULL;
    /* Firing a Deferred from the loop (defer_next, defer_step). */
    WfDeferCall dcall;
    int dk;
    LOAD_FRAME();
    if (throwing) goto error;

#ifdef USE_GOTO
    DISPATCH();
#else
next:
    word = *ip++;
    switch (WF_INSTR_OP(word)) {
#endif

    TARGET(NOP) { DISPATCH(); }
    TARGET(POP_TOP) {
        WfValue v = POP();
        wf_decref(vm, v);
        DISPATCH();
    }
    TARGET(DUP_TOP) {
        WfValue v = PEEK(1);
        wf_incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(DUP_TOP_TWO) {
        WfValue a = SECOND(), b = PEEK(1);
        wf_incref(a);
        wf_incref(b);
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }
    TARGET(ROT_TWO) {
        WfValue t = PEEK(1);
        SET_TOP(PEEK(2));
        SECOND() = t;
        DISPATCH();
    }
    TARGET(ROT_THREE) {
        WfValue t = PEEK(1);
        SET_TOP(PEEK(2));
        SECOND() = PEEK(3);
        THIRD() = t;
        DISPATCH();
    }
    TARGET(ROT_FOUR) {
        WfValue t = PEEK(1);
        SET_TOP(PEEK(2));
        SECOND() = PEEK(3);
        THIRD() = sp[-4];
        sp[-4] = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        WfValue v = wf_vload(&co->consts[ARG]);
        wf_incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_NONE) {
        PUSH(WF_NONE);
        DISPATCH();
    }
    TARGET(LOAD_SMALL_INT) {
        int32_t v = (int32_t)(ARG << 8) >> 8;
        PUSH(WF_INT(v));
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        PUSH_LOCAL(ARG);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        WfValue old = f->slots[ARG];
        f->slots[ARG] = POP();
        wf_decref(vm, old);
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        WfValue old = f->slots[ARG];
        if (WF_IS_NULL(old)) {
            unbound_local(vm, co, ARG);
            goto error;
        }
        f->slots[ARG] = WF_NULL;
        wf_decref(vm, old);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        WfCell *cell = (WfCell *)f->slots[ARG].u.o;
        if (WF_IS_NULL(cell->value)) {
            unbound_free(vm, co, ARG);
            goto error;
        }
        WfValue v = wf_vload(&cell->value);
        wf_incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        WfCell *cell = (WfCell *)f->slots[ARG].u.o;
        WfValue old = cell->value;
        cell->value = POP();
        wf_decref(vm, old);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        WfCell *cell = (WfCell *)f->slots[ARG].u.o;
        WfValue old = cell->value;
        if (WF_IS_NULL(old)) {
            unbound_free(vm, co, ARG);
            goto error;
        }
        cell->value = WF_NULL;
        wf_decref(vm, old);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        WfValue c = f->slots[ARG];
        wf_incref(c);
        PUSH(c);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        WfObject *name = co->names[ARG];
        WfCache *cache = &co->caches[WF_INSTR_ARG(*ip)];
        ip++;
        WfValue v;
        /* Entry indexes stay valid while the dict versions do (dict.h). */
        if (cache->dict == f->func->globals.u.o && cache->version == wf_dict_version_fast(f->func->globals)) {
            if (cache->version2 == 0) {
                v = wf_dict_value_at(f->func->globals, cache->value.u.i);
                wf_incref(v);
                PUSH(v);
                DISPATCH();
            }
            if (cache->version2 == wf_dict_version_fast(f->func->builtins)) {
                v = wf_dict_value_at(f->func->builtins, cache->value.u.i);
                wf_incref(v);
                PUSH(v);
                DISPATCH();
            }
        }
        int64_t ix = wf_dict_find_str(f->func->globals, name);
        if (ix >= 0) {
            cache->dict = f->func->globals.u.o;
            cache->version = wf_dict_version_fast(f->func->globals);
            cache->version2 = 0;
            cache->value = WF_INT(ix);
            v = wf_dict_value_at(f->func->globals, ix);
        } else {
            ix = wf_dict_find_str(f->func->builtins, name);
            if (ix < 0) {
                wf_err_format(vm, &wf_exc_NameError, "name '%s' is not defined", ((WfStr *)name)->data);
                goto error;
            }
            cache->dict = f->func->globals.u.o;
            cache->version = wf_dict_version_fast(f->func->globals);
            cache->version2 = wf_dict_version_fast(f->func->builtins);
            cache->value = WF_INT(ix);
            v = wf_dict_value_at(f->func->builtins, ix);
        }
        wf_incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue v = POP();
        int rc = wf_dict_set(vm, f->func->globals, WF_OBJ(name), v);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        WfObject *name = co->names[ARG];
        ip++;
        if (wf_dict_del(vm, f->func->globals, WF_OBJ(name)) < 0) {
            if (wf_err_matches(vm, &wf_exc_KeyError)) {
                wf_err_clear(vm);
                wf_err_format(vm, &wf_exc_NameError, "name '%s' is not defined", ((WfStr *)name)->data);
            }
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue v = WF_NULL;
        if (!WF_IS_NULL(f->locals)) v = wf_dict_get_str(f->locals, name);
        if (WF_IS_NULL(v)) {
            SAVE_FRAME();
            v = load_global(vm, f->func, name);
            if (WF_IS_NULL(v)) goto error;
        } else {
            wf_incref(v);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue v = POP();
        WfValue ns = WF_IS_NULL(f->locals) ? f->func->globals : f->locals;
        int rc = wf_dict_set(vm, ns, WF_OBJ(name), v);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue ns = WF_IS_NULL(f->locals) ? f->func->globals : f->locals;
        if (wf_dict_del(vm, ns, WF_OBJ(name)) < 0) {
            if (wf_err_matches(vm, &wf_exc_KeyError)) {
                wf_err_clear(vm);
                wf_err_format(vm, &wf_exc_NameError, "name '%s' is not defined", ((WfStr *)name)->data);
            }
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        WfObject *name = co->names[ARG];
        WfCache *cache = &co->caches[WF_INSTR_ARG(*ip)];
        ip++;
        WfValue o = PEEK(1);
        WfAttrSeen *seen;
        if (o.tag == WF_TAG_OBJ && (seen = attr_seen(vm, cache, o.u.o->type))) {
            /* An instance attribute kept inline, as last time. */
            WfValue *slot = wf_instance_inline_value(o.u.o, seen->type, seen->aux);
            if (slot && !WF_IS_NULL(*slot)) {
                SET_TOP(wf_ref(wf_vload(slot)));
                wf_decref(vm, o);
                DISPATCH();
            }
        }
        SAVE_FRAME();
        WfValue v = wf_getattr(vm, o, name);
        if (WF_IS_NULL(v)) goto error;
        int64_t k = wf_instance_inline_index(vm, o, name, false);
        if (k >= 0) attr_remember(vm, cache, o.u.o->type, (uint64_t)k, NULL);
        SET_TOP(v);
        wf_decref(vm, o);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        WfObject *name = co->names[ARG];
        WfCache *cache = &co->caches[WF_INSTR_ARG(*ip)];
        ip++;
        WfValue o = POP();
        WfValue v = POP();
        WfAttrSeen *seen;
        if (o.tag == WF_TAG_OBJ && (seen = attr_seen(vm, cache, o.u.o->type)) &&
            wf_instance_inline_store(vm, o.u.o, seen->type, seen->aux, v)) {
            wf_decref(vm, o);
            DISPATCH();
        }
        SAVE_FRAME();
        int rc = wf_setattr(vm, o, name, v);
        if (rc == 0) {
            int64_t k = wf_instance_inline_index(vm, o, name, true);
            if (k >= 0) attr_remember(vm, cache, o.u.o->type, (uint64_t)k, NULL);
        }
        wf_decref(vm, o);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue o = POP();
        SAVE_FRAME();
        int rc = wf_setattr(vm, o, name, WF_NULL);
        wf_decref(vm, o);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        WfObject *name = co->names[ARG];
        WfCache *cache = &co->caches[WF_INSTR_ARG(*ip)];
        ip++;
        WfValue o = PEEK(1);
        WfType *t = wf_type_of(o);
        if (cache->type == t && !(t->flags & WF_TPFLAG_HEAPTYPE)) {
            /* [native, self]: CALL_METHOD calls the C function directly. */
            wf_incref(cache->value);
            SET_TOP(cache->value);
            PUSH(o);
            DISPATCH();
        }
        if (!(t->flags & (WF_TPFLAG_HEAPTYPE | WF_TPFLAG_TYPE)) && !t->getattr) {
            const WfMethodDef *def;
            const WfGetSetDef *gs;
            if (wf_type_find(t, ((WfStr *)name)->data, &def, &gs) && def) {
                WfValue nat = wf_native_new(vm, def, WF_NULL);
                if (WF_IS_NULL(nat)) goto error;
                ((WfNative *)nat.u.o)->owner = t;
                wf_decref(vm, cache->value);
                cache->value = nat;
                cache->type = t;
                wf_incref(nat);
                SET_TOP(nat);
                PUSH(o);
                DISPATCH();
            }
        }
        if ((t->flags & WF_TPFLAG_HEAPTYPE) && t->getattr == wf_instance_getattr) {
            /* A plain function found on the class, not shadowed by the
             * instance: call it with self, no bound method. */
            WfAttrSeen *seen = attr_seen(vm, cache, t);
            if (seen && wf_instance_method_still(o.u.o, t, seen->aux)) {
                WfValue m = WF_OBJ((WfObject *)seen->fn);
                wf_incref(m);
                SET_TOP(m);
                PUSH(o);
                DISPATCH();
            }
            WfValue m = wf_instance_method(vm, o, name);
            if (!WF_IS_NULL(m)) {
                int64_t nkeys = wf_instance_method_cacheable(vm, o, name);
                /* Borrowed from the class dict, like the per-class caches:
                 * replacing a function there moves the epoch. (Owning it
                 * would make a cycle through the code object when a method
                 * calls itself.) */
                if (nkeys >= 0) attr_remember(vm, cache, t, (uint64_t)nkeys, m.u.o);
                wf_incref(m);
                SET_TOP(m);
                PUSH(o);
                DISPATCH();
            }
        } else if (t == &wf_type_super) {
            WfValue self;
            WfValue m = wf_super_method(vm, o, name, &self);
            if (!WF_IS_NULL(m)) {
                wf_incref(m);
                wf_incref(self);
                SET_TOP(m);
                PUSH(self);
                wf_decref(vm, o);
                DISPATCH();
            }
        }
        SAVE_FRAME();
        WfValue v = wf_getattr(vm, o, name);
        if (WF_IS_NULL(v)) goto error;
        SET_TOP(WF_NULL);
        PUSH(v);
        wf_decref(vm, o);
        DISPATCH();
    }
    TARGET(CALL_METHOD) {
        uint32_t n = ARG;
        WfValue *base = sp - n - 2;
        WfObject *kwnames = NULL;
        if (0) {
        TARGET(CALL_METHOD_KW)
            n = ARG;
            kwnames = sp[-1].u.o;
            sp--;
            base = sp - n - 2;
        }
        WfValue callable = base[0];
        if (callable.tag == WF_TAG_OBJ && callable.u.o->type == &wf_type_native) {
            /* A built-in method LOAD_METHOD found on its own type
             * (list.append, Deferred.addCallback): called directly. A
             * generator's send and next resume below, in this loop. */
            WfNative *nat = (WfNative *)callable.u.o;
            WfValue self = base[1];
            if (self.tag == WF_TAG_OBJ && self.u.o->type == nat->owner && nat->owner != &wf_type_generator) {
                SAVE_FRAME();
                unsigned fl = nat->def->flags;
                if ((fl & (WF_METH_DEFER_ADD_CB | WF_METH_DEFER_ADD_EB)) && !kwnames && n - 1u <= 1u &&
                    base[2].tag == WF_TAG_OBJ && base[2].u.o->type == &wf_type_function) {
                    /* d.addCallback(f) / (f, x) with f a Python function
                     * and d not yet fired: the pair add_fast would write,
                     * written here. */
                    WfDeferred *d = WF_DEFERRED(self);
                    if (!d->called) {
                        if (d->n >= d->cap && wf_deferred_reserve(vm, d) < 0) goto error;
                        wf_deferred_put_pair(d, base[2].u.o, n == 2 ? base[3] : WF_NULL, NULL,
                                             WF_METH_DEFER_SIDES(fl));
                        for (WfValue *p = base + 2; p < sp; p++) wf_decref(vm, *p);
                        wf_decref(vm, callable);
                        if (WF_INSTR_OP(*ip) == WF_OP_POP_TOP) {
                            ip++;
                            wf_decref(vm, self);
                            sp = base;
                            DISPATCH();
                        }
                        base[0] = self;
                        sp = base + 1;
                        DISPATCH();
                    }
                }
                if ((fl & WF_METH_DEFER_FIRE) && n == 1 && !kwnames) {
                    /* d.callback(v): this loop runs d's Python callbacks
                     * as frames of its own (defer_next); d stays on our
                     * stack meanwhile, where the call's result goes. */
                    WfValue v = base[2];
                    dk = wf_defer_loop_fire(vm, WF_DEFERRED(self), v);
                    wf_decref(vm, v);
                    wf_decref(vm, callable);
                    base[0] = self;
                    sp = base + 1;
                    if (dk > 0) goto defer_next;
                    goto defer_step;
                }
                WfValue r = nat->def->fn(vm, self, base + 2, n - (kwnames ? ((WfTuple *)kwnames)->n : 0), kwnames);
                if (kwnames) wf_obj_decref(vm, kwnames);
                for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
                sp = base;
                if (WF_IS_NULL(r)) goto error;
                if (WF_INSTR_OP(*ip) == WF_OP_POP_TOP) {
                    /* A statement `d.addCallback(f)`: the result goes at
                     * once, without the trip through the stack. */
                    ip++;
                    wf_decref(vm, r);
                    DISPATCH();
                }
                PUSH(r);
                DISPATCH();
            }
        }
        WfValue *args;
        size_t nargs;
        if (WF_IS_NULL(callable)) {
            callable = base[1];
            args = base + 2;
            nargs = n;
        } else {
            args = base + 1;
            nargs = n + 1;
        }
        size_t npos = nargs - (kwnames ? ((WfTuple *)kwnames)->n : 0);
        if (callable.tag == WF_TAG_OBJ && callable.u.o->type == &wf_type_function) {
            WfFunction *callee = (WfFunction *)callable.u.o;
            SAVE_FRAME();
            uint8_t at[WF_KW_MAX];
            uint64_t given;
            WfFrame *nf;
            if (SIMPLE_CALL(callee, npos, kwnames)) {
                /* The reference to callee is the slot just below args
                 * (base[0], or base[1] above an empty base[0]). */
                nf = push_simple(vm, callee, args, (uint32_t)nargs, f);
            } else if (BOUND_CALL(callee, npos, kwnames)) {
                nf = push_bound(vm, callee, args, npos, kwnames, at, given, f);
            } else if (callee->code->flags & WF_CO_GENERATOR) {
                WfValue g = make_generator(vm, callee, args, npos, kwnames);
                if (kwnames) wf_obj_decref(vm, kwnames);
                for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
                sp = base;
                if (WF_IS_NULL(g)) goto error;
                PUSH(g);
                DISPATCH();
            } else {
                nf = frame_new(vm, callee, args, npos, kwnames, false);
                if (kwnames) wf_obj_decref(vm, kwnames);
                for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
                if (nf) nf->prev = f;
            }
            sp = base;
            f->sp = sp;
            if (!nf) goto error;
            f = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r;
        if (!WF_IS_NULL(base[0]) && callable.tag == WF_TAG_OBJ && callable.u.o->type == &wf_type_native &&
            !kwnames && args[0].tag == WF_TAG_OBJ && args[0].u.o->type == &wf_type_generator &&
            ((((WfNative *)callable.u.o)->def->fn == wf_gen_m_send && nargs == 2) ||
             (((WfNative *)callable.u.o)->def->fn == wf_gen_m_next && nargs == 1))) {
            /* g.send(v) / g.next(): resume g in this loop. The generator
             * stays on our stack (keeping it alive) until it yields. */
            WfGen *g = (WfGen *)args[0].u.o;
            WfValue v = nargs == 2 ? args[1] : WF_NONE;
            if ((g->state == WF_GEN_SUSPENDED || (g->state == WF_GEN_CREATED && WF_IS_NONE(v))) &&
                vm->depth < vm->recursion_limit) {
                WfValue nat = base[0], gv = base[1];
                WfFrame *gf = g->frame;
                sp = base;
                PUSH(gv);
                wf_decref(vm, nat);
                if (g->state == WF_GEN_SUSPENDED) *gf->sp++ = v;
                ENTER_GEN(gf, WF_RESUME_CALL);
                DISPATCH();
            }
        }
        TRY_INLINE_CALL(args);
        if (callable.tag == WF_TAG_OBJ && callable.u.o->type == &wf_type_native &&
            ((WfNative *)callable.u.o)->owner && nargs > 0 &&
            wf_type_is_subtype(wf_type_of(args[0]), ((WfNative *)callable.u.o)->owner)) {
            WfNative *nat = (WfNative *)callable.u.o;
            r = nat->def->fn(vm, args[0], args + 1, npos - 1, kwnames);
        } else {
            r = wf_call(vm, callable, args, npos, kwnames);
        }
        if (kwnames) wf_obj_decref(vm, kwnames);
        for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
        sp = base;
        if (WF_IS_NULL(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(CALL) {
        uint32_t n = ARG;
        WfObject *kwnames = NULL;
        WfValue *base = sp - n - 1;
        if (0) {
        TARGET(CALL_KW)
            n = ARG;
            kwnames = sp[-1].u.o;
            sp--;
            base = sp - n - 1;
        }
        WfValue callable = base[0];
        size_t npos = n - (kwnames ? ((WfTuple *)kwnames)->n : 0);
        if (callable.tag == WF_TAG_OBJ && callable.u.o->type == &wf_type_function) {
            WfFunction *callee = (WfFunction *)callable.u.o;
            SAVE_FRAME();
            WfFrame *nf;
            uint8_t at[WF_KW_MAX];
            uint64_t given;
            if (SIMPLE_CALL(callee, npos, kwnames)) {
                nf = push_simple(vm, callee, base + 1, n, f);
                sp = base;
                f->sp = sp;
                if (!nf) goto error;
            } else if (BOUND_CALL(callee, npos, kwnames)) {
                nf = push_bound(vm, callee, base + 1, npos, kwnames, at, given, f);
                sp = base;
                f->sp = sp;
                if (!nf) goto error;
            } else if (callee->code->flags & WF_CO_GENERATOR) {
                WfValue g = make_generator(vm, callee, base + 1, npos, kwnames);
                if (kwnames) wf_obj_decref(vm, kwnames);
                for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
                sp = base;
                if (WF_IS_NULL(g)) goto error;
                PUSH(g);
                DISPATCH();
            } else {
                nf = frame_new(vm, callee, base + 1, npos, kwnames, false);
                if (kwnames) wf_obj_decref(vm, kwnames);
                for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
                sp = base;
                f->sp = sp;
                if (!nf) goto error;
                nf->prev = f;
            }
            f = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        SAVE_FRAME();
        if (callable.tag == WF_TAG_OBJ && callable.u.o->type == &wf_type_native &&
            !((WfNative *)callable.u.o)->owner) {
            /* A built-in function (len, ord, succeed): as wf_call would. */
            if (wf_stack_exhausted(vm)) {
                if (kwnames) wf_obj_decref(vm, kwnames);
                goto error;
            }
            WfNative *nat = (WfNative *)callable.u.o;
            WfValue r = nat->def->fn(vm, nat->self, base + 1, npos, kwnames);
            if (kwnames) wf_obj_decref(vm, kwnames);
            for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
            sp = base;
            if (WF_IS_NULL(r)) goto error;
            PUSH(r);
            DISPATCH();
        }
        if (callable.tag == WF_TAG_OBJ && (callable.u.o->type->flags & WF_TPFLAG_TYPE)) {
            /* A class call whose __init__ is a plain function: the
             * instance takes the class's place on our stack and __init__
             * runs in this loop; RETURN_VALUE checks it returned None
             * (WF_RESUME_INIT). */
            WfValue self;
            WfFunction *init;
            int k = wf_class_fast_new(vm, (WfType *)callable.u.o, &self, &init);
            if (k < 0) {
                if (kwnames) wf_obj_decref(vm, kwnames);
                goto error;
            }
            if (k > 0) {
                base[0] = self;
                wf_decref(vm, callable);
                WfFrame *nf;
                uint8_t at[WF_KW_MAX];
                uint64_t given;
                wf_obj_incref(&init->ob);
                if (SIMPLE_CALL(init, npos + 1, kwnames)) {
                    /* self stays on our stack as the call's result. */
                    wf_incref(self);
                    nf = push_simple(vm, init, base, n + 1, f);
                    sp = base + 1;
                } else if (BOUND_CALL(init, npos + 1, kwnames)) {
                    wf_incref(self);
                    nf = push_bound(vm, init, base, npos + 1, kwnames, at, given, f);
                    sp = base + 1;
                } else {
                    nf = frame_new(vm, init, base, npos + 1, kwnames, false);
                    wf_obj_decref(vm, &init->ob);
                    if (kwnames) wf_obj_decref(vm, kwnames);
                    for (WfValue *p = base + 1; p < sp; p++) wf_decref(vm, *p);
                    sp = base + 1;
                    if (nf) nf->prev = f;
                }
                f->sp = sp;
                if (!nf) goto error;
                nf->resume_kind = WF_RESUME_INIT;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        TRY_INLINE_CALL(base + 1);
        WfValue r = wf_call(vm, callable, base + 1, npos, kwnames);
        if (kwnames) wf_obj_decref(vm, kwnames);
        for (WfValue *p = base; p < sp; p++) wf_decref(vm, *p);
        sp = base;
        if (WF_IS_NULL(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(CALL_EX) {
        WfValue kw = ARG ? POP() : WF_NULL;
        WfValue args = POP();
        WfValue callable = POP();
        SAVE_FRAME();
        WfValue r = WF_NULL;
        WfTuple *at = WF_TUPLE(args);
        size_t nkw = WF_IS_NULL(kw) ? 0 : (size_t)wf_dict_len(kw);
        if (nkw == 0) {
            r = wf_call(vm, callable, at->items, at->n, NULL);
        } else {
            WfValue names_t = wf_tuple_new(vm, nkw);
            WfValue *buf = wf_mem_alloc(vm, sizeof(WfValue) * (at->n + nkw));
            if (!WF_IS_NULL(names_t) && buf) {
                memcpy(buf, at->items, sizeof(WfValue) * at->n);
                size_t pos = 0, i = 0;
                WfValue k, v;
                bool ok = true;
                while (wf_dict_next(kw, &pos, &k, &v)) {
                    if (!wf_is_str(k)) {
                        wf_err_format(vm, &wf_exc_TypeError, "keywords must be strings");
                        ok = false;
                        break;
                    }
                    WF_TUPLE(names_t)->items[i] = wf_ref(k);
                    buf[at->n + i] = v;
                    i++;
                }
                if (ok) r = wf_call(vm, callable, buf, at->n, names_t.u.o);
            }
            wf_mem_free(vm, buf);
            wf_decref(vm, names_t);
        }
        wf_decref(vm, callable);
        wf_decref(vm, args);
        wf_decref(vm, kw);
        if (WF_IS_NULL(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        WfValue b = POP();
        WfValue a = PEEK(1);
        if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) {
            int64_t r;
            if (int_binop(ARG, a.u.i, b.u.i, &r)) {
                SET_TOP(WF_INT(r));
                DISPATCH();
            }
        } else if (a.tag == WF_TAG_FLOAT && b.tag == WF_TAG_FLOAT) {
            double x = a.u.f, y = b.u.f;
            switch (ARG) {
            case WF_BIN_ADD: SET_TOP(WF_FLOAT(x + y)); DISPATCH();
            case WF_BIN_SUB: SET_TOP(WF_FLOAT(x - y)); DISPATCH();
            case WF_BIN_MUL: SET_TOP(WF_FLOAT(x * y)); DISPATCH();
            case WF_BIN_TRUEDIV:
                if (y != 0.0) {
                    SET_TOP(WF_FLOAT(x / y));
                    DISPATCH();
                }
                break;
            default: break;
            }
        } else if (ARG == WF_BIN_ADD && wf_is_exact_str(a) && wf_is_exact_str(b)) {
            SAVE_FRAME();
            WfValue r = wf_str_concat(vm, a, b);
            wf_decref(vm, b);
            if (WF_IS_NULL(r)) goto error;
            SET_TOP(r);
            wf_decref(vm, a);
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r = wf_binop(vm, (int)ARG, a, b);
        wf_decref(vm, b);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(LOAD_FAST2) {
        WfValue a = wf_vload(&f->slots[ARG & 0xfff]), b = wf_vload(&f->slots[ARG >> 12]);
        if (WF_IS_NULL(a) || WF_IS_NULL(b)) {
            unbound_local(vm, co, WF_IS_NULL(a) ? (ARG & 0xfff) : (ARG >> 12));
            goto error;
        }
        wf_incref(a);
        wf_incref(b);
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }
    TARGET(LOAD_FAST_OP_INT) {
        WfValue a = wf_vload(&f->slots[ARG & 0xff]);
        uint32_t op = (ARG >> 8) & 15;
        int64_t y = (int32_t)word >> 21;
        int64_t ri;
        if (a.tag == WF_TAG_INT && int_binop(op, a.u.i, y, &ri)) {
            PUSH(WF_INT(ri));
            DISPATCH();
        }
        if (WF_IS_NULL(a)) {
            unbound_local(vm, co, ARG & 0xff);
            goto error;
        }
        SAVE_FRAME();
        wf_incref(a);
        WfValue r = (ARG & (1u << 12)) ? wf_inplace(vm, (int)op, a, WF_INT(y)) : wf_binop(vm, (int)op, a, WF_INT(y));
        wf_decref(vm, a);
        if (WF_IS_NULL(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(LOAD_FAST_CMP_INT_JUMP) {
        WfValue a = wf_vload(&f->slots[ARG & 0xff]);
        int op = (int)((ARG >> 8) & 15);
        int64_t y = (int32_t)word >> 20;
        uint32_t target = WF_INSTR_ARG(*ip);
        ip++;
        int t;
        if (a.tag == WF_TAG_INT) {
            t = wf_int_compare(op, a.u.i, y);
        } else {
            if (WF_IS_NULL(a)) {
                unbound_local(vm, co, ARG & 0xff);
                goto error;
            }
            SAVE_FRAME();
            wf_incref(a);
            t = wf_richcmp_bool(vm, a, WF_INT(y), op);
            wf_decref(vm, a);
            if (t < 0) goto error;
        }
        if (!t) ip = co->code + target;
        DISPATCH();
    }
    TARGET(STORE_LOAD_FAST) {
        WfValue old = f->slots[ARG & 0xfff];
        f->slots[ARG & 0xfff] = POP();
        wf_decref(vm, old);
        PUSH_LOCAL(ARG >> 12);
        DISPATCH();
    }
    TARGET(BINARY_OP_INT)
    TARGET(INPLACE_OP_INT) {
        WfValue a = PEEK(1);
        int op = (int)(ARG & 15);
        int64_t y = (int32_t)(ARG << 8) >> 12;
        int64_t ri;
        if (a.tag == WF_TAG_INT && int_binop((uint32_t)op, a.u.i, y, &ri)) {
            SET_TOP(WF_INT(ri));
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r = WF_OP_INPLACE_OP_INT == WF_INSTR_OP(word) ? wf_inplace(vm, op, a, WF_INT(y)) : wf_binop(vm, op, a, WF_INT(y));
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(COMPARE_OP_INT) {
        WfValue a = PEEK(1);
        int op = (int)(ARG & 15);
        int64_t y = (int32_t)(ARG << 8) >> 12;
        if (a.tag == WF_TAG_INT) {
            SET_TOP(WF_BOOL(wf_int_compare(op, a.u.i, y)));
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r = wf_richcmp(vm, a, WF_INT(y), op);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(COMPARE_JUMP)
    TARGET(COMPARE_INT_JUMP) {
        WfValue a, b;
        int op = (int)(ARG & 15);
        if (WF_INSTR_OP(word) == WF_OP_COMPARE_INT_JUMP) {
            a = POP();
            b = WF_INT((int32_t)(ARG << 8) >> 12);
        } else {
            b = POP();
            a = POP();
        }
        uint32_t target = WF_INSTR_ARG(*ip);
        ip++;
        int t;
        if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) {
            t = wf_int_compare(op, a.u.i, b.u.i);
        } else {
            SAVE_FRAME();
            t = wf_richcmp_bool(vm, a, b, op);
            wf_decref(vm, a);
            wf_decref(vm, b);
            if (t < 0) goto error;
        }
        if (!t) ip = co->code + target;
        DISPATCH();
    }
    TARGET(INPLACE_OP) {
        WfValue b = POP();
        WfValue a = PEEK(1);
        if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) {
            int64_t r;
            if (int_binop(ARG, a.u.i, b.u.i, &r)) {
                SET_TOP(WF_INT(r));
                DISPATCH();
            }
        } else if (a.tag == WF_TAG_FLOAT && b.tag == WF_TAG_FLOAT && ARG == WF_BIN_ADD) {
            SET_TOP(WF_FLOAT(a.u.f + b.u.f));
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r = wf_inplace(vm, (int)ARG, a, b);
        wf_decref(vm, b);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        WfValue b = POP();
        WfValue a = PEEK(1);
        if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) {
            SET_TOP(WF_BOOL(wf_int_compare((int)ARG, a.u.i, b.u.i)));
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r = wf_richcmp(vm, a, b, (int)ARG);
        wf_decref(vm, b);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(IS_OP) {
        WfValue b = POP();
        WfValue a = PEEK(1);
        bool same = a.tag == b.tag && a.u.i == b.u.i;
        if (a.tag == WF_TAG_FLOAT && b.tag == WF_TAG_FLOAT) same = memcmp(&a.u.f, &b.u.f, sizeof(double)) == 0;
        SET_TOP(WF_BOOL(same != (ARG != 0)));
        wf_decref(vm, a);
        wf_decref(vm, b);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        WfValue b = POP();
        WfValue a = PEEK(1);
        SAVE_FRAME();
        int r = wf_contains(vm, b, a);
        wf_decref(vm, b);
        if (r < 0) goto error;
        SET_TOP(WF_BOOL((r != 0) != (ARG != 0)));
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(UNARY_NEG) {
        WfValue a = PEEK(1);
        if (a.tag == WF_TAG_INT && a.u.i != INT64_MIN) {
            SET_TOP(WF_INT(-a.u.i));
            DISPATCH();
        }
        if (a.tag == WF_TAG_FLOAT) {
            SET_TOP(WF_FLOAT(-a.u.f));
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue r = wf_neg(vm, a);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(UNARY_POS) {
        WfValue a = PEEK(1);
        SAVE_FRAME();
        WfValue r = wf_pos(vm, a);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        WfValue a = PEEK(1);
        SAVE_FRAME();
        WfValue r = wf_invert(vm, a);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        WfValue a = PEEK(1);
        SAVE_FRAME();
        int t = wf_truthy(vm, a);
        if (t < 0) goto error;
        SET_TOP(WF_BOOL(!t));
        wf_decref(vm, a);
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        WfValue k = POP();
        WfValue o = PEEK(1);
        if (k.tag == WF_TAG_INT && o.tag == WF_TAG_OBJ) {
            WfType *t = o.u.o->type;
            int64_t i = k.u.i;
            if (t == &wf_type_list) {
                WfList *l = (WfList *)o.u.o;
                if (i < 0) i += (int64_t)l->n;
                if (i >= 0 && (size_t)i < l->n) {
                    WfValue v = wf_vload(&l->items[i]);
                    wf_incref(v);
                    SET_TOP(v);
                    wf_decref(vm, o);
                    DISPATCH();
                }
            } else if (t == &wf_type_tuple) {
                WfTuple *tu = (WfTuple *)o.u.o;
                if (i < 0) i += (int64_t)tu->n;
                if (i >= 0 && (size_t)i < tu->n) {
                    WfValue v = tu->items[i];
                    wf_incref(v);
                    SET_TOP(v);
                    wf_decref(vm, o);
                    DISPATCH();
                }
            }
        }
        if (o.tag == WF_TAG_OBJ && o.u.o->type == &wf_type_dict) {
            /* A key that is there; a missing one (KeyError) or a failing
             * hash takes the general path. */
            SAVE_FRAME();
            WfValue v = wf_dict_get(vm, o, k);
            if (!WF_IS_NULL(v)) {
                wf_incref(v);
                wf_decref(vm, k);
                SET_TOP(v);
                wf_decref(vm, o);
                DISPATCH();
            }
            if (wf_err_occurred(vm)) {
                wf_decref(vm, k);
                goto error;
            }
        }
        SAVE_FRAME();
        WfValue r = wf_getitem(vm, o, k);
        wf_decref(vm, k);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, o);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        WfValue k = POP();
        WfValue o = POP();
        WfValue v = POP();
        if (k.tag == WF_TAG_INT && o.tag == WF_TAG_OBJ && o.u.o->type == &wf_type_list) {
            WfList *l = (WfList *)o.u.o;
            int64_t i = k.u.i;
            if (i < 0) i += (int64_t)l->n;
            if (i >= 0 && (size_t)i < l->n) {
                WfValue old = l->items[i];
                l->items[i] = v;
                wf_decref(vm, old);
                wf_decref(vm, o);
                DISPATCH();
            }
        }
        SAVE_FRAME();
        /* An exact dict skips wf_setitem's dispatch. */
        int rc = o.tag == WF_TAG_OBJ && o.u.o->type == &wf_type_dict ? wf_dict_set(vm, o, k, v)
                                                                      : wf_setitem(vm, o, k, v);
        wf_decref(vm, k);
        wf_decref(vm, o);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        WfValue k = POP();
        WfValue o = POP();
        SAVE_FRAME();
        int rc = wf_delitem(vm, o, k);
        wf_decref(vm, k);
        wf_decref(vm, o);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        WfValue step = ARG == 3 ? POP() : WF_NONE;
        WfValue stop = POP();
        WfValue start = POP();
        SAVE_FRAME();
        WfValue s = wf_slice_new(vm, start, stop, step);
        wf_decref(vm, start);
        wf_decref(vm, stop);
        wf_decref(vm, step);
        if (WF_IS_NULL(s)) goto error;
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        uint32_t n = ARG;
        SAVE_FRAME();
        WfValue t = wf_tuple_new(vm, n);
        if (WF_IS_NULL(t)) goto error;
        sp -= n;
        wf_vmove(WF_TUPLE(t)->items, sp, n);
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        uint32_t n = ARG;
        SAVE_FRAME();
        WfValue l = wf_list_new(vm, n);
        if (WF_IS_NULL(l)) goto error;
        sp -= n;
        wf_vmove(WF_LIST(l)->items, sp, n);
        WF_LIST(l)->n = n;
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        uint32_t n = ARG;
        SAVE_FRAME();
        WfValue s = wf_set_new(vm);
        if (WF_IS_NULL(s)) goto error;
        WfValue *items = sp - n;
        int rc = 0;
        for (uint32_t i = 0; i < n && rc == 0; i++) rc = wf_set_add(vm, s, items[i]);
        for (uint32_t i = 0; i < n; i++) wf_decref(vm, items[i]);
        sp -= n;
        if (rc < 0) {
            wf_decref(vm, s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        uint32_t n = ARG;
        SAVE_FRAME();
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) goto error;
        WfValue *items = sp - 2 * n;
        int rc = 0;
        for (uint32_t i = 0; i < n && rc == 0; i++) rc = wf_dict_set(vm, d, items[2 * i], items[2 * i + 1]);
        for (uint32_t i = 0; i < 2 * n; i++) wf_decref(vm, items[i]);
        sp -= 2 * n;
        if (rc < 0) {
            wf_decref(vm, d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        uint32_t n = ARG;
        WfValue *items = sp - n;
        SAVE_FRAME();
        WfValue s = wf_str_join_array(vm, items, n);
        for (uint32_t i = 0; i < n; i++) wf_decref(vm, items[i]);
        sp -= n;
        if (WF_IS_NULL(s)) goto error;
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        WfValue v = POP();
        WfValue l = sp[-(int)ARG];
        SAVE_FRAME();
        if (wf_list_append_steal(vm, l, v) < 0) goto error;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        WfValue v = POP();
        WfValue s = sp[-(int)ARG];
        SAVE_FRAME();
        int rc = wf_set_add(vm, s, v);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        WfValue v = POP();
        WfValue k = POP();
        WfValue d = sp[-(int)ARG];
        SAVE_FRAME();
        int rc = wf_dict_set(vm, d, k, v);
        wf_decref(vm, k);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        WfValue it = POP();
        WfValue l = sp[-(int)ARG];
        SAVE_FRAME();
        WfValue r = wf_call_method(vm, l, "extend", &it, 1);
        if (WF_IS_NULL(r) && wf_err_matches(vm, &wf_exc_TypeError) && !wf_type_of(it)->iter &&
            !wf_type_of(it)->getitem) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_TypeError, "Value after * must be an iterable, not %s", wf_type_name(it));
        }
        wf_decref(vm, it);
        if (WF_IS_NULL(r)) goto error;
        wf_decref(vm, r);
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        WfValue it = POP();
        WfValue st = sp[-(int)ARG];
        SAVE_FRAME();
        int rc = wf_set_update(vm, st, it);
        wf_decref(vm, it);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        WfValue m = POP();
        WfValue d = sp[-(int)ARG];
        SAVE_FRAME();
        int rc = wf_dict_update(vm, d, m);
        if (rc < 0 && wf_err_matches(vm, &wf_exc_TypeError) && !wf_is_dict(m)) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not a mapping", wf_type_name(m));
        }
        wf_decref(vm, m);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        WfValue m = POP();
        WfValue d = sp[-(int)ARG];
        SAVE_FRAME();
        if (!wf_is_dict(m)) {
            wf_err_format(vm, &wf_exc_TypeError, "argument after ** must be a mapping, not %s", wf_type_name(m));
            wf_decref(vm, m);
            goto error;
        }
        size_t pos = 0;
        WfValue k, v;
        int rc = 0;
        while (rc == 0 && wf_dict_next(m, &pos, &k, &v)) {
            WfValue have = wf_dict_get(vm, d, k);
            if (!WF_IS_NULL(have)) {
                WfValue ks = wf_to_str(vm, k);
                wf_err_format(vm, &wf_exc_TypeError, "got multiple values for keyword argument '%s'",
                              WF_IS_NULL(ks) ? "?" : WF_STR(ks)->data);
                wf_decref(vm, ks);
                rc = -1;
                break;
            }
            rc = wf_dict_set(vm, d, k, v);
        }
        wf_decref(vm, m);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        WfValue l = PEEK(1);
        SAVE_FRAME();
        WfValue t = wf_tuple_from_array(vm, WF_LIST(l)->items, WF_LIST(l)->n);
        if (WF_IS_NULL(t)) goto error;
        SET_TOP(t);
        wf_decref(vm, l);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        uint32_t n = ARG;
        WfValue seq = POP();
        if (seq.tag == WF_TAG_OBJ && seq.u.o->type == &wf_type_tuple && WF_TUPLE(seq)->n == n) {
            WfTuple *t = WF_TUPLE(seq);
            for (uint32_t i = 0; i < n; i++) {
                WfValue v = t->items[n - 1 - i];
                wf_incref(v);
                PUSH(v);
            }
            wf_decref(vm, seq);
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue tmp[64];
        WfValue *out = n <= 64 ? tmp : wf_mem_alloc(vm, sizeof(WfValue) * n);
        if (!out || !unpack_iterable(vm, seq, (int)n, 0, false, out)) {
            if (out && out != tmp) wf_mem_free(vm, out);
            wf_decref(vm, seq);
            goto error;
        }
        for (uint32_t i = 0; i < n; i++) PUSH(out[n - 1 - i]);
        if (out != tmp) wf_mem_free(vm, out);
        wf_decref(vm, seq);
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        int before = (int)(ARG & 0xff), after = (int)(ARG >> 8);
        int total = before + after + 1;
        WfValue seq = POP();
        SAVE_FRAME();
        WfValue *out = wf_mem_alloc(vm, sizeof(WfValue) * (size_t)total);
        if (!out || !unpack_iterable(vm, seq, before, after, true, out)) {
            wf_mem_free(vm, out);
            wf_decref(vm, seq);
            goto error;
        }
        for (int i = total - 1; i >= 0; i--) PUSH(out[i]);
        wf_mem_free(vm, out);
        wf_decref(vm, seq);
        DISPATCH();
    }
    TARGET(JUMP) {
        ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        WfValue v = POP();
        if (v.tag == WF_TAG_BOOL) {
            if (!v.u.i) ip = co->code + ARG;
            DISPATCH();
        }
        SAVE_FRAME();
        int t = wf_truthy(vm, v);
        wf_decref(vm, v);
        if (t < 0) goto error;
        if (!t) ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        WfValue v = POP();
        if (v.tag == WF_TAG_BOOL) {
            if (v.u.i) ip = co->code + ARG;
            DISPATCH();
        }
        SAVE_FRAME();
        int t = wf_truthy(vm, v);
        wf_decref(vm, v);
        if (t < 0) goto error;
        if (t) ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        WfValue v = PEEK(1);
        SAVE_FRAME();
        int t = wf_truthy(vm, v);
        if (t < 0) goto error;
        if (!t) {
            ip = co->code + ARG;
        } else {
            sp--;
            wf_decref(vm, v);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        WfValue v = PEEK(1);
        SAVE_FRAME();
        int t = wf_truthy(vm, v);
        if (t < 0) goto error;
        if (t) {
            ip = co->code + ARG;
        } else {
            sp--;
            wf_decref(vm, v);
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        WfValue v = PEEK(1);
        SAVE_FRAME();
        WfValue it = wf_iter(vm, v);
        if (WF_IS_NULL(it)) goto error;
        SET_TOP(it);
        wf_decref(vm, v);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        WfValue it = PEEK(1);
        WfType *t = it.u.o->type;
        if (t == &wf_type_range_iter) {
            WfRangeIter *r = (WfRangeIter *)it.u.o;
            if (r->step > 0 ? r->cur < r->stop : r->cur > r->stop) {
                PUSH(WF_INT(r->cur));
                /* Near INT64_MAX the next value would overflow: the range
                 * ends there anyway. */
                if (__builtin_add_overflow(r->cur, r->step, &r->cur)) r->cur = r->stop;
                DISPATCH();
            }
            sp--;
            wf_decref(vm, it);
            ip = co->code + ARG;
            DISPATCH();
        }
        if (t == &wf_type_generator) {
            /* Resume the generator's frame in this loop: no C recursion. */
            WfGen *g = (WfGen *)it.u.o;
            if (g->state == WF_GEN_CLOSED) {
                sp--;
                wf_decref(vm, it);
                ip = co->code + ARG;
                DISPATCH();
            }
            if (g->state == WF_GEN_RUNNING) {
                wf_err_format(vm, &wf_exc_ValueError, "generator already executing");
                goto error;
            }
            if (vm->depth >= vm->recursion_limit) {
                wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
                goto error;
            }
            WfFrame *gf = g->frame;
            if (g->state == WF_GEN_SUSPENDED) *gf->sp++ = WF_NONE;
            ENTER_GEN(gf, WF_RESUME_FOR_ITER);
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue v = t->iternext ? t->iternext(vm, it) : wf_iternext(vm, it);
        if (WF_IS_NULL(v)) {
            if (wf_err_occurred(vm)) {
                if (!wf_err_matches(vm, &wf_exc_StopIteration)) goto error;
                wf_err_clear(vm);
            }
            sp--;
            wf_decref(vm, it);
            ip = co->code + ARG;
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        WfValue codev = POP();
        uint32_t flags = ARG;
        WfValue closure = (flags & 8) ? POP() : WF_NULL;
        WfValue kwdefaults = (flags & 2) ? POP() : WF_NULL;
        WfValue defaults = (flags & 1) ? POP() : WF_NULL;
        SAVE_FRAME();
        WfValue fv = wf_function_new(vm, (WfCode *)codev.u.o, f->func->globals);
        wf_decref(vm, codev);
        if (WF_IS_NULL(fv)) {
            wf_decref(vm, closure);
            wf_decref(vm, kwdefaults);
            wf_decref(vm, defaults);
            goto error;
        }
        WfFunction *nf = (WfFunction *)fv.u.o;
        nf->closure = WF_IS_NULL(closure) ? NULL : closure.u.o;
        nf->kwdefaults = WF_IS_NULL(kwdefaults) ? NULL : kwdefaults.u.o;
        nf->defaults = WF_IS_NULL(defaults) ? NULL : defaults.u.o;
        PUSH(fv);
        DISPATCH();
    }
    TARGET(RETURN_FAST) {
        PUSH_LOCAL(ARG);
        goto return_value;
    }
    TARGET(RETURN_VALUE) {
    return_value:;
        WfValue r = POP();
        f->sp = sp;
        frame_clear(vm, f);
        vm->depth--;
        WfFrame *prev = f->prev;
        if (__builtin_expect(f->special == 0, 1)) {
            frame_release(vm, f);
            f = prev;
            LOAD_FRAME();
            PUSH(r);
            DISPATCH();
        }
        if (f->resume_kind == WF_RESUME_DEFER) {
            frame_release(vm, f);
            f = prev;
            LOAD_FRAME();
            WfDeferred *d = WF_DEFERRED(PEEK(1));
            WfCbPair *p = &d->cbs[d->head];
            if (p->kind == WF_CB_PY && !p->vals && !p->kwnames && !(p->args_on & WF_CB_RAN_EB) &&
                !(r.tag == WF_TAG_OBJ && (r.u.o == &d->ob || wf_is_deferred(r)))) {
                /* What wf_defer_loop_returned does for the plainest pair
                 * and result: pop the pair, r becomes the result. The
                 * references go last, when d is consistent again. */
                WfObject *cb = p->cb, *eb = p->eb;
                WfValue one = p->one, old = wf_vload(&d->result);
                if (++d->head == d->n) d->head = d->n = 0;
                d->running = false;
                wf_vstore(&d->result, r);
                wf_obj_xdecref(vm, cb);
                wf_obj_xdecref(vm, eb);
                wf_decref(vm, one);
                wf_decref(vm, old);
                goto defer_next;
            }
            dk = wf_defer_loop_returned(vm, d, r, &dcall);
            goto defer_step;
        }
        if (f->resume_kind == WF_RESUME_INIT) {
            /* __init__ run for a class call: the instance is already on
             * the caller's stack (wf_class_instantiate's check). */
            frame_release(vm, f);
            f = prev;
            LOAD_FRAME();
            if (!WF_IS_NONE(r)) {
                wf_err_format(vm, &wf_exc_TypeError, "__init__() should return None, not '%s'", wf_type_name(r));
                wf_decref(vm, r);
                goto error;
            }
            DISPATCH();
        }
        bool entry = f->entry;
        if (f->heap) {
            f->finished = true;
            if (!entry) {
                retv = r;
                goto gen_return;
            }
        } else {
            frame_release(vm, f);
        }
        if (entry) {
            vm->frame = prev;
            return r;
        }
        f = prev;
        LOAD_FRAME();
        PUSH(r);
        DISPATCH();
    }
    TARGET(RAISE) {
        SAVE_FRAME();
        if (ARG == 0) {
            if (WF_IS_NULL(vm->handled)) {
                wf_err_format(vm, &wf_exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            wf_err_restore(vm, wf_ref(vm->handled));
            reraise = true;
            goto error;
        }
        WfValue cause = ARG == 2 ? POP() : WF_NULL;
        WfValue exc = POP();
        do_raise(vm, exc, cause);
        wf_decref(vm, exc);
        wf_decref(vm, cause);
        goto error;
    }
    TARGET(PUSH_EXC_INFO) {
        WfValue exc = PEEK(1);
        WfValue prev = vm->handled;
        SET_TOP(WF_IS_NULL(prev) ? WF_NONE : prev);
        vm->handled = exc;
        wf_incref(exc);
        PUSH(exc);
        f->handlers++;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        WfValue exc = POP();
        WfValue prev = POP();
        f->handlers--;
        WfValue cur = vm->handled;
        vm->handled = WF_IS_NONE(prev) ? WF_NULL : prev;
        wf_decref(vm, cur);
        wf_decref(vm, exc);
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        WfValue cls = PEEK(1);
        WfValue exc = PEEK(2);
        SAVE_FRAME();
        int m = exc_matches(vm, exc, cls);
        if (m < 0) goto error;
        SET_TOP(WF_BOOL(m));
        wf_decref(vm, cls);
        DISPATCH();
    }
    TARGET(RERAISE) {
        WfValue exc = PEEK(1);
        SAVE_FRAME();
        wf_err_restore(vm, wf_ref(exc));
        reraise = true;
        goto error;
    }
    TARGET(POP_EXCEPT_RERAISE) {
        WfValue exc = POP();
        WfValue old = POP();
        WfValue prev = POP();
        f->handlers--;
        WfValue cur = vm->handled;
        vm->handled = WF_IS_NONE(prev) ? WF_NULL : prev;
        wf_decref(vm, cur);
        wf_decref(vm, old);
        SAVE_FRAME();
        wf_err_restore(vm, exc);
        reraise = true;
        goto error;
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(WF_OBJ(&wf_exc_AssertionError));
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        uint32_t flags = ARG;
        WfValue spec = (flags & 4) ? POP() : WF_NULL;
        WfValue v = PEEK(1);
        SAVE_FRAME();
        WfValue r = do_format(vm, v, (int)flags, spec);
        wf_decref(vm, spec);
        if (WF_IS_NULL(r)) goto error;
        SET_TOP(r);
        wf_decref(vm, v);
        DISPATCH();
    }
    TARGET(PRINT_ITEM) {
        WfValue v = POP();
        SAVE_FRAME();
        int rc = print_item(vm, v);
        wf_decref(vm, v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(PRINT_NEWLINE) {
        vm->softspace = false;
        SAVE_FRAME();
        if (wf_write_stdout(vm, "\n", 1) < 0) goto error;
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue fromlist = POP();
        WfValue level = PEEK(1);
        SAVE_FRAME();
        WfValue m = wf_import(vm, name, fromlist, level, f->func->globals);
        wf_decref(vm, fromlist);
        if (WF_IS_NULL(m)) goto error;
        SET_TOP(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        WfObject *name = co->names[ARG];
        ip++;
        WfValue m = PEEK(1);
        SAVE_FRAME();
        WfValue v = wf_import_from(vm, m, name);
        if (WF_IS_NULL(v)) goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        WfValue m = POP();
        SAVE_FRAME();
        int rc = wf_import_star(vm, m, WF_IS_NULL(f->locals) ? f->func->globals : f->locals);
        wf_decref(vm, m);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        SAVE_FRAME();
        WfValue bc = wf_native_new(vm, &wf_build_class_def, WF_NULL);
        if (WF_IS_NULL(bc)) goto error;
        PUSH(bc);
        DISPATCH();
    }
    TARGET(LOAD_LOCALS) {
        WfValue l = f->locals;
        if (WF_IS_NULL(l)) l = f->func->globals;
        wf_incref(l);
        PUSH(l);
        DISPATCH();
    }
    TARGET(GEN_START) { DISPATCH(); }
    TARGET(YIELD_VALUE) {
        yv = POP();
        goto do_yield;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        WfValue v = PEEK(1);
        if (!(v.tag == WF_TAG_OBJ && v.u.o->type == &wf_type_generator)) {
            SAVE_FRAME();
            WfValue it = wf_iter(vm, v);
            if (WF_IS_NULL(it)) goto error;
            SET_TOP(it);
            wf_decref(vm, v);
        }
        DISPATCH();
    }
    TARGET(YIELD_FROM) {
        WfValue sent = POP();
        WfValue it = PEEK(1);
        if (it.tag == WF_TAG_OBJ && it.u.o->type == &wf_type_generator &&
            ((WfGen *)it.u.o)->state != WF_GEN_CLOSED) {
            WfGen *g = (WfGen *)it.u.o;
            if (g->state == WF_GEN_RUNNING) {
                wf_decref(vm, sent);
                wf_err_format(vm, &wf_exc_ValueError, "generator already executing");
                goto error;
            }
            if (g->state == WF_GEN_CREATED && !WF_IS_NONE(sent)) {
                wf_decref(vm, sent);
                wf_err_format(vm, &wf_exc_TypeError, "can't send non-None value to a just-started generator");
                goto error;
            }
            if (vm->depth >= vm->recursion_limit) {
                wf_decref(vm, sent);
                wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
                goto error;
            }
            WfFrame *gf = g->frame;
            if (g->state == WF_GEN_SUSPENDED) *gf->sp++ = sent;
            else wf_decref(vm, sent);
            ENTER_GEN(gf, WF_RESUME_YIELD_FROM);
            DISPATCH();
        }
        SAVE_FRAME();
        WfValue result;
        int st = wf_gen_delegate_send(vm, it, sent, &result);
        wf_decref(vm, sent);
        if (st < 0) goto error;
        if (st == 1) {
            /* The delegate yielded: pass it out, and come back here with
             * whatever our caller sends. */
            ip--;
            yv = result;
            goto do_yield;
        }
        sp--;
        wf_decref(vm, it);
        PUSH(result);
        DISPATCH();
    }
    TARGET(SETUP_WITH) {
        WfValue mgr = PEEK(1);
        SAVE_FRAME();
        WfValue enter = wf_getattr_opt(vm, mgr, wf_str_intern_cstr(vm, "__enter__"));
        if (WF_IS_NULL(enter)) {
            if (!wf_err_occurred(vm))
                wf_err_format(vm, &wf_exc_TypeError, "'%s' object does not support the context manager protocol",
                              wf_type_name(mgr));
            goto error;
        }
        WfValue exitf = wf_getattr_opt(vm, mgr, wf_str_intern_cstr(vm, "__exit__"));
        if (WF_IS_NULL(exitf)) {
            wf_decref(vm, enter);
            if (!wf_err_occurred(vm))
                wf_err_format(vm, &wf_exc_TypeError,
                              "'%s' object does not support the context manager protocol (missed __exit__ method)",
                              wf_type_name(mgr));
            goto error;
        }
        SET_TOP(exitf);
        wf_decref(vm, mgr);
        WfValue r = wf_call0(vm, enter);
        wf_decref(vm, enter);
        if (WF_IS_NULL(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(WITH_EXIT) {
        WfValue exc = PEEK(1);
        WfValue exitf = PEEK(3);
        WfValue args[3];
        args[0] = WF_OBJ(wf_type_of(exc));
        args[1] = exc;
        WfException *e = (WfException *)exc.u.o;
        args[2] = e->traceback ? WF_OBJ(e->traceback) : WF_NONE;
        SAVE_FRAME();
        WfValue r = wf_call(vm, exitf, args, 3, NULL);
        if (WF_IS_NULL(r)) goto error;
        PUSH(r);
        DISPATCH();
    }

#ifndef USE_GOTO
    }
#endif

inline_call : {
    /* Twisted's unwindGenerator, with its first _inlineCallbacks step run
     * by this loop: the generator's frame goes on top of ours, and
     * do_yield / gen_return / error play the trampoline for it. Its status
     * object waits on our stack where the call's result goes. */
    WfValue stv = wf_inline_begin(vm, ic_func, ic_self, ic_args, ic_npos, ic_kw);
    if (ic_kw) wf_obj_decref(vm, ic_kw);
    for (WfValue *p = ic_base; p < sp; p++) wf_decref(vm, *p);
    sp = ic_base;
    if (WF_IS_NULL(stv)) goto error;
    WfInline *st = (WfInline *)stv.u.o;
    if (vm->depth >= vm->recursion_limit) {
        /* Let the C trampoline meet the RecursionError. */
        PUSH(wf_ref(st->deferred));
        SAVE_FRAME();
        int rc = wf_defer_run_inline(vm, st, WF_NONE, NULL);
        wf_obj_decref(vm, &st->ob);
        if (rc < 0) goto error;
        DISPATCH();
    }
    PUSH(stv);
    WfFrame *gf = ((WfGen *)st->gen.u.o)->frame;
    ENTER_GEN(gf, WF_RESUME_INLINE);
    DISPATCH();
}

inline_yielded : {
    /* ic_gf, the first step of an @inlineCallbacks call, yielded yv; f is
     * its caller, with the status on top. */
    WfFrame *gf = ic_gf;
    WfInline *st = (WfInline *)TOP().u.o;
    WfValue send = WF_NULL;
    WfDeferred *wait = NULL;
    int rc = 0;
    WfInlineStep step = wf_inline_yielded(vm, st, yv, &send, &wait);
    if (step == WF_INLINE_SEND) {
        bool throwing = wf_is_failure(send);
        if (throwing) {
            /* throwExceptionIntoGenerator, as wf_inline_step does. */
            wf_failure_set_pending(vm, send);
            bool thrown = wf_is_exception(WF_FAILURE(send)->value);
            wf_decref(vm, send);
            if (!thrown) {
                rc = wf_inline_loop_finished(vm, st, WF_NULL);
                goto inline_done;
            }
        }
        ENTER_GEN(gf, WF_RESUME_INLINE);
        if (throwing) goto error;
        PUSH(send);
        DISPATCH();
    }
    if (step == WF_INLINE_ADDBOTH) {
        SAVE_FRAME();
        rc = wf_defer_run_inline(vm, st, WF_NONE, wait);
    } else if (step == WF_INLINE_ERROR) {
        rc = -1;
    }
    goto inline_done;

inline_finished:
    /* ic_gf ended: returned retv, or raised (retv WF_NULL); f is its
     * caller, with the status on top. */
    st = (WfInline *)TOP().u.o;
    SAVE_FRAME();
    rc = wf_inline_loop_finished(vm, st, retv);

inline_done:
    /* The first step is over: the call's result replaces the status. */
    st = (WfInline *)TOP().u.o;
    SET_TOP(wf_ref(st->deferred));
    wf_obj_decref(vm, &st->ob);
    if (rc < 0) goto error;
    DISPATCH();
}

do_yield:
    /* A generator frame entered from C (wf_frame_resume) returns to it; one
     * this loop pushed (for-loop or yield from) hands yv to its caller. */
    SAVE_FRAME();
    vm->depth--;
    if (f->entry) {
        vm->gen_yielded = true;
        vm->frame = f->prev;
        return yv;
    }
    {
        WfFrame *gf = f;
        gf->gen->state = WF_GEN_SUSPENDED;
        gen_leave(vm, gf, false);
        f = gf->prev;
        LOAD_FRAME();
        if (gf->resume_kind == WF_RESUME_FOR_ITER) {
            PUSH(yv);
            DISPATCH();
        }
        if (gf->resume_kind == WF_RESUME_INLINE) {
            ic_gf = gf;
            goto inline_yielded;
        }
        if (gf->resume_kind == WF_RESUME_CALL) {
            WfValue gv = PEEK(1);
            SET_TOP(yv);
            wf_decref(vm, gv);
            DISPATCH();
        }
        /* yield from: the delegating frame passes the value out in turn,
         * and runs its YIELD_FROM again when resumed. */
        ip--;
        goto do_yield;
    }

defer_next : {
    /* The Deferred on top of our stack is firing: its next pair. The
     * plainest pairs on the success side (a Python function given the
     * result and at most one positional value, a passthru) and the end of
     * the chain are handled here; wf_defer_loop_next does the rest. */
    WfDeferred *d = WF_DEFERRED(PEEK(1));
    for (;;) {
        WfValue res = wf_vload(&d->result);
        if (wf_is_failure(res)) break;
        if (d->head == d->n) {
            /* chain_finish has nothing to do. */
            if (!WF_IS_NULL(d->fail_result)) break;
            dk = 0;
            goto defer_step;
        }
        WfCbPair *p = &d->cbs[d->head];
        if (p->kind != WF_CB_PY || p->vals || p->kwnames) break;
        WfObject *cb = p->cb;
        if (!cb) {
            /* passthru, which changes nothing but a Deferred result. */
            if ((p->args_on & WF_CB_ARGS_CB) || wf_is_deferred(res)) break;
            WfObject *eb = p->eb;
            WfValue one = p->one;
            if (++d->head == d->n) d->head = d->n = 0;
            wf_obj_xdecref(vm, eb);
            wf_decref(vm, one);
            continue;
        }
        if (cb->type != &wf_type_function) break;
        WfFunction *fn = (WfFunction *)cb;
        uint32_t na = (p->args_on & WF_CB_ARGS_CB) ? 2 : 1;
        if (na != fn->code->simple_argc || vm->depth >= vm->recursion_limit) break;
        WfValue argv[2] = {res, p->one};
        wf_incref(res);
        if (na == 2) wf_incref(argv[1]);
        wf_obj_incref(cb);
        d->running = true;
        f->sp = sp;
        WfFrame *nf = push_simple(vm, fn, argv, na, f);
        if (!nf) {
            dk = wf_defer_loop_returned(vm, d, WF_NULL, &dcall);
            goto defer_step;
        }
        nf->resume_kind = WF_RESUME_DEFER;
        f = nf;
        LOAD_FRAME();
        DISPATCH();
    }
    dk = wf_defer_loop_next(vm, d, &dcall);
    goto defer_step;
}

defer_step : {
    /* Firing the Deferred on top of our stack: dk and dcall as the
     * wf_defer_loop_* call that jumped here left them. */
    if (dk > 0) {
        WfFunction *cf = (WfFunction *)dcall.fn;
        uint8_t at[WF_KW_MAX];
        uint64_t given;
        WfFrame *nf;
        f->sp = sp;
        if (SIMPLE_CALL(cf, dcall.npos, dcall.kwnames)) {
            nf = push_simple(vm, cf, dcall.args, dcall.npos, f);
        } else if (BOUND_CALL(cf, dcall.npos, dcall.kwnames)) {
            nf = push_bound(vm, cf, dcall.args, dcall.npos, dcall.kwnames, at, given, f);
        } else {
            /* A generator function, a shape only bind_args binds, or the
             * recursion limit: called as the pair loop in C calls it. */
            uint32_t nv = dcall.npos + (dcall.kwnames ? 1 : 0);
            WfValue r = wf_vm_call_function(vm, cf, dcall.args, dcall.npos, dcall.kwnames);
            for (uint32_t i = 0; i < nv; i++) wf_decref(vm, dcall.args[i]);
            if (dcall.kwnames) wf_obj_decref(vm, dcall.kwnames);
            wf_obj_decref(vm, &cf->ob);
            dk = wf_defer_loop_returned(vm, WF_DEFERRED(PEEK(1)), r, &dcall);
            goto defer_step;
        }
        if (!nf) {
            dk = wf_defer_loop_returned(vm, WF_DEFERRED(PEEK(1)), WF_NULL, &dcall);
            goto defer_step;
        }
        nf->resume_kind = WF_RESUME_DEFER;
        f = nf;
        LOAD_FRAME();
        DISPATCH();
    }
    /* Done: d.callback() returns None. */
    WfValue dv = POP();
    wf_decref(vm, dv);
    if (dk < 0) goto error;
    PUSH(WF_NONE);
    DISPATCH();
}

gen_return : {
    /* A generator frame pushed by this loop returned retv (owned). */
    WfFrame *gf = f;
    WfGen *g = gf->gen;
    uint8_t kind = gf->resume_kind;
    gen_leave(vm, gf, true);
    f = gf->prev;
    g->state = WF_GEN_CLOSED;
    g->frame = NULL;
    wf_mem_free(vm, gf);
    LOAD_FRAME();
    if (kind == WF_RESUME_INLINE) goto inline_finished;
    WfValue it = POP();
    wf_decref(vm, it);
    if (kind == WF_RESUME_FOR_ITER) {
        wf_decref(vm, retv);
        ip = co->code + WF_INSTR_ARG(ip[-1]);
    } else if (kind == WF_RESUME_CALL) {
        /* g.send() / g.next() on a generator that returned. */
        if (WF_IS_NONE(retv)) {
            WfValue e = wf_exc_new(vm, &wf_exc_StopIteration, vm->empty_tuple);
            if (!WF_IS_NULL(e)) wf_err_restore(vm, e);
        } else {
            wf_err_set_value(vm, &wf_exc_StopIteration, retv);
        }
        wf_decref(vm, retv);
        goto error;
    } else {
        PUSH(retv);
    }
    DISPATCH();
}

error : {
    /* The exception is in vm->exc. ip points past the failing instruction. */
    f->sp = sp;
    uint32_t at = ip > co->code ? (uint32_t)(ip - co->code - 1) : 0;
    if (!reraise) {
        set_context(vm);
        wf_traceback_add(vm, co, (int)co->lines[at]);
    }
    reraise = false;
    for (uint32_t i = 0; i < co->nexc; i++) {
        WfExcEntry *e = &co->exctab[i];
        if (at >= e->start && at < e->end) {
            WfValue *target = wf_frame_stack(f) + e->depth;
            while (sp > target) {
                WfValue v = POP();
                wf_decref(vm, v);
            }
            PUSH(wf_err_fetch(vm));
            ip = co->code + e->target;
            DISPATCH();
        }
    }
    /* Not handled here: leave the frame. */
    frame_clear(vm, f);
    vm->depth--;
    WfFrame *prev = f->prev;
    bool entry = f->entry;
    if (f->heap) {
        f->finished = true;
        if (!entry) {
            /* A generator this loop resumed: it is finished; the caller's
             * FOR_ITER / YIELD_FROM raises in its place (PEP 479 first). */
            WfGen *g = f->gen;
            uint8_t kind = f->resume_kind;
            gen_leave(vm, f, true);
            g->state = WF_GEN_CLOSED;
            g->frame = NULL;
            wf_mem_free(vm, f);
            wf_gen_convert_stopiteration(vm);
            if (kind == WF_RESUME_INLINE) {
                f = prev;
                LOAD_FRAME();
                retv = WF_NULL;
                goto inline_finished;
            }
        }
    } else {
        uint8_t kind = f->resume_kind;
        frame_release(vm, f);
        if (kind == WF_RESUME_DEFER) {
            /* A callback this loop made for the Deferred on prev's stack:
             * the exception becomes its failure. */
            f = prev;
            LOAD_FRAME();
            dk = wf_defer_loop_returned(vm, WF_DEFERRED(PEEK(1)), WF_NULL, &dcall);
            goto defer_step;
        }
    }
    if (entry) {
        vm->frame = prev;
        return WF_NULL;
    }
    f = prev;
    LOAD_FRAME();
    goto error;
}
}

/* vm.h: the interpreter state and the error API. There is no global
 * mutable state: everything a running program owns hangs off one WfVM,
 * and every function takes it. Errors are return values: a failing
 * function sets vm->exc (an exception instance) and returns WF_NULL or -1;
 * callers release what they hold and pass the failure up. */
#ifndef WF_VM_H
#define WF_VM_H
#include "object.h"

/* CPython's default recursion limit (sys.getrecursionlimit()). */
#define WF_DEFAULT_RECURSION_LIMIT 1000

typedef struct WfFrame WfFrame;

struct WfVM {
    WfValue exc;                 /* the exception being raised, or WF_NULL */
    WfValue handled;             /* the exception an `except` block is
                                    handling (sys.exc_info, bare raise,
                                    implicit chaining), or WF_NULL */
    int depth;                   /* weft frames + native re-entries */
    int c_depth;                 /* nested dispatch loops (C stack use) */
    uintptr_t stack_limit;       /* lowest C stack address we may use; C code
                                    that recurses (repr, compare, calls from
                                    C) checks it: RecursionError, never a
                                    stack overflow */
    bool softspace;              /* Python 2 print statement state */
    bool gen_yielded;            /* run() left a generator frame by yield */
    int recursion_limit;
    WfFrame *frame;              /* innermost running frame */

    WfValue builtins;            /* dict */
    WfValue modules;             /* dict: sys.modules */
    WfValue interned;            /* dict: str -> the same str */
    WfValue empty_tuple, empty_str;
    WfValue argv;                /* list for sys.argv */
    WfValue main_module;

    /* Cycle collector and allocation funnel (mem.c, gc.c). */
    WfGCHead gc_list;            /* every tracked container */
    size_t gc_count;             /* tracked objects */
    size_t gc_threshold;         /* collect when gc_count passes it */
    bool gc_running;
    size_t gc_stress_tick;       /* WEFT_GC_STRESS: allocations counted */
    void *freelist[33];          /* mem.c: freed small blocks by 16-byte
                                    size class, reused before malloc */
    size_t mem_bytes;            /* live bytes allocated through the funnel */
    size_t mem_limit;            /* MemoryError past this (0: none) */
    int dealloc_depth;           /* deallocs nested on the C stack (mem.c) */
    WfObject *trash;             /* deallocs put off until they unwind */
    WfObject *twisted;           /* the Twisted runtime's state (twisted.c;
                                    borrowed, NULL once it is gone) */

    /* Frame stack (frame.c): heap chunks, so a call is a pointer bump. */
    void *frame_chunk;
    struct WfNames *names;       /* interned names (names.h) */
    uint32_t next_type_version;
    uint64_t dict_versions;      /* the last dict version handed out: unique
                                    across dicts, so an inline cache keyed
                                    by (dict, version) cannot match a new
                                    dict at a dead one's address */
    WfValue memory_error;        /* preallocated, so raising MemoryError
                                    never allocates (exc.c) */
    WfObject *str_builtins;      /* interned "__builtins__" and "__name__": */
    WfObject *str_name;          /* every function creation reads them */
    WfValue repr_active;         /* list: objects whose repr is running,
                                    so `l.append(l)` prints [[...]] */
    int exit_code;               /* set by SystemExit at top level */
    const char *prog_name;       /* file name of the main script */
};

WfVM *wf_vm_new(void);
void wf_vm_free(WfVM *vm);

/* Records the current C stack position as the base the limit is measured
 * from; main calls it once before running code. */
void wf_vm_set_stack_base(WfVM *vm);
/* ---- errors (exc.c) ------------------------------------------------------- */

/* Raise type(message formatted printf-style); returns WF_NULL so callers
 * can `return wf_err_format(...)`. */
WfValue wf_err_format(WfVM *vm, WfType *type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Raise type(*args) where the single arg is v (borrowed). */
WfValue wf_err_set_value(WfVM *vm, WfType *type, WfValue v);
/* Raise an exception instance or class (borrowed), as `raise x` does. */
WfValue wf_err_raise(WfVM *vm, WfValue exc);
WfValue wf_err_no_memory(WfVM *vm);
static inline bool wf_err_occurred(WfVM *vm) { return vm->exc.tag != WF_TAG_NULL; }
bool wf_err_matches(WfVM *vm, WfType *type);
void wf_err_clear(WfVM *vm);
/* Takes the pending exception (a new reference) and clears it. */
WfValue wf_err_fetch(WfVM *vm);
/* Makes v (stolen) the pending exception. */
void wf_err_restore(WfVM *vm, WfValue v);
/* New exception instance of type with args tuple (borrowed). */
WfValue wf_exc_new(WfVM *vm, WfType *type, WfValue args);

/* True when the C stack is nearly exhausted; raises RecursionError. */
static inline bool wf_stack_exhausted(WfVM *vm) {
    char here;
    if ((uintptr_t)&here > vm->stack_limit) return false;
    wf_err_format(vm, &wf_exc_RecursionError, "maximum recursion depth exceeded");
    return true;
}


/* ---- modules and native functions (module.c, func.c) -------------------- */

/* A new module object named name with an empty namespace (its __name__
 * set). */
WfValue wf_module_new(WfVM *vm, const char *name);
WfValue wf_module_dict(WfValue module);          /* borrowed */
int wf_module_add(WfVM *vm, WfValue module, const char *name, WfValue v);
/* Adds each def of a NULL-name terminated table as a builtin function. */
int wf_module_add_functions(WfVM *vm, WfValue module, const WfMethodDef *defs);
/* A builtin_function_or_method object: calling it calls def->fn with self
 * (WF_NULL for a plain function; the receiver for a bound C method). */
WfValue wf_native_new(WfVM *vm, const WfMethodDef *def, WfValue self);

/* Built-in modules are registered by name (module.c); init runs at the
 * first import. sys is created at VM start (sysmodule.c). */
typedef WfValue (*WfModuleInit)(WfVM *vm);
WfValue wf_sys_module_new(WfVM *vm);
int wf_builtins_init(WfVM *vm, WfValue builtins_dict);

/* Imports (module.c): what IMPORT_NAME / IMPORT_FROM / IMPORT_STAR do. */
WfValue wf_import(WfVM *vm, WfObject *name, WfValue fromlist, WfValue level, WfValue globals);
WfValue wf_import_from(WfVM *vm, WfValue module, WfObject *name);
int wf_import_star(WfVM *vm, WfValue module, WfValue ns);

/* Writes text to sys.stdout / sys.stderr (print, tracebacks). */
int wf_write_stdout(WfVM *vm, const char *s, size_t n);
int wf_write_stderr(WfVM *vm, const char *s, size_t n);

#endif

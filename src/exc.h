/* exc.h: exception objects beyond the error API of vm.h: what the VM needs
 * for `except`, `raise ... from`, tracebacks and SystemExit, and helpers
 * that raise exceptions carrying CPython's extra attributes (errno,
 * AttributeError.name/obj, NameError.name). Implemented in exc.c. */
#ifndef WF_EXC_H
#define WF_EXC_H
#include "vm.h"

#define WF_EXC_OBJ(v) ((WfException *)(v).u.o)

static inline bool wf_is_exception(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_EXC);
}
static inline bool wf_is_exception_class(WfValue v) {
    return wf_is_type(v) && (((WfType *)v.u.o)->flags & WF_TPFLAG_EXC);
}

/* Called once at VM start, before anything can fail: preallocates the
 * MemoryError instance in vm->memory_error. 0 ok, -1 if even that fails. */
int wf_exc_init(WfVM *vm);
/* Drops vm->memory_error (VM teardown). */
void wf_exc_fini(WfVM *vm);

/* `except X:`: does the exception instance exc match X, a class or a tuple
 * of classes? 1/0, or -1 with TypeError "catching classes that do not
 * inherit from BaseException is not allowed". */
int wf_exc_matches(WfVM *vm, WfValue exc, WfValue cls_or_tuple);

/* `raise exc from cause`: cause is None, an exception instance or an
 * exception class (instantiated). Sets __cause__ and __suppress_context__.
 * 0, or -1 with "exception causes must derive from BaseException". */
int wf_exc_set_cause(WfVM *vm, WfValue exc, WfValue cause);
/* Implicit chaining: makes `context` (borrowed; WF_NULL or None clears)
 * the __context__ of exc, breaking the cycle if exc is already in
 * context's chain, as CPython does. The error API calls it with
 * vm->handled for every raise; the VM needs it only for exceptions that
 * bypass that API (a generator's throw). */
void wf_exc_chain_context(WfVM *vm, WfValue exc, WfValue context);

/* Turns a class (instantiated with no arguments) or an instance into an
 * exception instance: what `raise x` raises. WF_NULL with TypeError
 * "exceptions must derive from BaseException" otherwise. */
WfValue wf_exc_instantiate(WfVM *vm, WfValue cls_or_exc);

/* Accessors (exc must be an exception instance). Borrowed; None when
 * unset. */
WfValue wf_exc_get_args(WfValue exc);               /* the args tuple */
WfValue wf_exc_get_cause(WfValue exc);
WfValue wf_exc_get_context(WfValue exc);
bool wf_exc_get_suppress_context(WfValue exc);
/* The traceback chain (borrowed, NULL when none); setting steals tb. */
WfObject *wf_exc_get_traceback(WfValue exc);
void wf_exc_set_traceback(WfVM *vm, WfValue exc, WfObject *tb);

/* The last line of a traceback as CPython prints it, without the newline:
 * "ValueError: msg", "ValueError" when str(exc) is empty, "mod.Error: msg"
 * for classes defined in a module other than __main__/builtins, with the
 * 3.11 "Did you mean" hint for AttributeErrors that carry name and obj.
 * A SyntaxError with a line number is preceded by its File line, source
 * line and caret, and gives its msg (CPython's print_exception). */
WfValue wf_exc_format_only(WfVM *vm, WfValue exc);

/* SystemExit reaching the top level: the process exit status CPython uses
 * (code None -> 0, an int -> it, anything else printed to stderr -> 1). */
int wf_exc_exit_status(WfVM *vm, WfValue exc);

/* Raise OSError (or type, a subclass) from errno: "[Errno N] strerror",
 * with ": 'filename'" when filename is not NULL. */
WfValue wf_err_from_errno(WfVM *vm, WfType *type, int errnum, const char *filename);
/* AttributeError "'T' object has no attribute 'name'" with .name and .obj
 * set, which the traceback uses for its "Did you mean" hint. */
WfValue wf_err_no_attribute(WfVM *vm, WfValue obj, WfObject *name);
/* NameError "name 'x' is not defined" with .name set. */
WfValue wf_err_name_not_defined(WfVM *vm, WfObject *name);
/* CPython's suggestion for a misspelt name among candidates (str values),
 * by its Levenshtein rule: a borrowed str from cands, or NULL. */
WfObject *wf_exc_suggest(WfObject *name, const WfValue *cands, size_t n);
/* NameError hint: searches locals (may be WF_NULL), globals and builtins
 * dicts. A borrowed str or NULL. The traceback printer appends
 * ". Did you mean: 'x'?" when it is not NULL. */
WfObject *wf_exc_suggest_global(WfVM *vm, WfObject *name, WfValue locals,
                                WfValue globals, WfValue builtins);

#endif

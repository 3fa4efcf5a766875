/* twisted.c: the modules twisted, twisted.internet, twisted.internet.defer,
 * twisted.internet.error, twisted.python and twisted.python.failure, made
 * by wf_twisted_init at VM start (each in sys.modules under its dotted
 * name and an attribute of its parent), and the per-VM Twisted state: the
 * exception classes (heap classes, so they carry Twisted's module names),
 * Failure's counter and the setDebugging flag. The state is owned by the
 * VM's private intern table (vm->interned, never visible to scripts) under
 * a key no str can equal, the static state type itself, so that it goes
 * last at teardown; vm->twisted is a borrowed pointer to it, because every
 * Deferred made or fired reads it, and it clears that pointer as it dies. */
#include <string.h>
#include "class.h"
#include "defer.h"
#include "inline.h"
#include "str.h"
#include "type.h"

/* ---- the state object ------------------------------------------------------------- */

static void state_clear(WfVM *vm, WfObject *o) {
    WfTwisted *st = (WfTwisted *)o;
    for (int i = 0; i < WF_TW_NCLASSES; i++) {
        WfValue v = st->cls[i];
        st->cls[i] = WF_NULL;
        wf_decref(vm, v);
    }
    WfValue p = st->passthru;
    st->passthru = WF_NULL;
    wf_decref(vm, p);
}

static void state_dealloc(WfVM *vm, WfObject *o) {
    if (vm->twisted == o) vm->twisted = NULL;
    state_clear(vm, o);
    wf_obj_free(vm, o);
}

static void state_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfTwisted *st = (WfTwisted *)o;
    for (int i = 0; i < WF_TW_NCLASSES; i++)
        if (WF_IS_OBJ(st->cls[i])) visit(st->cls[i].u.o, arg);
    if (WF_IS_OBJ(st->passthru)) visit(st->passthru.u.o, arg);
}

static WfType state_type = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "_WeftTwistedState",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfTwisted),
    .dealloc = state_dealloc,
    .traverse = state_traverse,
    .clear = state_clear,
};

WfType *wf_twisted_class(WfVM *vm, WfTwClass c) {
    WfTwisted *st = wf_twisted_state(vm);
    if (!st || !wf_is_type(st->cls[c])) return &wf_exc_Exception;
    return (WfType *)st->cls[c].u.o;
}

WfValue wf_twisted_exc_new(WfVM *vm, WfTwClass c, const WfValue *args, size_t nargs) {
    WfType *t = wf_twisted_class(vm, c);
    return wf_call(vm, WF_OBJ(t), args, nargs, NULL);
}

WfValue wf_twisted_raise(WfVM *vm, WfTwClass c, const WfValue *args, size_t nargs) {
    WfValue e = wf_twisted_exc_new(vm, c, args, nargs);
    if (WF_IS_NULL(e)) return e;
    wf_err_raise(vm, e);
    wf_decref(vm, e);
    return WF_NULL;
}

/* ---- static solid bases for the classes with behaviour ------------------------------------ */

/* The slots of these bases forward to BaseException's: exc.c keeps its
 * functions private, so they are reached through its type object. */
static void xexc_dealloc(WfVM *vm, WfObject *o) { wf_exc_BaseException.dealloc(vm, o); }
static void xexc_traverse(WfObject *o, WfVisitFn visit, void *arg) { wf_exc_BaseException.traverse(o, visit, arg); }
static void xexc_clear(WfVM *vm, WfObject *o) { wf_exc_BaseException.clear(vm, o); }
static WfValue xexc_repr(WfVM *vm, WfValue v) { return wf_exc_BaseException.repr(vm, v); }
static WfValue xexc_getattr(WfVM *vm, WfValue v, WfObject *n) { return wf_exc_BaseException.getattr(vm, v, n); }
static int xexc_setattr(WfVM *vm, WfValue v, WfObject *n, WfValue x) {
    return wf_exc_BaseException.setattr(vm, v, n, x);
}

static int set_attr_cstr(WfVM *vm, WfValue obj, const char *name, WfValue v) {
    WfObject *n = wf_str_intern_cstr(vm, name);
    if (!n) return -1;
    return wf_setattr(vm, obj, n, v);
}

/* An instance of type through its builtin base's constructor, with args. */
static WfValue base_new(WfVM *vm, WfType *builtin, WfType *type, const WfValue *args, size_t nargs) {
    return builtin->new_(vm, type, args, nargs, NULL);
}

/* FirstError(failure, index): Exception with subFailure and index. */
static WfValue first_error_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"failure", "index", NULL};
    WfValue a[2];
    if (wf_args_bind_py(vm, "FirstError.__init__", true, args, nargs, kw, kwlist, 2, a) < 0) return WF_NULL;
    WfValue e = base_new(vm, &wf_exc_Exception, type, a, 2);
    if (WF_IS_NULL(e)) return e;
    if (set_attr_cstr(vm, e, "subFailure", a[0]) < 0 || set_attr_cstr(vm, e, "index", a[1]) < 0) {
        wf_decref(vm, e);
        return WF_NULL;
    }
    return e;
}

static WfValue first_error_text(WfVM *vm, WfValue self, bool repr) {
    WfValue index = wf_getattr_cstr(vm, self, "index");
    if (WF_IS_NULL(index)) return index;
    WfValue sub = wf_getattr_cstr(vm, self, "subFailure");
    if (WF_IS_NULL(sub)) {
        wf_decref(vm, index);
        return sub;
    }
    WfValue part = WF_NULL;
    if (repr) {
        WfValue v = wf_getattr_cstr(vm, sub, "value");
        if (!WF_IS_NULL(v)) {
            part = wf_repr(vm, v);
            wf_decref(vm, v);
        }
    } else {
        part = wf_to_str(vm, sub);
    }
    WfValue r = WF_NULL;
    int64_t i;
    if (!WF_IS_NULL(part) && wf_index(vm, index, NULL, &i) == 0)
        r = wf_str_printf(vm, "FirstError[#%lld, %s]", (long long)i, WF_STR(part)->data);
    wf_decref(vm, part);
    wf_decref(vm, index);
    wf_decref(vm, sub);
    return r;
}
static WfValue first_error_repr(WfVM *vm, WfValue self) { return first_error_text(vm, self, true); }
static WfValue first_error_str(WfVM *vm, WfValue self) { return first_error_text(vm, self, false); }

/* twisted.internet.error's MESSAGE-based __str__. Style from the class
 * attribute _weftStyle: 'A' MESSAGE[: ' '.join(args)]. ; 'B' the first line
 * of MESSAGE instead; 'C' ConnectError's MESSAGE[: osError][: args[0]]. */
static WfValue msg_str(WfVM *vm, WfValue self) {
    WfValue cls = WF_OBJ(wf_type_of(self));
    WfValue style = wf_getattr_opt(vm, cls, wf_str_intern_cstr(vm, "_weftStyle"));
    WfValue msg = wf_getattr_opt(vm, cls, wf_str_intern_cstr(vm, "MESSAGE"));
    WfValue args = wf_exc_get_args(self);
    WfValue r = WF_NULL;
    if (!wf_is_str(style) || !wf_is_str(msg)) {
        wf_decref(vm, style);
        wf_decref(vm, msg);
        WfTuple *t = WF_TUPLE(args);
        if (t->n == 0) return wf_str_new(vm, "", 0);
        return wf_to_str(vm, t->n == 1 ? t->items[0] : args);
    }
    char kind = WF_STR(style)->data[0];
    WfBuf b;
    wf_buf_init(&b);
    const char *m = WF_STR(msg)->data;
    if (kind == 'B') {
        while (*m == ' ' || *m == '\n' || *m == '\t') m++;
        size_t n = strcspn(m, "\n");
        while (n && (m[n - 1] == ' ' || m[n - 1] == '\t')) n--;
        wf_buf_append(vm, &b, m, n);
    } else {
        wf_buf_puts(vm, &b, m);
    }
    if (kind == 'C') {
        WfValue os = wf_getattr_opt(vm, self, wf_str_intern_cstr(vm, "osError"));
        int t = WF_IS_NULL(os) ? 0 : wf_truthy(vm, os);
        if (t > 0) {
            wf_buf_puts(vm, &b, ": ");
            wf_buf_append_str(vm, &b, os);
        }
        wf_decref(vm, os);
        WfTuple *at = WF_TUPLE(args);
        if (at->n && wf_truthy(vm, at->items[0]) > 0) {
            wf_buf_puts(vm, &b, ": ");
            wf_buf_append_str(vm, &b, at->items[0]);
        }
    } else if (WF_TUPLE(args)->n) {
        WfValue sep = wf_str_from_cstr(vm, " ");
        WfValue joined = WF_IS_NULL(sep) ? sep : wf_str_join(vm, sep, args);
        wf_decref(vm, sep);
        if (WF_IS_NULL(joined)) {
            wf_buf_free(vm, &b);
            goto done;
        }
        wf_buf_puts(vm, &b, ": ");
        wf_buf_append(vm, &b, WF_STR(joined)->data, (size_t)WF_STR(joined)->len);
        wf_decref(vm, joined);
    }
    wf_buf_putc(vm, &b, '.');
    r = wf_buf_finish(vm, &b);
done:
    wf_decref(vm, style);
    wf_decref(vm, msg);
    return r;
}

/* ConnectError(osError=None, string=""). */
static WfValue connect_error_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"osError", "string", NULL};
    WfValue a[2];
    if (wf_args_bind_py(vm, "ConnectError.__init__", true, args, nargs, kw, kwlist, 0, a) < 0) return WF_NULL;
    WfValue s = WF_IS_NULL(a[1]) ? wf_ref(vm->empty_str) : wf_ref(a[1]);
    WfValue e = base_new(vm, &wf_exc_Exception, type, &s, 1);
    wf_decref(vm, s);
    if (WF_IS_NULL(e)) return e;
    if (set_attr_cstr(vm, e, "osError", WF_IS_NULL(a[0]) ? WF_NONE : a[0]) < 0) {
        wf_decref(vm, e);
        return WF_NULL;
    }
    return e;
}

static WfValue valueerror_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_exc_ValueError.new_(vm, type, args, nargs, kw);
}
static WfValue exception_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_exc_Exception.new_(vm, type, args, nargs, kw);
}

#define SOLID_BASE(var, nm, basetype, newfn, reprfn, strfn)                            \
    static WfType var = {                                                            \
        .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),                                  \
        .name = nm,                                                                  \
        .base = basetype,                                                            \
        .flags = WF_TPFLAG_EXC | WF_TPFLAG_BASETYPE | WF_TPFLAG_GC,                  \
        .size = sizeof(WfException),                                                 \
        .dealloc = xexc_dealloc,                                                     \
        .traverse = xexc_traverse,                                                   \
        .clear = xexc_clear,                                                         \
        .repr = reprfn,                                                              \
        .str = strfn,                                                                \
        .getattr = xexc_getattr,                                                     \
        .setattr = xexc_setattr,                                                     \
        .new_ = newfn,                                                               \
    };
SOLID_BASE(first_error_base, "_FirstErrorBase", &wf_exc_Exception, first_error_new, first_error_repr,
           first_error_str)
SOLID_BASE(msg_exception_base, "_MessageError", &wf_exc_Exception, exception_new, xexc_repr, msg_str)
SOLID_BASE(msg_valueerror_base, "_MessageValueError", &wf_exc_ValueError, valueerror_new, xexc_repr, msg_str)
SOLID_BASE(connect_error_base, "_ConnectErrorBase", &wf_exc_Exception, connect_error_new, xexc_repr, msg_str)
#undef SOLID_BASE

/* ---- the class table ------------------------------------------------------------------------ */

enum { MOD_DEFER, MOD_FAILURE, MOD_ERROR, MOD_COUNT };
static const char *const module_names[MOD_COUNT] = {"twisted.internet.defer", "twisted.python.failure",
                                                    "twisted.internet.error"};

#define NO_PARENT (-1)
typedef struct ClassSpec {
    int id;                /* WfTwClass */
    int module;
    const char *name;
    WfType *base;          /* a static base, or NULL with parent set */
    int parent;            /* a WfTwClass created earlier, or NO_PARENT */
    const char *style;     /* _weftStyle, or NULL */
    const char *message;   /* MESSAGE, or NULL */
    const char *doc;
} ClassSpec;

static const ClassSpec class_specs[] = {
    {WF_TW_ALREADY_CALLED_ERROR, MOD_DEFER, "AlreadyCalledError", &wf_exc_Exception, NO_PARENT, NULL, NULL,
     "This error is raised when one of Deferred.callback or Deferred.errback\n    is called after one of the two "
     "had already been called."},
    {WF_TW_CANCELLED_ERROR, MOD_DEFER, "CancelledError", &wf_exc_Exception, NO_PARENT, NULL, NULL,
     "This error is raised by default when a Deferred is cancelled."},
    {WF_TW_TIMEOUT_ERROR, MOD_DEFER, "TimeoutError", &wf_exc_Exception, NO_PARENT, NULL, NULL,
     "This error is raised by default when a Deferred times out."},
    {WF_TW_NOT_A_COROUTINE_ERROR, MOD_DEFER, "NotACoroutineError", &wf_exc_TypeError, NO_PARENT, NULL, NULL,
     "This error is raised when a coroutine is expected and something else is\n    encountered."},
    {WF_TW_FIRST_ERROR, MOD_DEFER, "FirstError", &first_error_base, NO_PARENT, NULL, NULL,
     "First error to occur in a DeferredList if fireOnOneErrback is set."},
    {WF_TW_QUEUE_OVERFLOW, MOD_DEFER, "QueueOverflow", &wf_exc_Exception, NO_PARENT, NULL, NULL, NULL},
    {WF_TW_QUEUE_UNDERFLOW, MOD_DEFER, "QueueUnderflow", &wf_exc_Exception, NO_PARENT, NULL, NULL, NULL},
    {WF_TW_ALREADY_TRYING_TO_LOCK, MOD_DEFER, "AlreadyTryingToLockError", &wf_exc_Exception, NO_PARENT, NULL,
     NULL, "Raised when DeferredFilesystemLock.deferUntilLocked is called twice on a\n    single "
           "DeferredFilesystemLock."},
    {WF_TW_INLINE_CANCELLED, MOD_DEFER, "_InternalInlineCallbacksCancelledError", &wf_exc_Exception, NO_PARENT,
     NULL, NULL,
     "A unique exception used only in _cancellableInlineCallbacks to verify\n    that an inlineCallbacks is being "
     "cancelled as expected."},
    {WF_TW_DEFGEN_RETURN, MOD_DEFER, "_DefGen_Return", &wf_exc_BaseException, NO_PARENT, NULL, NULL, NULL},
    {WF_TW_NO_CURRENT_EXCEPTION, MOD_FAILURE, "NoCurrentExceptionError", &wf_exc_Exception, NO_PARENT, NULL, NULL,
     "Raised when trying to create a Failure from the current interpreter\n    exception state and there is no "
     "current exception state."},
    {WF_TW_DEFAULT_EXCEPTION, MOD_FAILURE, "DefaultException", &wf_exc_Exception, NO_PARENT, NULL, NULL, NULL},
    {WF_TW_ERR_ALREADY_CALLED, MOD_ERROR, "AlreadyCalled", &msg_valueerror_base, NO_PARENT, "A",
     "Tried to cancel an already-called event", "Tried to cancel an already-called event"},
    {WF_TW_ERR_ALREADY_CANCELLED, MOD_ERROR, "AlreadyCancelled", &msg_valueerror_base, NO_PARENT, "A",
     "Tried to cancel an already-cancelled event", "Tried to cancel an already-cancelled event"},
    {WF_TW_ERR_REACTOR_NOT_RUNNING, MOD_ERROR, "ReactorNotRunning", &wf_exc_RuntimeError, NO_PARENT, NULL, NULL,
     "Error raised when trying to stop a reactor which is not running."},
    {WF_TW_ERR_REACTOR_NOT_RESTARTABLE, MOD_ERROR, "ReactorNotRestartable", &wf_exc_RuntimeError, NO_PARENT, NULL,
     NULL, "Error raised when trying to run a reactor which was stopped."},
    {WF_TW_ERR_REACTOR_ALREADY_RUNNING, MOD_ERROR, "ReactorAlreadyRunning", &wf_exc_RuntimeError, NO_PARENT, NULL,
     NULL, "Error raised when trying to start the reactor multiple times."},
    {WF_TW_ERR_REACTOR_ALREADY_INSTALLED, MOD_ERROR, "ReactorAlreadyInstalledError", &wf_exc_AssertionError,
     NO_PARENT, NULL, NULL, "Could not install reactor because one is already installed."},
    {WF_TW_ERR_CONNECTION_CLOSED, MOD_ERROR, "ConnectionClosed", &msg_exception_base, NO_PARENT, NULL, NULL,
     "Connection was closed, whether cleanly or non-cleanly."},
    {WF_TW_ERR_CONNECTION_LOST, MOD_ERROR, "ConnectionLost", NULL, WF_TW_ERR_CONNECTION_CLOSED, "B",
     "\n    Connection to the other side was lost in a non-clean fashion\n    ",
     "\n    Connection to the other side was lost in a non-clean fashion\n    "},
    {WF_TW_ERR_CONNECTION_DONE, MOD_ERROR, "ConnectionDone", NULL, WF_TW_ERR_CONNECTION_CLOSED, "A",
     "Connection was closed cleanly", "Connection was closed cleanly"},
    {WF_TW_ERR_CONNECT_ERROR, MOD_ERROR, "ConnectError", &connect_error_base, NO_PARENT, "C",
     "An error occurred while connecting", "An error occurred while connecting"},
    {WF_TW_ERR_CONNECTION_REFUSED, MOD_ERROR, "ConnectionRefusedError", NULL, WF_TW_ERR_CONNECT_ERROR, "C",
     "Connection was refused by other side", "Connection was refused by other side"},
    {WF_TW_ERR_TIMEOUT_ERROR, MOD_ERROR, "TimeoutError", NULL, WF_TW_ERR_CONNECT_ERROR, "C",
     "User timeout caused connection failure", "User timeout caused connection failure"},
    {WF_TW_ERR_NOT_CONNECTING, MOD_ERROR, "NotConnectingError", &wf_exc_RuntimeError, NO_PARENT, NULL, NULL,
     "The Connector was not connecting when it was asked to stop connecting"},
    {WF_TW_ERR_NOT_LISTENING, MOD_ERROR, "NotListeningError", &wf_exc_RuntimeError, NO_PARENT, NULL, NULL,
     "The Port was not listening when it was asked to stop listening"},
};

static int ns_set(WfVM *vm, WfValue ns, const char *key, const char *val) {
    WfValue v = val ? wf_str_from_cstr(vm, val) : WF_NONE;
    if (WF_IS_NULL(v)) return -1;
    int rc = wf_dict_set_cstr(vm, ns, key, v);
    wf_decref(vm, v);
    return rc;
}

static WfValue make_class(WfVM *vm, WfTwisted *st, const ClassSpec *s) {
    WfValue base = s->base ? WF_OBJ(s->base) : st->cls[s->parent];
    WfValue bases = wf_tuple_pack(vm, 1, base);
    WfValue ns = wf_dict_new(vm);
    WfValue cls = WF_NULL;
    if (WF_IS_NULL(bases) || WF_IS_NULL(ns)) goto done;
    if (ns_set(vm, ns, "__module__", module_names[s->module]) < 0 || ns_set(vm, ns, "__qualname__", s->name) < 0 ||
        ns_set(vm, ns, "__doc__", s->doc) < 0)
        goto done;
    if (s->style && ns_set(vm, ns, "_weftStyle", s->style) < 0) goto done;
    if (s->message && ns_set(vm, ns, "MESSAGE", s->message) < 0) goto done;
    cls = wf_class_new(vm, s->name, bases, ns);
done:
    wf_decref(vm, bases);
    wf_decref(vm, ns);
    return cls;
}

/* ---- the modules ------------------------------------------------------------------------------ */

static WfValue new_module(WfVM *vm, const char *name) {
    WfValue m = wf_module_new(vm, name);
    if (WF_IS_NULL(m)) return m;
    if (wf_dict_set_cstr(vm, vm->modules, name, m) < 0) {
        wf_decref(vm, m);
        return WF_NULL;
    }
    return m;
}

int wf_twisted_init(WfVM *vm) {
    WfValue mods[6] = {WF_NULL, WF_NULL, WF_NULL, WF_NULL, WF_NULL, WF_NULL};
    enum { TW, INTERNET, DEFER, ERROR, PYTHON, FAILURE };
    static const char *const names[6] = {"twisted", "twisted.internet", "twisted.internet.defer",
                                         "twisted.internet.error", "twisted.python", "twisted.python.failure"};
    int rc = -1;
    for (int i = 0; i < 6; i++) {
        mods[i] = new_module(vm, names[i]);
        if (WF_IS_NULL(mods[i])) goto done;
    }
    /* Submodules are attributes of their parents. */
    if (wf_module_add(vm, mods[TW], "internet", mods[INTERNET]) < 0 ||
        wf_module_add(vm, mods[TW], "python", mods[PYTHON]) < 0 ||
        wf_module_add(vm, mods[INTERNET], "defer", mods[DEFER]) < 0 ||
        wf_module_add(vm, mods[INTERNET], "error", mods[ERROR]) < 0 ||
        wf_module_add(vm, mods[PYTHON], "failure", mods[FAILURE]) < 0)
        goto done;
    WfValue ver = wf_str_from_cstr(vm, "22.4.0");
    if (WF_IS_NULL(ver)) goto done;
    int vrc = wf_module_add(vm, mods[TW], "__version__", ver);
    wf_decref(vm, ver);
    if (vrc < 0) goto done;

    WfTwisted *st = (WfTwisted *)wf_obj_alloc(vm, &state_type, sizeof(WfTwisted));
    if (!st) goto done;
    for (int i = 0; i < WF_TW_NCLASSES; i++) st->cls[i] = WF_NULL;
    st->passthru = WF_NULL;
    int src = wf_dict_set(vm, vm->interned, WF_OBJ(&state_type), WF_OBJ(st));
    wf_obj_decref(vm, &st->ob);
    if (src < 0) goto done;
    vm->twisted = &st->ob;

    WfValue targets[MOD_COUNT] = {mods[DEFER], mods[FAILURE], mods[ERROR]};
    for (size_t i = 0; i < sizeof class_specs / sizeof class_specs[0]; i++) {
        const ClassSpec *s = &class_specs[i];
        WfValue cls = make_class(vm, st, s);
        if (WF_IS_NULL(cls)) goto done;
        st->cls[s->id] = cls;
        if (wf_module_add(vm, targets[s->module], s->name, cls) < 0) goto done;
    }
    /* Names defer.py imports from elsewhere. */
    if (wf_failure_module_init(vm, mods[FAILURE]) < 0 || wf_defer_module_init(vm, mods[DEFER]) < 0 ||
        wf_inline_module_init(vm, mods[DEFER]) < 0)
        goto done;
    rc = 0;
done:
    for (int i = 0; i < 6; i++) wf_decref(vm, mods[i]);
    return rc;
}

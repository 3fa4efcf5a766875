/* exc.c: the built-in exception types (one static WfType per entry of
 * exc_types.h) and the error API of vm.h (wf_err_*), plus what exc.h
 * offers the VM: except-matching, `raise from`, the last traceback line.
 * Invariants: an instance's args is always a tuple; the extra attributes
 * of a few kinds (StopIteration.value, SystemExit.code, NameError.name;
 * the several fields of OSError, SyntaxError, ImportError, AttributeError,
 * kept as a private tuple) live in WfException.value; raising MemoryError
 * never allocates. Everything that raises calls in here. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "exc.h"
#include "type.h"

/* ---- helpers ------------------------------------------------------------- */

static bool has_kwargs(WfObject *kwnames) {
    return kwnames && ((WfTuple *)kwnames)->n > 0;
}

static const char *kwname_at(WfObject *kwnames, size_t i) {
    return WF_STR(((WfTuple *)kwnames)->items[i])->data;
}

static void set_value_field(WfVM *vm, WfValue *slot, WfValue v) {
    WfValue old = *slot;
    *slot = wf_ref(v);
    wf_decref(vm, old);
}

static int set_args(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                    WfValue tuple) {
    WfValue t;
    if (!WF_IS_NULL(tuple)) t = wf_ref(tuple);
    else if (nargs == 0 && !WF_IS_NULL(vm->empty_tuple)) t = wf_ref(vm->empty_tuple);
    else t = wf_tuple_from_array(vm, args, nargs);
    if (WF_IS_NULL(t)) return -1;
    WfObject *old = e->args;
    e->args = t.u.o;
    wf_obj_xdecref(vm, old);
    return 0;
}

/* The private field tuple of the multi-field kinds, created on first use
 * with every field unset (WF_NULL: CPython distinguishes unset from None,
 * e.g. OSError's str). */
static WfTuple *fields(WfVM *vm, WfException *e, size_t n) {
    if (WF_IS_OBJ(e->value)) return (WfTuple *)e->value.u.o;
    WfValue t = wf_tuple_new(vm, n);
    if (WF_IS_NULL(t)) return NULL;
    for (size_t i = 0; i < n; i++) WF_TUPLE(t)->items[i] = WF_NULL;
    e->value = t;
    return WF_TUPLE(t);
}

static WfValue field_peek(WfException *e, size_t i) {
    if (!WF_IS_OBJ(e->value)) return WF_NULL;
    return ((WfTuple *)e->value.u.o)->items[i];
}

static int field_set(WfVM *vm, WfException *e, size_t n, size_t i, WfValue v) {
    WfTuple *t = fields(vm, e, n);
    if (!t) return -1;
    set_value_field(vm, &t->items[i], v);
    return 0;
}

static void reset_fields(WfVM *vm, WfException *e) {
    WfValue old = e->value;
    e->value = WF_NULL;
    wf_decref(vm, old);
}

/* ---- object lifecycle ---------------------------------------------------- */

static void exc_clear(WfVM *vm, WfObject *o) {
    WfException *e = (WfException *)o;
    WfObject *args = e->args, *tb = e->traceback, *dict = e->dict;
    WfValue cause = e->cause, context = e->context, value = e->value;
    e->args = e->traceback = e->dict = NULL;
    e->cause = e->context = e->value = WF_NULL;
    wf_obj_xdecref(vm, args);
    wf_obj_xdecref(vm, tb);
    wf_obj_xdecref(vm, dict);
    wf_decref(vm, cause);
    wf_decref(vm, context);
    wf_decref(vm, value);
}

static void exc_dealloc(WfVM *vm, WfObject *o) {
    exc_clear(vm, o);
    wf_obj_free(vm, o);
}

static void exc_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfException *e = (WfException *)o;
    if (e->args) visit(e->args, arg);
    if (e->traceback) visit(e->traceback, arg);
    if (e->dict) visit(e->dict, arg);
    if (WF_IS_OBJ(e->cause)) visit(e->cause.u.o, arg);
    if (WF_IS_OBJ(e->context)) visit(e->context.u.o, arg);
    if (WF_IS_OBJ(e->value)) visit(e->value.u.o, arg);
}

typedef int (*InitFn)(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                      WfObject *kwnames, WfValue tuple);

/* Calling a built-in exception class is new + init in one step. A user
 * subclass gets its arguments to its own __init__, so keywords are not
 * ours to judge here (CPython's BaseException.__new__ ignores them). */
static WfValue exc_create(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                          WfObject *kwnames, WfValue tuple, InitFn init) {
    size_t size = type->size > sizeof(WfException) ? type->size : sizeof(WfException);
    WfException *e = (WfException *)wf_obj_alloc(vm, type, size);
    if (!e) return WF_NULL;
    e->cause = e->context = e->value = WF_NULL;
    if (type->flags & WF_TPFLAG_HEAPTYPE) kwnames = NULL;
    if (init(vm, e, args, nargs, kwnames, tuple) < 0) {
        wf_obj_decref(vm, &e->ob);
        return WF_NULL;
    }
    return WF_OBJ(e);
}

/* ---- per-kind initialisation ---------------------------------------------- */

static int no_kwargs(WfVM *vm, WfException *e, WfObject *kwnames) {
    if (!has_kwargs(kwnames)) return 0;
    wf_err_format(vm, &wf_exc_TypeError, "%s() takes no keyword arguments", e->ob.type->name);
    return -1;
}

static int base_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                     WfObject *kwnames, WfValue tuple) {
    if (no_kwargs(vm, e, kwnames) < 0) return -1;
    return set_args(vm, e, args, nargs, tuple);
}

static int stopiter_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                         WfObject *kwnames, WfValue tuple) {
    if (base_init(vm, e, args, nargs, kwnames, tuple) < 0) return -1;
    set_value_field(vm, &e->value, nargs ? args[0] : WF_NONE);
    return 0;
}

static int sysexit_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                        WfObject *kwnames, WfValue tuple) {
    if (base_init(vm, e, args, nargs, kwnames, tuple) < 0) return -1;
    if (nargs == 0) set_value_field(vm, &e->value, WF_NONE);
    else if (nargs == 1) set_value_field(vm, &e->value, args[0]);
    else set_value_field(vm, &e->value, WF_OBJ(e->args));
    return 0;
}

/* Keyword-only attributes (NameError.name, AttributeError.name/obj,
 * ImportError.name/path): names[i] goes to field slots[i]. */
static int kw_fields(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                     WfObject *kwnames, const char *const *names, const int *slots,
                     size_t nfields) {
    if (!has_kwargs(kwnames)) return 0;
    WfTuple *kw = (WfTuple *)kwnames;
    for (size_t k = 0; k < kw->n; k++) {
        const char *key = kwname_at(kwnames, k);
        size_t i = 0;
        while (names[i] && strcmp(names[i], key) != 0) i++;
        if (!names[i]) {
            wf_err_format(vm, &wf_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                          key, e->ob.type->name);
            return -1;
        }
        if (slots[i] < 0) set_value_field(vm, &e->value, args[nargs + k]);
        else if (field_set(vm, e, nfields, (size_t)slots[i], args[nargs + k]) < 0) return -1;
    }
    return 0;
}

static int nameerror_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                          WfObject *kwnames, WfValue tuple) {
    static const char *const names[] = {"name", NULL};
    static const int slots[] = {-1};
    if (set_args(vm, e, args, nargs, tuple) < 0) return -1;
    return kw_fields(vm, e, args, nargs, kwnames, names, slots, 0);
}

enum { AE_NAME, AE_OBJ, AE_N };
static int attrerror_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                          WfObject *kwnames, WfValue tuple) {
    static const char *const names[] = {"name", "obj", NULL};
    static const int slots[] = {AE_NAME, AE_OBJ};
    if (set_args(vm, e, args, nargs, tuple) < 0) return -1;
    return kw_fields(vm, e, args, nargs, kwnames, names, slots, AE_N);
}

enum { IE_MSG, IE_NAME, IE_PATH, IE_N };
static int importerror_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                            WfObject *kwnames, WfValue tuple) {
    static const char *const names[] = {"name", "path", NULL};
    static const int slots[] = {IE_NAME, IE_PATH};
    if (set_args(vm, e, args, nargs, tuple) < 0) return -1;
    if (kw_fields(vm, e, args, nargs, kwnames, names, slots, IE_N) < 0) return -1;
    if (nargs == 1 && field_set(vm, e, IE_N, IE_MSG, args[0]) < 0) return -1;
    return 0;
}

enum { OE_ERRNO, OE_STRERROR, OE_FILENAME, OE_FILENAME2, OE_N };
static int oserror_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                        WfObject *kwnames, WfValue tuple) {
    if (no_kwargs(vm, e, kwnames) < 0) return -1;
    reset_fields(vm, e);
    if (nargs >= 2 && nargs <= 5) {
        if (field_set(vm, e, OE_N, OE_ERRNO, args[0]) < 0 ||
            field_set(vm, e, OE_N, OE_STRERROR, args[1]) < 0)
            return -1;
        if (nargs >= 3 && !WF_IS_NONE(args[2])) {
            if (field_set(vm, e, OE_N, OE_FILENAME, args[2]) < 0) return -1;
            if (nargs == 5 && !WF_IS_NONE(args[4]) &&
                field_set(vm, e, OE_N, OE_FILENAME2, args[4]) < 0)
                return -1;
            /* CPython keeps only (errno, strerror) in args then. */
            return set_args(vm, e, args, 2, WF_NULL);
        }
    }
    return set_args(vm, e, args, nargs, tuple);
}

enum { SE_MSG, SE_FILENAME, SE_LINENO, SE_OFFSET, SE_TEXT, SE_END_LINENO, SE_END_OFFSET,
       SE_PRINT_FILE_AND_LINE, SE_N };
static int syntaxerror_init(WfVM *vm, WfException *e, const WfValue *args, size_t nargs,
                            WfObject *kwnames, WfValue tuple) {
    if (base_init(vm, e, args, nargs, kwnames, tuple) < 0) return -1;
    reset_fields(vm, e);
    if (nargs >= 1 && field_set(vm, e, SE_N, SE_MSG, args[0]) < 0) return -1;
    if (nargs == 2) {
        WfValue info = wf_tuple_from_iterable(vm, args[1]);
        if (WF_IS_NULL(info)) return -1;
        size_t n = WF_TUPLE(info)->n;
        if (n < 4 || n > 6) {
            wf_decref(vm, info);
            wf_err_format(vm, &wf_exc_TypeError, "function takes at %s %d arguments (%zu given)",
                          n < 4 ? "least" : "most", n < 4 ? 4 : 6, n);
            return -1;
        }
        for (size_t i = 0; i < n; i++)
            if (field_set(vm, e, SE_N, SE_FILENAME + i, WF_TUPLE(info)->items[i]) < 0) {
                wf_decref(vm, info);
                return -1;
            }
        wf_decref(vm, info);
    }
    return 0;
}

/* ---- str and repr ----------------------------------------------------------- */

static WfValue base_str(WfVM *vm, WfValue self) {
    WfTuple *args = (WfTuple *)WF_EXC_OBJ(self)->args;
    if (!args || args->n == 0) return wf_str_new(vm, "", 0);
    if (args->n == 1) return wf_to_str(vm, args->items[0]);
    return wf_to_str(vm, WF_OBJ(args));
}

static WfValue keyerror_str(WfVM *vm, WfValue self) {
    WfTuple *args = (WfTuple *)WF_EXC_OBJ(self)->args;
    /* str(KeyError('')) must not look like an empty message. */
    if (args && args->n == 1) return wf_repr(vm, args->items[0]);
    return base_str(vm, self);
}

static WfValue importerror_str(WfVM *vm, WfValue self) {
    WfValue msg = field_peek(WF_EXC_OBJ(self), IE_MSG);
    if (wf_is_exact_str(msg)) return wf_ref(msg);
    return base_str(vm, self);
}

static WfValue oserror_str(WfVM *vm, WfValue self) {
    WfException *e = WF_EXC_OBJ(self);
    WfValue eno = field_peek(e, OE_ERRNO), strerr = field_peek(e, OE_STRERROR);
    WfValue fn = field_peek(e, OE_FILENAME), fn2 = field_peek(e, OE_FILENAME2);
    if (WF_IS_NULL(fn) && (WF_IS_NULL(eno) || WF_IS_NULL(strerr))) return base_str(vm, self);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_puts(vm, &b, "[Errno ");
    wf_buf_append_str(vm, &b, WF_IS_NULL(eno) ? WF_NONE : eno);
    wf_buf_puts(vm, &b, "] ");
    wf_buf_append_str(vm, &b, WF_IS_NULL(strerr) ? WF_NONE : strerr);
    if (!WF_IS_NULL(fn)) {
        wf_buf_puts(vm, &b, ": ");
        wf_buf_append_repr(vm, &b, fn);
        if (!WF_IS_NULL(fn2)) {
            wf_buf_puts(vm, &b, " -> ");
            wf_buf_append_repr(vm, &b, fn2);
        }
    }
    return wf_buf_finish(vm, &b);
}

static WfValue syntaxerror_str(WfVM *vm, WfValue self) {
    WfException *e = WF_EXC_OBJ(self);
    WfValue msg = field_peek(e, SE_MSG), fn = field_peek(e, SE_FILENAME);
    WfValue lineno = field_peek(e, SE_LINENO);
    const char *base = NULL;
    if (wf_is_str(fn)) {
        const char *s = WF_STR(fn)->data, *slash = strrchr(s, '/');
        base = slash ? slash + 1 : s;
    }
    bool have_lineno = lineno.tag == WF_TAG_INT;
    if (!base && !have_lineno) return wf_to_str(vm, WF_IS_NULL(msg) ? WF_NONE : msg);
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_append_str(vm, &b, WF_IS_NULL(msg) ? WF_NONE : msg);
    if (base && have_lineno)
        wf_buf_printf(vm, &b, " (%s, line %lld)", base, (long long)lineno.u.i);
    else if (base)
        wf_buf_printf(vm, &b, " (%s)", base);
    else
        wf_buf_printf(vm, &b, " (line %lld)", (long long)lineno.u.i);
    return wf_buf_finish(vm, &b);
}

static WfValue exc_repr(WfVM *vm, WfValue self) {
    WfException *e = WF_EXC_OBJ(self);
    WfTuple *args = (WfTuple *)e->args;
    WfBuf b;
    wf_buf_init(&b);
    wf_buf_puts(vm, &b, e->ob.type->name);
    if (args && args->n == 1) {
        wf_buf_putc(vm, &b, '(');
        wf_buf_append_repr(vm, &b, args->items[0]);
        wf_buf_putc(vm, &b, ')');
    } else if (args && args->n > 1) {
        wf_buf_append_repr(vm, &b, WF_OBJ(args));
    } else {
        wf_buf_puts(vm, &b, "()");
    }
    return wf_buf_finish(vm, &b);
}

/* ---- attributes ----------------------------------------------------------- */

/* Instance attributes live in e->dict; the type's getsets and methods come
 * through the generic lookup. Getsets are data descriptors, so setattr
 * gives them priority over the dict, and the dict never shadows them. */
static WfValue exc_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    WfException *e = WF_EXC_OBJ(obj);
    if (e->dict) {
        WfValue v = wf_dict_get_str(WF_OBJ(e->dict), name);
        if (!WF_IS_NULL(v)) return wf_ref(v);
    }
    return wf_generic_getattr(vm, obj, name);
}

static int exc_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    WfException *e = WF_EXC_OBJ(obj);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    const char *s = ((WfStr *)name)->data;
    if (wf_type_find(e->ob.type, s, &def, &gs) && gs) {
        if (gs->set) return gs->set(vm, obj, v);
        wf_err_format(vm, &wf_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                      s, e->ob.type->name);
        return -1;
    }
    if (WF_IS_NULL(v)) {
        if (e->dict) {
            WfValue cur = wf_dict_get_str(WF_OBJ(e->dict), name);
            if (!WF_IS_NULL(cur)) return wf_dict_del(vm, WF_OBJ(e->dict), WF_OBJ(name));
        }
        wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'",
                      e->ob.type->name, s);
        return -1;
    }
    if (!e->dict) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return -1;
        e->dict = d.u.o;
    }
    return wf_dict_set(vm, WF_OBJ(e->dict), WF_OBJ(name), v);
}

static WfValue get_args(WfVM *vm, WfValue self) {
    return wf_ref(WF_OBJ(WF_EXC_OBJ(self)->args));
}
static int set_args_attr(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "args may not be deleted");
        return -1;
    }
    WfValue t = wf_tuple_from_iterable(vm, v);
    if (WF_IS_NULL(t)) return -1;
    int rc = set_args(vm, WF_EXC_OBJ(self), NULL, 0, t);
    wf_decref(vm, t);
    return rc;
}

static WfValue or_none(WfValue v) { return WF_IS_NULL(v) ? WF_NONE : wf_ref(v); }

static WfValue get_cause(WfVM *vm, WfValue self) { return or_none(WF_EXC_OBJ(self)->cause); }
static int set_cause(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (!WF_IS_NONE(v) && !wf_is_exception(v)) {
        wf_err_format(vm, &wf_exc_TypeError,
                      "exception cause must be None or derive from BaseException");
        return -1;
    }
    WfException *e = WF_EXC_OBJ(self);
    set_value_field(vm, &e->cause, WF_IS_NONE(v) ? WF_NULL : v);
    e->suppress_context = true;
    return 0;
}

static WfValue get_context(WfVM *vm, WfValue self) { return or_none(WF_EXC_OBJ(self)->context); }
static int set_context(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (!WF_IS_NONE(v) && !wf_is_exception(v)) {
        wf_err_format(vm, &wf_exc_TypeError,
                      "exception context must be None or derive from BaseException");
        return -1;
    }
    set_value_field(vm, &WF_EXC_OBJ(self)->context, WF_IS_NONE(v) ? WF_NULL : v);
    return 0;
}

static WfValue get_suppress(WfVM *vm, WfValue self) {
    return WF_BOOL(WF_EXC_OBJ(self)->suppress_context);
}
static int set_suppress(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (!WF_IS_BOOL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    WF_EXC_OBJ(self)->suppress_context = v.u.i != 0;
    return 0;
}

static WfValue get_traceback(WfVM *vm, WfValue self) {
    WfObject *tb = WF_EXC_OBJ(self)->traceback;
    return tb ? wf_ref(WF_OBJ(tb)) : WF_NONE;
}
static int set_traceback_attr(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (!WF_IS_NONE(v) && !(WF_IS_OBJ(v) && v.u.o->type == &wf_type_traceback)) {
        wf_err_format(vm, &wf_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    wf_incref(v);
    wf_exc_set_traceback(vm, self, WF_IS_NONE(v) ? NULL : v.u.o);
    return 0;
}

/* Instances of user subclasses keep their attributes in the class's
 * instance dict (type->dictoffset, class.c); built-in ones in e->dict. */
static WfValue *heap_dict_slot(WfValue self) {
    WfType *t = self.u.o->type;
    return t->dictoffset ? (WfValue *)((char *)self.u.o + t->dictoffset) : NULL;
}

static WfValue get_dict(WfVM *vm, WfValue self) {
    WfValue *slot = heap_dict_slot(self);
    if (slot) {
        if (WF_IS_NULL(*slot)) {
            *slot = wf_dict_new(vm);
            if (WF_IS_NULL(*slot)) return WF_NULL;
        }
        return wf_ref(*slot);
    }
    WfException *e = WF_EXC_OBJ(self);
    if (!e->dict) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return d;
        e->dict = d.u.o;
    }
    return wf_ref(WF_OBJ(e->dict));
}
static int set_dict(WfVM *vm, WfValue self, WfValue v) {
    if (WF_IS_NULL(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!wf_is_dict(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      wf_type_name(v));
        return -1;
    }
    WfValue *slot = heap_dict_slot(self);
    if (slot) {
        set_value_field(vm, slot, v);
        return 0;
    }
    WfException *e = WF_EXC_OBJ(self);
    WfObject *old = e->dict;
    wf_incref(v);
    e->dict = v.u.o;
    wf_obj_xdecref(vm, old);
    return 0;
}

/* StopIteration.value, SystemExit.code, NameError.name: the value field. */
static WfValue get_value(WfVM *vm, WfValue self) { return or_none(WF_EXC_OBJ(self)->value); }
static int set_value_attr(WfVM *vm, WfValue self, WfValue v) {
    set_value_field(vm, &WF_EXC_OBJ(self)->value, WF_IS_NULL(v) ? WF_NONE : v);
    return 0;
}

/* One getter/setter pair per field of the multi-field kinds; deleting a
 * field makes it None, as for CPython's member descriptors. */
#define FIELD(kind, fname, idx, n)                                                   \
    static WfValue kind##_get_##fname(WfVM *vm, WfValue self) {                      \
        return or_none(field_peek(WF_EXC_OBJ(self), idx));                           \
    }                                                                                \
    static int kind##_set_##fname(WfVM *vm, WfValue self, WfValue v) {               \
        return field_set(vm, WF_EXC_OBJ(self), n, idx, WF_IS_NULL(v) ? WF_NONE : v); \
    }
FIELD(ae, name, AE_NAME, AE_N)
FIELD(ae, obj, AE_OBJ, AE_N)
FIELD(ie, msg, IE_MSG, IE_N)
FIELD(ie, name, IE_NAME, IE_N)
FIELD(ie, path, IE_PATH, IE_N)
FIELD(oe, errno, OE_ERRNO, OE_N)
FIELD(oe, strerror, OE_STRERROR, OE_N)
FIELD(oe, filename, OE_FILENAME, OE_N)
FIELD(oe, filename2, OE_FILENAME2, OE_N)
FIELD(se, msg, SE_MSG, SE_N)
FIELD(se, filename, SE_FILENAME, SE_N)
FIELD(se, lineno, SE_LINENO, SE_N)
FIELD(se, offset, SE_OFFSET, SE_N)
FIELD(se, text, SE_TEXT, SE_N)
FIELD(se, end_lineno, SE_END_LINENO, SE_N)
FIELD(se, end_offset, SE_END_OFFSET, SE_N)
FIELD(se, print_file_and_line, SE_PRINT_FILE_AND_LINE, SE_N)
#undef FIELD
#define GS(kind, fname) {#fname, kind##_get_##fname, kind##_set_##fname}

static const WfGetSetDef base_getsets[] = {
    {"args", get_args, set_args_attr},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress, set_suppress},
    {"__traceback__", get_traceback, set_traceback_attr},
    {"__dict__", get_dict, set_dict},
    {NULL, NULL, NULL}};
static const WfGetSetDef stopiter_getsets[] = {
    {"value", get_value, set_value_attr}, {NULL, NULL, NULL}};
static const WfGetSetDef sysexit_getsets[] = {
    {"code", get_value, set_value_attr}, {NULL, NULL, NULL}};
static const WfGetSetDef nameerror_getsets[] = {
    {"name", get_value, set_value_attr}, {NULL, NULL, NULL}};
static const WfGetSetDef attrerror_getsets[] = {GS(ae, name), GS(ae, obj), {NULL, NULL, NULL}};
static const WfGetSetDef importerror_getsets[] = {
    GS(ie, msg), GS(ie, name), GS(ie, path), {NULL, NULL, NULL}};
static const WfGetSetDef oserror_getsets[] = {
    GS(oe, errno), GS(oe, strerror), GS(oe, filename), GS(oe, filename2), {NULL, NULL, NULL}};
static const WfGetSetDef syntaxerror_getsets[] = {
    GS(se, msg), GS(se, filename), GS(se, lineno), GS(se, offset), GS(se, text),
    GS(se, end_lineno), GS(se, end_offset), GS(se, print_file_and_line), {NULL, NULL, NULL}};
#undef GS

/* ---- methods -------------------------------------------------------------- */

static WfValue m_with_traceback(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                WfObject *kw) {
    if (wf_args_check(vm, "with_traceback", nargs, kw, 1, 1) < 0) return WF_NULL;
    if (set_traceback_attr(vm, self, args[0]) < 0) return WF_NULL;
    return wf_ref(self);
}

#define METHODS_FOR(kind, init_fn, str_fn)                                                 \
    static WfValue kind##_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, \
                                 WfObject *kw) {                                           \
        if (init_fn(vm, WF_EXC_OBJ(self), args, nargs, kw, WF_NULL) < 0) return WF_NULL;   \
        return WF_NONE;                                                                    \
    }                                                                                      \
    static WfValue kind##_m_str(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, \
                                WfObject *kw) {                                            \
        if (wf_args_check(vm, "__str__", nargs, kw, 0, 0) < 0) return WF_NULL;             \
        return str_fn(vm, self);                                                           \
    }
METHODS_FOR(base, base_init, base_str)
METHODS_FOR(stopiter, stopiter_init, base_str)
METHODS_FOR(sysexit, sysexit_init, base_str)
METHODS_FOR(keyerror, base_init, keyerror_str)
METHODS_FOR(nameerror, nameerror_init, base_str)
METHODS_FOR(attrerror, attrerror_init, base_str)
METHODS_FOR(importerror, importerror_init, importerror_str)
METHODS_FOR(oserror, oserror_init, oserror_str)
METHODS_FOR(syntaxerror, syntaxerror_init, syntaxerror_str)
#undef METHODS_FOR

static WfValue m_repr(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                      WfObject *kw) {
    if (wf_args_check(vm, "__repr__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return exc_repr(vm, self);
}

#define INIT_STR_DEFS(kind)                                           \
    {"__init__", kind##_m_init, "Initialize self.", 0},               \
    {"__str__", kind##_m_str, "Return str(self).", 0}
static const WfMethodDef base_methods[] = {
    INIT_STR_DEFS(base),
    {"__repr__", m_repr, "Return repr(self).", 0},
    {"with_traceback", m_with_traceback,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self.", 0},
    {NULL, NULL, NULL, 0}};
static const WfMethodDef plain_methods[] = {INIT_STR_DEFS(base), {NULL, NULL, NULL, 0}};
static const WfMethodDef stopiter_methods[] = {INIT_STR_DEFS(stopiter), {NULL, NULL, NULL, 0}};
static const WfMethodDef sysexit_methods[] = {INIT_STR_DEFS(sysexit), {NULL, NULL, NULL, 0}};
static const WfMethodDef keyerror_methods[] = {INIT_STR_DEFS(keyerror), {NULL, NULL, NULL, 0}};
static const WfMethodDef nameerror_methods[] = {INIT_STR_DEFS(nameerror), {NULL, NULL, NULL, 0}};
static const WfMethodDef attrerror_methods[] = {INIT_STR_DEFS(attrerror), {NULL, NULL, NULL, 0}};
static const WfMethodDef importerror_methods[] = {INIT_STR_DEFS(importerror),
                                                  {NULL, NULL, NULL, 0}};
static const WfMethodDef oserror_methods[] = {INIT_STR_DEFS(oserror), {NULL, NULL, NULL, 0}};
static const WfMethodDef syntaxerror_methods[] = {INIT_STR_DEFS(syntaxerror),
                                                  {NULL, NULL, NULL, 0}};
#undef INIT_STR_DEFS

/* ---- the types ------------------------------------------------------------- */

#define NEW_FOR(kind, init_fn)                                                              \
    static WfValue kind##_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,    \
                              WfObject *kwnames) {                                          \
        return exc_create(vm, type, args, nargs, kwnames, WF_NULL, init_fn);                \
    }
NEW_FOR(base, base_init)
NEW_FOR(stopiter, stopiter_init)
NEW_FOR(sysexit, sysexit_init)
NEW_FOR(nameerror, nameerror_init)
NEW_FOR(attrerror, attrerror_init)
NEW_FOR(importerror, importerror_init)
NEW_FOR(oserror, oserror_init)
NEW_FOR(syntaxerror, syntaxerror_init)
#undef NEW_FOR

/* What differs between the types: the kind (new_, str, getsets, methods)
 * and the docstring, CPython's. A subclass repeats its parent's kind so
 * slots need no inheritance pass at startup. */
#define K_PLAIN .new_ = base_new, .str = base_str, .methods = plain_methods
#define K_BASE .new_ = base_new, .str = base_str, .methods = base_methods, .getsets = base_getsets
#define K_STOPITER .new_ = stopiter_new, .str = base_str, .methods = stopiter_methods, \
                   .getsets = stopiter_getsets
#define K_SYSEXIT .new_ = sysexit_new, .str = base_str, .methods = sysexit_methods, \
                  .getsets = sysexit_getsets
#define K_KEYERROR .new_ = base_new, .str = keyerror_str, .methods = keyerror_methods
#define K_NAMEERROR .new_ = nameerror_new, .str = base_str, .methods = nameerror_methods, \
                    .getsets = nameerror_getsets
#define K_ATTRERROR .new_ = attrerror_new, .str = base_str, .methods = attrerror_methods, \
                    .getsets = attrerror_getsets
#define K_IMPORTERROR .new_ = importerror_new, .str = importerror_str, \
                      .methods = importerror_methods, .getsets = importerror_getsets
#define K_OSERROR .new_ = oserror_new, .str = oserror_str, .methods = oserror_methods, \
                  .getsets = oserror_getsets
#define K_SYNTAXERROR .new_ = syntaxerror_new, .str = syntaxerror_str, \
                      .methods = syntaxerror_methods, .getsets = syntaxerror_getsets
/* Subclasses inherit getsets through the base chain; every class has its
 * own __init__ and __str__, as in CPython, so super() finds them at once. */
#define K_SUB_IMPORTERROR .new_ = importerror_new, .str = importerror_str, \
                          .methods = importerror_methods
#define K_SUB_NAMEERROR .new_ = nameerror_new, .str = base_str, .methods = nameerror_methods
#define K_SUB_SYNTAXERROR .new_ = syntaxerror_new, .str = syntaxerror_str, \
                          .methods = syntaxerror_methods

#define EXTRA_BaseException K_BASE, .doc = "Common base class for all exceptions"
#define EXTRA_SystemExit K_SYSEXIT, .doc = "Request to exit from the interpreter."
#define EXTRA_KeyboardInterrupt K_PLAIN, .doc = "Program interrupted by user."
#define EXTRA_GeneratorExit K_PLAIN, .doc = "Request that a generator exit."
#define EXTRA_Exception K_PLAIN, .doc = "Common base class for all non-exit exceptions."
#define EXTRA_StopIteration K_STOPITER, .doc = "Signal the end from iterator.__next__()."
#define EXTRA_ArithmeticError K_PLAIN, .doc = "Base class for arithmetic errors."
#define EXTRA_FloatingPointError K_PLAIN, .doc = "Floating point operation failed."
#define EXTRA_OverflowError K_PLAIN, .doc = "Result too large to be represented."
#define EXTRA_ZeroDivisionError K_PLAIN, \
    .doc = "Second argument to a division or modulo operation was zero."
#define EXTRA_AssertionError K_PLAIN, .doc = "Assertion failed."
#define EXTRA_AttributeError K_ATTRERROR, .doc = "Attribute not found."
#define EXTRA_EOFError K_PLAIN, .doc = "Read beyond end of file."
#define EXTRA_ImportError K_IMPORTERROR, \
    .doc = "Import can't find module, or can't find name in module."
#define EXTRA_ModuleNotFoundError K_SUB_IMPORTERROR, .doc = "Module not found."
#define EXTRA_LookupError K_PLAIN, .doc = "Base class for lookup errors."
#define EXTRA_IndexError K_PLAIN, .doc = "Sequence index out of range."
#define EXTRA_KeyError K_KEYERROR, .doc = "Mapping key not found."
#define EXTRA_MemoryError K_PLAIN, .doc = "Out of memory."
#define EXTRA_NameError K_NAMEERROR, .doc = "Name not found globally."
#define EXTRA_UnboundLocalError K_SUB_NAMEERROR, \
    .doc = "Local name referenced but not bound to a value."
#define EXTRA_OSError K_OSERROR, .doc = "Base class for I/O related errors."
#define EXTRA_RuntimeError K_PLAIN, .doc = "Unspecified run-time error."
#define EXTRA_NotImplementedError K_PLAIN, \
    .doc = "Method or function hasn't been implemented yet."
#define EXTRA_RecursionError K_PLAIN, .doc = "Recursion limit exceeded."
#define EXTRA_SyntaxError K_SYNTAXERROR, .doc = "Invalid syntax."
#define EXTRA_IndentationError K_SUB_SYNTAXERROR, .doc = "Improper indentation."
#define EXTRA_TabError K_SUB_SYNTAXERROR, .doc = "Improper mixture of spaces and tabs."
#define EXTRA_SystemError K_PLAIN, \
    .doc = "Internal error in the Python interpreter.\n\nPlease report this to the Python " \
           "maintainer, along with the traceback,\nthe Python version, and the " \
           "hardware/OS platform and version."
#define EXTRA_TypeError K_PLAIN, .doc = "Inappropriate argument type."
#define EXTRA_ValueError K_PLAIN, .doc = "Inappropriate argument value (of correct type)."
#define EXTRA_UnicodeError K_PLAIN, .doc = "Unicode related error."

/* exc_types.h names BaseException's base NULL: it is object. */
#define wf_exc_NULL wf_type_object
#define WF_EXC(n_, base_)                                                       \
    WfType wf_exc_##n_ = {                                                      \
        .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),                             \
        .name = #n_,                                                          \
        .base = &wf_exc_##base_,                                                \
        .flags = WF_TPFLAG_EXC | WF_TPFLAG_BASETYPE | WF_TPFLAG_GC,             \
        .size = sizeof(WfException),                                            \
        .dealloc = exc_dealloc,                                                 \
        .traverse = exc_traverse,                                               \
        .clear = exc_clear,                                                     \
        .repr = exc_repr,                                                       \
        .getattr = exc_getattr,                                                 \
        .setattr = exc_setattr,                                                 \
        EXTRA_##n_,                                                             \
    };
#include "exc_types.h"
#undef WF_EXC
#undef wf_exc_NULL

/* ---- chaining ---------------------------------------------------------------- */

void wf_exc_chain_context(WfVM *vm, WfValue exc, WfValue context) {
    if (!wf_is_exception(exc)) return;
    if (WF_IS_NULL(context) || WF_IS_NONE(context)) {
        set_value_field(vm, &WF_EXC_OBJ(exc)->context, WF_NULL);
        return;
    }
    if (context.u.o == exc.u.o || !wf_is_exception(context)) return;
    /* Cut exc out of context's chain so no cycle appears; Floyd's walk
     * stops on cycles that already exist. */
    WfException *o = WF_EXC_OBJ(context), *slow = o;
    bool toggle = false;
    while (WF_IS_OBJ(o->context)) {
        WfException *next = WF_EXC_OBJ(o->context);
        if (&next->ob == exc.u.o) {
            set_value_field(vm, &o->context, WF_NULL);
            break;
        }
        o = next;
        if (o == slow) break;
        if (toggle) slow = WF_EXC_OBJ(slow->context);
        toggle = !toggle;
    }
    set_value_field(vm, &WF_EXC_OBJ(exc)->context, context);
}

/* Makes exc (stolen) the pending exception, chaining it to the one being
 * handled as CPython's _PyErr_SetObject does. */
static void set_exc(WfVM *vm, WfValue exc) {
    if (WF_IS_OBJ(vm->handled) && vm->handled.u.o != exc.u.o)
        wf_exc_chain_context(vm, exc, vm->handled);
    WfValue old = vm->exc;
    vm->exc = exc;
    wf_decref(vm, old);
}

/* ---- the error API (vm.h) ------------------------------------------------------ */

WfValue wf_exc_new(WfVM *vm, WfType *type, WfValue args) {
    WfTuple *t = WF_TUPLE(args);
    if ((type->flags & WF_TPFLAG_HEAPTYPE) || !type->new_)
        return wf_call(vm, WF_OBJ(type), t->items, t->n, NULL);
    return type->new_(vm, type, t->items, t->n, NULL);
}

static WfValue new_with_arg(WfVM *vm, WfType *type, WfValue v) {
    if (type->flags & WF_TPFLAG_HEAPTYPE) return wf_call1(vm, WF_OBJ(type), v);
    return type->new_(vm, type, &v, 1, NULL);
}

WfValue wf_err_set_value(WfVM *vm, WfType *type, WfValue v) {
    WfValue e = new_with_arg(vm, type, v);
    if (WF_IS_NULL(e)) return e;
    if (!wf_is_exception(e)) {
        wf_decref(vm, e);
        return wf_err_format(vm, &wf_exc_TypeError, "exceptions must derive from BaseException");
    }
    set_exc(vm, e);
    return WF_NULL;
}

WfValue wf_err_format(WfVM *vm, WfType *type, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    WfValue msg;
    if ((size_t)n < sizeof small) {
        msg = wf_str_new(vm, small, (size_t)n);
    } else {
        char *big = wf_mem_alloc(vm, (size_t)n + 1);
        if (!big) return WF_NULL;
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        msg = wf_str_new(vm, big, (size_t)n);
        wf_mem_free(vm, big);
    }
    if (WF_IS_NULL(msg)) return msg;
    wf_err_set_value(vm, type, msg);
    wf_decref(vm, msg);
    return WF_NULL;
}

WfValue wf_exc_instantiate(WfVM *vm, WfValue x) {
    if (wf_is_exception(x)) return wf_ref(x);
    if (wf_is_exception_class(x)) {
        WfValue e = wf_call0(vm, x);
        if (WF_IS_NULL(e) || wf_is_exception(e)) return e;
        WfValue r = wf_repr(vm, x);
        if (!WF_IS_NULL(r)) {
            wf_err_format(vm, &wf_exc_TypeError,
                          "calling %s should have returned an instance of BaseException, not %s",
                          WF_STR(r)->data, wf_type_name(e));
            wf_decref(vm, r);
        }
        wf_decref(vm, e);
        return WF_NULL;
    }
    return wf_err_format(vm, &wf_exc_TypeError, "exceptions must derive from BaseException");
}

WfValue wf_err_raise(WfVM *vm, WfValue exc) {
    WfValue e = wf_exc_instantiate(vm, exc);
    if (!WF_IS_NULL(e)) set_exc(vm, e);
    return WF_NULL;
}

WfValue wf_err_no_memory(WfVM *vm) {
    if (!WF_IS_OBJ(vm->memory_error)) {
        /* Only before wf_exc_init has run: nothing to raise with. */
        fputs("weft: out of memory\n", stderr);
        abort();
    }
    WfException *e = WF_EXC_OBJ(vm->memory_error);
    /* The shared instance must not carry a previous raise's traceback. */
    wf_exc_set_traceback(vm, vm->memory_error, NULL);
    set_value_field(vm, &e->cause, WF_NULL);
    set_value_field(vm, &e->context, WF_NULL);
    e->suppress_context = false;
    set_exc(vm, wf_ref(vm->memory_error));
    return WF_NULL;
}

bool wf_err_matches(WfVM *vm, WfType *type) {
    return !WF_IS_NULL(vm->exc) && wf_type_is_subtype(wf_type_of(vm->exc), type);
}

void wf_err_clear(WfVM *vm) {
    WfValue old = vm->exc;
    vm->exc = WF_NULL;
    wf_decref(vm, old);
}

WfValue wf_err_fetch(WfVM *vm) {
    WfValue e = vm->exc;
    vm->exc = WF_NULL;
    return e;
}

void wf_err_restore(WfVM *vm, WfValue v) {
    WfValue old = vm->exc;
    vm->exc = v;
    wf_decref(vm, old);
}

/* ---- exc.h ---------------------------------------------------------------------- */

int wf_exc_init(WfVM *vm) {
    if (WF_IS_OBJ(vm->memory_error)) return 0;
    /* Should this very allocation fail, wf_err_no_memory has no instance
     * to raise and aborts: nothing can run without it anyway. */
    WfValue e = base_new(vm, &wf_exc_MemoryError, NULL, 0, NULL);
    if (WF_IS_NULL(e)) return -1;
    vm->memory_error = e;
    return 0;
}

void wf_exc_fini(WfVM *vm) {
    WfValue e = vm->memory_error;
    vm->memory_error = WF_NULL;
    wf_decref(vm, e);
}

int wf_exc_matches(WfVM *vm, WfValue exc, WfValue cls) {
    if (wf_is_tuple(cls)) {
        WfTuple *t = WF_TUPLE(cls);
        for (size_t i = 0; i < t->n; i++)
            if (!wf_is_exception_class(t->items[i])) goto bad;
        WfType *et = wf_type_of(exc);
        for (size_t i = 0; i < t->n; i++)
            if (wf_type_is_subtype(et, (WfType *)t->items[i].u.o)) return 1;
        return 0;
    }
    if (!wf_is_exception_class(cls)) goto bad;
    return wf_type_is_subtype(wf_type_of(exc), (WfType *)cls.u.o);
bad:
    wf_err_format(vm, &wf_exc_TypeError,
                  "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

int wf_exc_set_cause(WfVM *vm, WfValue exc, WfValue cause) {
    WfValue c;
    if (WF_IS_NONE(cause)) {
        c = WF_NULL;
    } else if (wf_is_exception(cause)) {
        c = wf_ref(cause);
    } else if (wf_is_exception_class(cause)) {
        c = wf_exc_instantiate(vm, cause);
        if (WF_IS_NULL(c)) return -1;
    } else {
        wf_err_format(vm, &wf_exc_TypeError, "exception causes must derive from BaseException");
        return -1;
    }
    WfException *e = WF_EXC_OBJ(exc);
    WfValue old = e->cause;
    e->cause = c;
    e->suppress_context = true;
    wf_decref(vm, old);
    return 0;
}

WfValue wf_exc_get_args(WfValue exc) { return WF_OBJ(WF_EXC_OBJ(exc)->args); }
WfValue wf_exc_get_cause(WfValue exc) {
    WfValue c = WF_EXC_OBJ(exc)->cause;
    return WF_IS_NULL(c) ? WF_NONE : c;
}
WfValue wf_exc_get_context(WfValue exc) {
    WfValue c = WF_EXC_OBJ(exc)->context;
    return WF_IS_NULL(c) ? WF_NONE : c;
}
bool wf_exc_get_suppress_context(WfValue exc) { return WF_EXC_OBJ(exc)->suppress_context; }
WfObject *wf_exc_get_traceback(WfValue exc) { return WF_EXC_OBJ(exc)->traceback; }
void wf_exc_set_traceback(WfVM *vm, WfValue exc, WfObject *tb) {
    WfException *e = WF_EXC_OBJ(exc);
    WfObject *old = e->traceback;
    e->traceback = tb;
    wf_obj_xdecref(vm, old);
}

/* ---- "Did you mean" (CPython 3.11's Python/suggestions.c) ----------------------- */

#define SUGGEST_MAX_CANDIDATES 750 /* CPython's MAX_CANDIDATE_ITEMS */
#define SUGGEST_MAX_STRING 40      /* CPython's MAX_STRING_SIZE */
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost) {
    size_t row[SUGGEST_MAX_STRING];
    if (a == b) return 0;
    while (an && bn && a[0] == b[0]) a++, b++, an--, bn--;
    while (an && bn && a[an - 1] == b[bn - 1]) an--, bn--;
    if (an == 0 || bn == 0) return (an + bn) * MOVE_COST;
    if (an > SUGGEST_MAX_STRING || bn > SUGGEST_MAX_STRING) return max_cost + 1;
    if (bn < an) {
        const char *t = a;
        a = b, b = t;
        size_t tn = an;
        an = bn, bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost) return max_cost + 1;
    for (size_t i = 0; i < an; i++) row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST, minimum = SIZE_MAX;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + substitution_cost(code, a[i]);
            distance = row[i];
            size_t ins_del = (result < distance ? result : distance) + MOVE_COST;
            result = ins_del < substitute ? ins_del : substitute;
            row[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

WfObject *wf_exc_suggest(WfObject *name, const WfValue *cands, size_t n) {
    if (n >= SUGGEST_MAX_CANDIDATES) return NULL;
    WfStr *ns = (WfStr *)name;
    size_t best_dist = SIZE_MAX;
    WfObject *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!wf_is_str(cands[i])) continue;
        WfStr *s = WF_STR(cands[i]);
        if (s->len == ns->len && memcmp(s->data, ns->data, (size_t)s->len) == 0) continue;
        size_t max_dist = ((size_t)ns->len + (size_t)s->len + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max_dist) max_dist = best_dist - 1;
        size_t d = levenshtein(ns->data, (size_t)ns->len, s->data, (size_t)s->len, max_dist);
        if (d > max_dist) continue;
        if (!best || d < best_dist) {
            best = &s->ob;
            best_dist = d;
        }
    }
    return best;
}

static WfObject *suggest_in_dict(WfObject *name, WfValue dict) {
    if (!wf_is_dict(dict)) return NULL;
    int64_t n = wf_dict_len(dict);
    if (n >= SUGGEST_MAX_CANDIDATES) return NULL;
    WfValue keys[SUGGEST_MAX_CANDIDATES];
    size_t pos = 0, k = 0;
    WfValue key, val;
    while (k < SUGGEST_MAX_CANDIDATES && wf_dict_next(dict, &pos, &key, &val)) keys[k++] = key;
    return wf_exc_suggest(name, keys, k);
}

WfObject *wf_exc_suggest_global(WfVM *vm, WfObject *name, WfValue locals, WfValue globals,
                                WfValue builtins) {
    WfObject *s = NULL;
    if (!WF_IS_NULL(locals)) {
        if (wf_is_dict(locals)) s = suggest_in_dict(name, locals);
        else if (wf_is_tuple(locals) || wf_is_list(locals))
            s = wf_exc_suggest(name, wf_is_tuple(locals) ? WF_TUPLE(locals)->items
                                                          : WF_LIST(locals)->items,
                               wf_is_tuple(locals) ? WF_TUPLE(locals)->n : WF_LIST(locals)->n);
    }
    if (!s) s = suggest_in_dict(name, globals);
    if (!s) s = suggest_in_dict(name, builtins);
    return s;
}

static int cmp_strvals(const void *a, const void *b) {
    const WfStr *x = WF_STR(*(const WfValue *)a), *y = WF_STR(*(const WfValue *)b);
    return strcmp(x->data, y->data);
}

/* dir(obj) as CPython's object.__dir__ would list it, enough for the hint:
 * the instance dict, then every class namespace along the MRO (static
 * types through their tables), sorted and deduplicated. A new list. */
static void add_type_names(WfVM *vm, WfValue l, WfType *b) {
    if (b->dict) {
        size_t pos = 0;
        WfValue k, v;
        while (wf_dict_next(WF_OBJ(b->dict), &pos, &k, &v))
            if (wf_is_str(k)) wf_list_append(vm, l, k);
    }
    for (const WfMethodDef *m = b->methods; m && m->name; m++)
        wf_list_append_steal(vm, l, wf_str_from_cstr(vm, m->name));
    for (const WfGetSetDef *g = b->getsets; g && g->name; g++)
        wf_list_append_steal(vm, l, wf_str_from_cstr(vm, g->name));
}

static WfValue attr_candidates(WfVM *vm, WfValue obj) {
    WfValue l = wf_list_new(vm, 16);
    if (WF_IS_NULL(l)) return l;
    WfType *t = wf_type_of(obj);
    if (wf_is_type(obj)) {
        t = (WfType *)obj.u.o;
    } else {
        WfObject *dname = wf_str_intern_cstr(vm, "__dict__");
        WfValue d = dname ? wf_getattr_opt(vm, obj, dname) : WF_NULL;
        if (wf_is_dict(d)) {
            size_t pos = 0;
            WfValue k, v;
            while (wf_dict_next(d, &pos, &k, &v))
                if (wf_is_str(k)) wf_list_append(vm, l, k);
        }
        wf_decref(vm, d);
    }
    if (t->mro) {
        WfTuple *m = (WfTuple *)t->mro;
        for (size_t i = 0; i < m->n; i++) add_type_names(vm, l, (WfType *)m->items[i].u.o);
    } else {
        for (WfType *b = t; b; b = b->base) add_type_names(vm, l, b);
    }
    if (wf_err_occurred(vm)) {
        wf_decref(vm, l);
        return WF_NULL;
    }
    WfList *lst = WF_LIST(l);
    qsort(lst->items, lst->n, sizeof(WfValue), cmp_strvals);
    size_t w = 0;
    for (size_t i = 0; i < lst->n; i++) {
        if (w && cmp_strvals(&lst->items[w - 1], &lst->items[i]) == 0) {
            wf_decref(vm, lst->items[i]);
            continue;
        }
        lst->items[w++] = lst->items[i];
    }
    lst->n = w;
    return l;
}

/* ---- the last traceback line ------------------------------------------------------ */

/* An int that fits in a C long (CPython's PyLong_AsSsize_t). */
static bool as_ssize(WfValue v, int64_t *out) {
    if (v.tag != WF_TAG_INT && v.tag != WF_TAG_BOOL) return false;
    *out = v.u.i;
    return true;
}

/* CPython's print_error_text: the source line without its indentation and
 * a caret line under [offset, end_offset) (1-based; the arithmetic is on
 * the UTF-8 bytes, as CPython's). */
static void error_text(WfVM *vm, WfBuf *b, int64_t offset, int64_t end_offset, const WfStr *t) {
    int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    const char *text = t->data;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    int64_t len = (int64_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) break;
        int64_t inl = nl - text;
        if (inl >= offset) break;
        inl++;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    wf_buf_puts(vm, b, "    ");
    wf_buf_puts(vm, b, text);
    if (text[len] != '\n') wf_buf_putc(vm, b, '\n');
    if (offset < 0) return;
    wf_buf_puts(vm, b, "    ");
    for (int64_t i = 0; i < offset; i++) wf_buf_putc(vm, b, ' ');
    for (int64_t i = 0; i < carets; i++) wf_buf_putc(vm, b, '^');
    wf_buf_putc(vm, b, '\n');
}

/* A SyntaxError with a line number prints where it happened, as CPython's
 * print_exception (parse_syntax_error): the File line and the source, and
 * then its msg instead of its str() (*msg_out). Returns false, writing
 * nothing, when the attributes do not qualify. */
static bool syntax_error_location(WfVM *vm, WfBuf *b, WfValue exc, WfValue *msg_out) {
    WfException *e = WF_EXC_OBJ(exc);
    WfValue fn = field_peek(e, SE_FILENAME), text = field_peek(e, SE_TEXT);
    int64_t lineno, offset = -1, end_lineno, end_offset = -1;
    if (!as_ssize(field_peek(e, SE_LINENO), &lineno)) return false;
    WfValue v = field_peek(e, SE_OFFSET);
    if (!WF_IS_NULL(v) && !WF_IS_NONE(v) && !as_ssize(v, &offset)) return false;
    end_lineno = lineno;
    if (exc.u.o->type == &wf_exc_SyntaxError) {
        v = field_peek(e, SE_END_LINENO);
        if (!WF_IS_NULL(v) && !WF_IS_NONE(v) && !as_ssize(v, &end_lineno)) return false;
        v = field_peek(e, SE_END_OFFSET);
        if (!WF_IS_NULL(v) && !WF_IS_NONE(v) && !as_ssize(v, &end_offset)) return false;
    }
    wf_buf_puts(vm, b, "  File \"");
    if (WF_IS_NULL(fn) || WF_IS_NONE(fn)) wf_buf_puts(vm, b, "<string>");
    else if (!wf_buf_append_str(vm, b, fn)) wf_err_clear(vm);
    wf_buf_printf(vm, b, "\", line %lld\n", (long long)lineno);
    if (wf_is_str(text)) {
        int64_t size = WF_STR(text)->len;
        if (end_lineno > lineno) end_offset = size;
        if (end_offset > size + 1) end_offset = size + 1;
        error_text(vm, b, offset, end_offset, WF_STR(text));
    }
    v = field_peek(e, SE_MSG);
    *msg_out = WF_IS_NULL(v) ? WF_NONE : v;
    return true;
}

WfValue wf_exc_format_only(WfVM *vm, WfValue exc) {
    WfType *t = wf_type_of(exc);
    WfBuf b;
    wf_buf_init(&b);
    WfValue value = exc;
    if (wf_isinstance(exc, &wf_exc_SyntaxError)) syntax_error_location(vm, &b, exc, &value);
    if ((t->flags & WF_TPFLAG_HEAPTYPE) && t->dict) {
        WfObject *modkey = wf_str_intern_cstr(vm, "__module__");
        WfObject *qualkey = wf_str_intern_cstr(vm, "__qualname__");
        WfValue mod = modkey ? wf_dict_get_str(WF_OBJ(t->dict), modkey) : WF_NULL;
        WfValue qual = qualkey ? wf_dict_get_str(WF_OBJ(t->dict), qualkey) : WF_NULL;
        if (!wf_is_str(mod)) {
            wf_buf_puts(vm, &b, "<unknown>.");
        } else if (strcmp(WF_STR(mod)->data, "__main__") != 0 &&
                   strcmp(WF_STR(mod)->data, "builtins") != 0) {
            wf_buf_append(vm, &b, WF_STR(mod)->data, (size_t)WF_STR(mod)->len);
            wf_buf_putc(vm, &b, '.');
        }
        if (wf_is_str(qual)) wf_buf_append(vm, &b, WF_STR(qual)->data, (size_t)WF_STR(qual)->len);
        else wf_buf_puts(vm, &b, t->name);
    } else {
        wf_buf_puts(vm, &b, t->name);
    }
    if (b.failed) return wf_buf_finish(vm, &b);
    if (WF_IS_NONE(value)) return wf_buf_finish(vm, &b);
    WfValue s = wf_to_str(vm, value);
    if (WF_IS_NULL(s) || !wf_is_str(s)) {
        wf_decref(vm, s);
        wf_err_clear(vm);
        wf_buf_puts(vm, &b, ": <exception str() failed>");
    } else {
        if (WF_STR(s)->len) {
            wf_buf_puts(vm, &b, ": ");
            wf_buf_append(vm, &b, WF_STR(s)->data, (size_t)WF_STR(s)->len);
        }
        wf_decref(vm, s);
    }
    if (wf_isinstance(exc, &wf_exc_AttributeError)) {
        WfException *e = WF_EXC_OBJ(exc);
        WfValue name = field_peek(e, AE_NAME), obj = field_peek(e, AE_OBJ);
        if (wf_is_exact_str(name) && !WF_IS_NULL(obj)) {
            WfValue saved = wf_err_fetch(vm);
            WfValue cands = attr_candidates(vm, obj);
            if (!WF_IS_NULL(cands)) {
                WfObject *sug = wf_exc_suggest(name.u.o, WF_LIST(cands)->items,
                                               WF_LIST(cands)->n);
                if (sug) wf_buf_printf(vm, &b, ". Did you mean: '%s'?", ((WfStr *)sug)->data);
                wf_decref(vm, cands);
            }
            wf_err_restore(vm, saved);
        }
    }
    return wf_buf_finish(vm, &b);
}

/* ---- SystemExit, errno, attribute and name errors ------------------------------- */

int wf_exc_exit_status(WfVM *vm, WfValue exc) {
    WfValue code = wf_isinstance(exc, &wf_exc_SystemExit) ? WF_EXC_OBJ(exc)->value : WF_NULL;
    if (WF_IS_NULL(code) || WF_IS_NONE(code)) return 0;
    if (code.tag == WF_TAG_INT || code.tag == WF_TAG_BOOL) return (int)code.u.i;
    if (wf_is_int(code)) return -1;
    WfValue s = wf_to_str(vm, code);
    if (WF_IS_NULL(s)) {
        wf_err_clear(vm);
    } else {
        wf_write_stderr(vm, WF_STR(s)->data, (size_t)WF_STR(s)->len);
        wf_decref(vm, s);
    }
    wf_write_stderr(vm, "\n", 1);
    return 1;
}

WfValue wf_err_from_errno(WfVM *vm, WfType *type, int errnum, const char *filename) {
    WfValue items[3];
    size_t n = 2;
    items[0] = WF_INT(errnum);
    items[1] = wf_str_from_cstr(vm, strerror(errnum));
    if (WF_IS_NULL(items[1])) return WF_NULL;
    if (filename) {
        items[2] = wf_str_from_cstr(vm, filename);
        if (WF_IS_NULL(items[2])) {
            wf_decref(vm, items[1]);
            return WF_NULL;
        }
        n = 3;
    }
    WfValue t = wf_tuple_from_array(vm, items, n);
    for (size_t i = 1; i < n; i++) wf_decref(vm, items[i]);
    if (WF_IS_NULL(t)) return t;
    WfValue e = wf_exc_new(vm, type ? type : &wf_exc_OSError, t);
    wf_decref(vm, t);
    if (!WF_IS_NULL(e)) set_exc(vm, e);
    return WF_NULL;
}

WfValue wf_err_no_attribute(WfVM *vm, WfValue obj, WfObject *name) {
    wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'",
                  wf_type_name(obj), ((WfStr *)name)->data);
    if (wf_err_matches(vm, &wf_exc_AttributeError)) {
        WfException *e = WF_EXC_OBJ(vm->exc);
        if (field_set(vm, e, AE_N, AE_NAME, WF_OBJ(name)) < 0 ||
            field_set(vm, e, AE_N, AE_OBJ, obj) < 0)
            return WF_NULL;
    }
    return WF_NULL;
}

WfValue wf_err_name_not_defined(WfVM *vm, WfObject *name) {
    wf_err_format(vm, &wf_exc_NameError, "name '%s' is not defined", ((WfStr *)name)->data);
    if (wf_err_matches(vm, &wf_exc_NameError))
        set_value_field(vm, &WF_EXC_OBJ(vm->exc)->value, WF_OBJ(name));
    return WF_NULL;
}

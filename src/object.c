/* object.c: the generic operations (object.h) the VM and the built-ins call:
 * repr, hash, comparison, truth, attributes, calls, iteration, items and
 * arithmetic, each dispatching through the WfType slots with CPython's
 * fallbacks (reflected operands, identity equality) and CPython's error
 * messages. Also the argument binders native functions use. */
#include <string.h>
#include "class.h"
#include "func.h"
#include "type.h"
#include "vm.h"
#include "interp.h"

static bool same_value(WfValue a, WfValue b) {
    if (a.tag != b.tag) return false;
    return a.u.i == b.u.i;
}

WfValue wf_repr(WfVM *vm, WfValue v) {
    WfType *t = wf_type_of(v);
    if (v.tag == WF_TAG_OBJ && wf_stack_exhausted(vm)) return WF_NULL;
    if (t->repr) {
        if (vm->depth > vm->recursion_limit + 50)
            return wf_err_format(vm, &wf_exc_RecursionError,
                                 "maximum recursion depth exceeded while getting the repr of an object");
        return t->repr(vm, v);
    }
    return wf_default_repr(vm, v);
}

WfValue wf_to_str(WfVM *vm, WfValue v) {
    if (wf_is_exact_str(v)) return wf_ref(v);
    WfType *t = wf_type_of(v);
    if (t->str) return t->str(vm, v);
    return wf_repr(vm, v);
}

int wf_hash(WfVM *vm, WfValue v, int64_t *out) {
    WfType *t = wf_type_of(v);
    if (v.tag == WF_TAG_OBJ && !(t->flags & WF_TPFLAG_STR) && wf_stack_exhausted(vm)) return -1;
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) {
        int64_t n = v.u.i;
        /* CPython hashes ints modulo 2**61 - 1; small ones hash to
         * themselves, which is what makes sets of small ints ordered. */
        if (n > -(((int64_t)1 << 61) - 1) && n < ((int64_t)1 << 61) - 1) {
            *out = n == -1 ? -2 : n;
            return 0;
        }
    }
    if (wf_is_exact_str(v)) {
        *out = wf_str_hash(WF_STR(v));
        return 0;
    }
    if (t->hash) return t->hash(vm, v, out);
    if (t->flags & WF_TPFLAG_UNHASHABLE) {
        wf_err_format(vm, &wf_exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    /* object.__hash__: identity, rotated as CPython does so the low bits
     * (always zero for aligned pointers) carry information. */
    uint64_t p = (uint64_t)(uintptr_t)v.u.o;
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    *out = h == -1 ? -2 : h;
    return 0;
}

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swap[] = {WF_CMP_GT, WF_CMP_GE, WF_CMP_EQ, WF_CMP_NE, WF_CMP_LT, WF_CMP_LE};

WfValue wf_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    WfType *ta = wf_type_of(a), *tb = wf_type_of(b);
    if (wf_stack_exhausted(vm)) return WF_NULL;
    bool checked_reverse = false;
    if (ta != tb && tb->richcmp && wf_type_is_subtype(tb, ta) && (tb->flags & WF_TPFLAG_HEAPTYPE)) {
        checked_reverse = true;
        WfValue r = tb->richcmp(vm, b, a, cmp_swap[op]);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    if (ta->richcmp) {
        WfValue r = ta->richcmp(vm, a, b, op);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    if (!checked_reverse && tb->richcmp) {
        WfValue r = tb->richcmp(vm, b, a, cmp_swap[op]);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    if (op == WF_CMP_EQ) return WF_BOOL(same_value(a, b));
    if (op == WF_CMP_NE) return WF_BOOL(!same_value(a, b));
    return wf_err_format(vm, &wf_exc_TypeError,
                         "'%s' not supported between instances of '%s' and '%s'",
                         cmp_sym[op], ta->name, tb->name);
}

int wf_richcmp_bool(WfVM *vm, WfValue a, WfValue b, int op) {
    if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) return wf_int_compare(op, a.u.i, b.u.i);
    WfValue r = wf_richcmp(vm, a, b, op);
    if (WF_IS_NULL(r)) return -1;
    if (r.tag == WF_TAG_BOOL) return (int)r.u.i;
    int t = wf_truthy(vm, r);
    wf_decref(vm, r);
    return t;
}

int wf_eq(WfVM *vm, WfValue a, WfValue b) {
    if (same_value(a, b)) return 1;
    if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT) return 0;
    if (wf_is_exact_str(a) && wf_is_exact_str(b)) return wf_str_equal(WF_STR(a), WF_STR(b));
    return wf_richcmp_bool(vm, a, b, WF_CMP_EQ);
}

int wf_truthy(WfVM *vm, WfValue v) {
    switch (v.tag) {
    case WF_TAG_NONE: return 0;
    case WF_TAG_BOOL:
    case WF_TAG_INT: return v.u.i != 0;
    case WF_TAG_FLOAT: return v.u.f != 0.0;
    case WF_TAG_OBJ: break;
    default: return 0;
    }
    WfType *t = v.u.o->type;
    if (t->truth) return t->truth(vm, v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- attributes ----------------------------------------------------------- */

WfValue wf_getattr(WfVM *vm, WfValue v, WfObject *name) {
    WfType *t = wf_type_of(v);
    if (t->getattr) return t->getattr(vm, v, name);
    return wf_generic_getattr(vm, v, name);
}

WfValue wf_getattr_cstr(WfVM *vm, WfValue v, const char *name) {
    WfObject *n = wf_str_intern_cstr(vm, name);
    if (!n) return WF_NULL;
    return wf_getattr(vm, v, n);
}

WfValue wf_getattr_opt(WfVM *vm, WfValue v, WfObject *name) {
    WfValue r = wf_getattr(vm, v, name);
    if (WF_IS_NULL(r) && wf_err_matches(vm, &wf_exc_AttributeError)) wf_err_clear(vm);
    return r;
}

int wf_setattr(WfVM *vm, WfValue v, WfObject *name, WfValue value) {
    WfType *t = wf_type_of(v);
    if (t->setattr) return t->setattr(vm, v, name, value);
    return wf_generic_setattr(vm, v, name, value);
}

/* ---- calls ---------------------------------------------------------------- */

/* The cases of wf_call that need a frame of their own: kept out of line
 * so the common ones (functions, builtins, types) are tail calls from a
 * wf_call that saves no registers (measured: 2% of the strings
 * benchmark was wf_call's prologue and epilogue). */
static __attribute__((noinline)) WfValue call_unbound(WfVM *vm, WfNative *n, const WfValue *args,
                                                      size_t nargs, WfObject *kwnames) {
    if (nargs == 0)
        return wf_err_format(vm, &wf_exc_TypeError, "unbound method %s.%s() needs an argument",
                             n->owner->name, n->def->name);
    if (!wf_isinstance(args[0], n->owner))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                             n->def->name, n->owner->name, wf_type_name(args[0]));
    return n->def->fn(vm, args[0], args + 1, nargs - 1, kwnames);
}

static __attribute__((noinline)) WfValue call_method(WfVM *vm, WfMethod *m, const WfValue *args,
                                                     size_t nargs, WfObject *kwnames) {
    size_t nkw = kwnames ? WF_TUPLE(WF_OBJ(kwnames))->n : 0;
    size_t total = nargs + nkw;
    WfValue small[8];
    WfValue *buf = total + 1 <= 8 ? small : wf_mem_alloc(vm, (total + 1) * sizeof(WfValue));
    if (!buf) return WF_NULL;
    buf[0] = m->self;
    if (total) memcpy(buf + 1, args, total * sizeof(WfValue));
    WfValue r = wf_call(vm, m->func, buf, nargs + 1, kwnames);
    if (buf != small) wf_mem_free(vm, buf);
    return r;
}

static __attribute__((noinline)) WfValue call_other(WfVM *vm, WfValue callable,
                                                    const WfValue *args, size_t nargs,
                                                    WfObject *kwnames) {
    if (callable.tag == WF_TAG_OBJ) {
        WfType *t = callable.u.o->type;
        if (t->flags & WF_TPFLAG_TYPE) {
            WfType *ty = (WfType *)callable.u.o;
            if (ty == &wf_type_type && nargs != 1) return wf_class_type_call(vm, args, nargs, kwnames);
            if (ty->new_) return ty->new_(vm, ty, args, nargs, kwnames);
            return wf_err_format(vm, &wf_exc_TypeError, "cannot create '%s' instances", ty->name);
        }
        if (t->call) return t->call(vm, callable, args, nargs, kwnames);
    }
    return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not callable",
                         wf_type_name(callable));
}

WfValue wf_call(WfVM *vm, WfValue callable, const WfValue *args, size_t nargs,
                WfObject *kwnames) {
    if (wf_stack_exhausted(vm)) return WF_NULL;
    if (callable.tag == WF_TAG_OBJ) {
        WfType *t = callable.u.o->type;
        if (t == &wf_type_function)
            return wf_vm_call_function(vm, (WfFunction *)callable.u.o, args, nargs, kwnames);
        if (t == &wf_type_native) {
            WfNative *n = (WfNative *)callable.u.o;
            if (n->owner) return call_unbound(vm, n, args, nargs, kwnames);
            return n->def->fn(vm, n->self, args, nargs, kwnames);
        }
        if (t == &wf_type_method) return call_method(vm, (WfMethod *)callable.u.o, args, nargs, kwnames);
        if (t->flags & WF_TPFLAG_TYPE) {
            WfType *ty = (WfType *)callable.u.o;
            if (ty != &wf_type_type && ty->new_) return ty->new_(vm, ty, args, nargs, kwnames);
        }
    }
    return call_other(vm, callable, args, nargs, kwnames);
}

WfValue wf_call0(WfVM *vm, WfValue callable) { return wf_call(vm, callable, NULL, 0, NULL); }

WfValue wf_call1(WfVM *vm, WfValue callable, WfValue a) {
    return wf_call(vm, callable, &a, 1, NULL);
}

WfValue wf_call_method(WfVM *vm, WfValue obj, const char *name, const WfValue *args,
                       size_t nargs) {
    WfValue m = wf_getattr_cstr(vm, obj, name);
    if (WF_IS_NULL(m)) return m;
    WfValue r = wf_call(vm, m, args, nargs, NULL);
    wf_decref(vm, m);
    return r;
}

/* ---- iteration and items -------------------------------------------------- */

WfValue wf_iter(WfVM *vm, WfValue v) {
    WfType *t = wf_type_of(v);
    if (t->iter) return t->iter(vm, v);
    if (t->getitem && t != &wf_type_dict) return wf_seq_iter_new(vm, v);
    return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not iterable", t->name);
}

WfValue wf_iternext(WfVM *vm, WfValue it) {
    WfType *t = wf_type_of(it);
    if (t->iternext) {
        WfValue r = t->iternext(vm, it);
        /* PyIter_Next: StopIteration (with a generator's return value) is
         * just the end. */
        if (WF_IS_NULL(r) && wf_err_occurred(vm) && wf_err_matches(vm, &wf_exc_StopIteration)) wf_err_clear(vm);
        return r;
    }
    return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not an iterator", t->name);
}

int64_t wf_len(WfVM *vm, WfValue v) {
    WfType *t = wf_type_of(v);
    if (t->len) return t->len(vm, v);
    wf_err_format(vm, &wf_exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

WfValue wf_getitem(WfVM *vm, WfValue o, WfValue key) {
    WfType *t = wf_type_of(o);
    if (t->getitem) return t->getitem(vm, o, key);
    if (wf_is_type(o))
        return wf_err_format(vm, &wf_exc_TypeError, "type '%s' is not subscriptable",
                             ((WfType *)o.u.o)->name);
    return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not subscriptable", t->name);
}

int wf_setitem(WfVM *vm, WfValue o, WfValue key, WfValue v) {
    WfType *t = wf_type_of(o);
    if (t->setitem) return t->setitem(vm, o, key, v);
    wf_err_format(vm, &wf_exc_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int wf_delitem(WfVM *vm, WfValue o, WfValue key) {
    WfType *t = wf_type_of(o);
    if (t->setitem) return t->setitem(vm, o, key, WF_NULL);
    wf_err_format(vm, &wf_exc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int wf_contains(WfVM *vm, WfValue container, WfValue item) {
    WfType *t = wf_type_of(container);
    if (t->contains) return t->contains(vm, container, item);
    if (!t->iter && !t->getitem) {
        wf_err_format(vm, &wf_exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    WfValue it = wf_iter(vm, container);
    if (WF_IS_NULL(it)) return -1;
    for (;;) {
        WfValue x = wf_iternext(vm, it);
        if (WF_IS_NULL(x)) {
            wf_decref(vm, it);
            return wf_err_occurred(vm) ? -1 : 0;
        }
        int eq = wf_eq(vm, x, item);
        wf_decref(vm, x);
        if (eq != 0) {
            wf_decref(vm, it);
            return eq;
        }
    }
}

/* ---- arithmetic ------------------------------------------------------------- */

static const char *const bin_sym[WF_BIN_COUNT] = {
    "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
static const char *const inplace_sym[WF_BIN_COUNT] = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="};

const char *wf_binop_symbol(int op) { return bin_sym[op]; }

static WfValue binop_try(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *ta = wf_type_of(a), *tb = wf_type_of(b);
    WfBinaryFn fa = ta->binop[op];
    WfBinaryFn fb = ta != tb ? tb->binop[op] : NULL;
    if (fa == fb) fb = NULL;
    if (fb && fa && wf_type_is_subtype(tb, ta)) {
        WfValue r = fb(vm, a, b);
        if (!WF_IS_NOTIMPL(r)) return r;
        fb = NULL;
    }
    if (fa) {
        WfValue r = fa(vm, a, b);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    if (fb) {
        WfValue r = fb(vm, a, b);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    return WF_NOTIMPL;
}

WfValue wf_binop(WfVM *vm, int op, WfValue a, WfValue b) {
    WfValue r = binop_try(vm, op, a, b);
    if (!WF_IS_NOTIMPL(r)) return r;
    if (op == WF_BIN_ADD && wf_is_str(a))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "can only concatenate str (not \"%s\") to str", wf_type_name(b));
    return wf_err_format(vm, &wf_exc_TypeError,
                         "unsupported operand type(s) for %s: '%s' and '%s'", bin_sym[op],
                         wf_type_name(a), wf_type_name(b));
}

WfValue wf_inplace(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *ta = wf_type_of(a);
    if (ta->inplace[op]) {
        WfValue r = ta->inplace[op](vm, a, b);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    WfValue r = binop_try(vm, op, a, b);
    if (!WF_IS_NOTIMPL(r)) return r;
    if (op == WF_BIN_ADD && wf_is_str(a))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "can only concatenate str (not \"%s\") to str", wf_type_name(b));
    return wf_err_format(vm, &wf_exc_TypeError,
                         "unsupported operand type(s) for %s: '%s' and '%s'", inplace_sym[op],
                         wf_type_name(a), wf_type_name(b));
}

static WfValue unary(WfVM *vm, WfValue v, WfUnaryFn f, const char *sym) {
    if (f) {
        WfValue r = f(vm, v);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    return wf_err_format(vm, &wf_exc_TypeError, "bad operand type for %s: '%s'", sym,
                         wf_type_name(v));
}

WfValue wf_neg(WfVM *vm, WfValue v) { return unary(vm, v, wf_type_of(v)->neg, "unary -"); }
WfValue wf_pos(WfVM *vm, WfValue v) { return unary(vm, v, wf_type_of(v)->pos, "unary +"); }
WfValue wf_invert(WfVM *vm, WfValue v) { return unary(vm, v, wf_type_of(v)->invert, "unary ~"); }
WfValue wf_abs(WfVM *vm, WfValue v) { return unary(vm, v, wf_type_of(v)->abs, "abs()"); }

int wf_index(WfVM *vm, WfValue v, const char *what, int64_t *out) {
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) {
        *out = v.u.i;
        return 0;
    }
    WfType *t = wf_type_of(v);
    if (t->flags & WF_TPFLAG_INT) {
        if (wf_int_as_i64(vm, v, out) < 0) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_IndexError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        return 0;
    }
    if (t->index) {
        WfValue r = t->index(vm, v);
        if (WF_IS_NULL(r)) return -1;
        if (!wf_is_int(r)) {
            wf_err_format(vm, &wf_exc_TypeError, "__index__ returned non-int (type %s)", wf_type_name(r));
            wf_decref(vm, r);
            return -1;
        }
        int rc = wf_index(vm, r, what, out);
        wf_decref(vm, r);
        return rc;
    }
    if (what)
        wf_err_format(vm, &wf_exc_TypeError, "%s indices must be integers or slices, not %s", what,
                      t->name);
    else
        wf_err_format(vm, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      t->name);
    return -1;
}

/* ---- argument binding ------------------------------------------------------- */

int wf_args_check_fail(WfVM *vm, const char *fname, size_t nargs, WfObject *kwnames,
                       size_t min, size_t max) {
    if (kwnames && WF_TUPLE(WF_OBJ(kwnames))->n) {
        wf_err_format(vm, &wf_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs >= min && nargs <= max) return 0;
    /* CPython names a method's type ("str.upper()") where the method call
     * checks the count, not where the method does ("replace expected at
     * least 2 arguments"). */
    const char *dot = strrchr(fname, '.'), *bare = dot ? dot + 1 : fname;
    if (min == max) {
        if (min == 0)
            wf_err_format(vm, &wf_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (min == 1)
            wf_err_format(vm, &wf_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                          fname, nargs);
        else
            wf_err_format(vm, &wf_exc_TypeError, "%s expected %zu arguments, got %zu", bare, min,
                          nargs);
    } else if (nargs < min) {
        wf_err_format(vm, &wf_exc_TypeError, "%s expected at least %zu argument%s, got %zu", bare,
                      min, min == 1 ? "" : "s", nargs);
    } else {
        wf_err_format(vm, &wf_exc_TypeError, "%s expected at most %zu argument%s, got %zu", bare,
                      max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int wf_args_bind_py(WfVM *vm, const char *qualname, bool method, const WfValue *args, size_t nargs,
                    WfObject *kwnames, const char *const *kwlist, int min, WfValue *out) {
    int n = 0;
    while (kwlist[n]) n++;
    for (int i = 0; i < n; i++) out[i] = i < (int)nargs ? args[i] : WF_NULL;
    /* CPython binds keywords before it counts positional arguments. */
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    for (size_t k = 0; k < nkw; k++) {
        const char *key = WF_STR(((WfTuple *)kwnames)->items[k])->data;
        int found = -1;
        for (int i = 0; i < n && found < 0; i++)
            if (strcmp(kwlist[i], key) == 0) found = i;
        if (found < 0) {
            wf_err_format(vm, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'", qualname, key);
            return -1;
        }
        if (!WF_IS_NULL(out[found]) || (size_t)found < nargs) {
            wf_err_format(vm, &wf_exc_TypeError, "%s() got multiple values for argument '%s'", qualname, key);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    int self = method ? 1 : 0;
    if (nargs > (size_t)n) {
        size_t given = nargs + (size_t)self;
        if (min == n)
            wf_err_format(vm, &wf_exc_TypeError, "%s() takes %d positional argument%s but %zu %s given", qualname,
                          n + self, n + self == 1 ? "" : "s", given, given == 1 ? "was" : "were");
        else
            wf_err_format(vm, &wf_exc_TypeError, "%s() takes from %d to %d positional arguments but %zu %s given",
                          qualname, min + self, n + self, given, given == 1 ? "was" : "were");
        return -1;
    }
    int missing = 0;
    for (int i = 0; i < min; i++) missing += WF_IS_NULL(out[i]);
    if (missing) {
        WfBuf b;
        wf_buf_init(&b);
        wf_buf_printf(vm, &b, "%s() missing %d required positional argument%s: ", qualname, missing,
                      missing == 1 ? "" : "s");
        int seen = 0;
        for (int i = 0; i < min; i++) {
            if (!WF_IS_NULL(out[i])) continue;
            wf_buf_printf(vm, &b, "'%s'", kwlist[i]);
            seen++;
            if (seen < missing - 1) wf_buf_puts(vm, &b, ", ");
            else if (seen == missing - 1) wf_buf_puts(vm, &b, missing > 2 ? ", and " : " and ");
        }
        WfValue msg = wf_buf_finish(vm, &b);
        if (!WF_IS_NULL(msg)) {
            wf_err_set_value(vm, &wf_exc_TypeError, msg);
            wf_decref(vm, msg);
        }
        return -1;
    }
    return 0;
}

int wf_args_bind(WfVM *vm, const char *fname, const WfValue *args, size_t nargs,
                 WfObject *kwnames, const char *const *kwlist, int npos_only, int min,
                 WfValue *out) {
    int n = 0;
    while (kwlist[n]) n++;
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    if (nargs + nkw > (size_t)n) {
        /* CPython 3.11's getargs.c counts keywords in too, and says so
         * when they are all there is. */
        wf_err_format(vm, &wf_exc_TypeError, "%s() takes at most %d %sargument%s (%zu given)", fname, n,
                      nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (int i = 0; i < n; i++) out[i] = i < (int)nargs ? args[i] : WF_NULL;
    if (kwnames) {
        WfTuple *kw = (WfTuple *)kwnames;
        for (size_t k = 0; k < kw->n; k++) {
            WfStr *key = WF_STR(kw->items[k]);
            int found = -1;
            for (int i = npos_only; i < n; i++) {
                if (strcmp(kwlist[i], key->data) == 0) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                wf_err_format(vm, &wf_exc_TypeError, "'%s' is an invalid keyword argument for %s()", key->data,
                              fname);
                return -1;
            }
            if (!WF_IS_NULL(out[found])) {
                wf_err_format(vm, &wf_exc_TypeError,
                              "argument for %s() given by name ('%s') and position (%d)", fname,
                              key->data, found + 1);
                return -1;
            }
            out[found] = args[nargs + k];
        }
    }
    for (int i = 0; i < min; i++) {
        if (WF_IS_NULL(out[i])) {
            wf_err_format(vm, &wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                          fname, kwlist[i], i + 1);
            return -1;
        }
    }
    return 0;
}

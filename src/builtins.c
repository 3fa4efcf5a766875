/* builtins.c: the built-in functions (print, len, min, sum, isinstance,
 * ...) and the filling of the builtins namespace with them, the built-in
 * types and the exception classes, in CPython's order (the "Did you mean"
 * hint breaks ties by it). Each function checks its arguments with
 * CPython's exact messages, then takes a fast path for small ints, floats,
 * exact lists/tuples/strs before the generic protocol. Called once per VM
 * from wf_vm_new (wf_builtins_init); the VM adds globals/locals and the
 * import/class machinery itself. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include "builtins.h"
#include "set.h"
#include "interp.h"
#include "gen.h"
#include "exc.h"
#include "floatobj.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "range.h"
#include "str.h"
#include "type.h"

#define BUILTIN(name) \
    static WfValue bi_##name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, \
                             WfObject *kwnames)

static size_t kwcount(WfObject *kwnames) { return kwnames ? ((WfTuple *)kwnames)->n : 0; }
static const char *kwname(WfObject *kwnames, size_t i) {
    return WF_STR(((WfTuple *)kwnames)->items[i])->data;
}

/* Keyword-only arguments by name into out[] (left WF_NULL when absent);
 * unknown ones get "'x' is an invalid keyword argument for f()". */
static int kw_only(WfVM *vm, const char *fname, const WfValue *args, size_t nargs,
                   WfObject *kwnames, const char *const *names, WfValue *out) {
    for (size_t i = 0; names[i]; i++) out[i] = WF_NULL;
    for (size_t k = 0; k < kwcount(kwnames); k++) {
        const char *key = kwname(kwnames, k);
        size_t i = 0;
        while (names[i] && strcmp(names[i], key) != 0) i++;
        if (!names[i]) {
            wf_err_format(vm, &wf_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                          key, fname);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

/* Argument Clinic reports a missing required argument before an unknown
 * keyword: round(x=1) names 'number'. Then wf_args_bind does the rest. */
static int bind_required_first(WfVM *vm, const char *fname, const WfValue *args, size_t nargs,
                               WfObject *kwnames, const char *const *kwlist, int min,
                               WfValue *out) {
    for (int i = (int)nargs; i < min; i++) {
        bool given = false;
        for (size_t k = 0; k < kwcount(kwnames) && !given; k++)
            given = strcmp(kwname(kwnames, k), kwlist[i]) == 0;
        if (!given) {
            wf_err_format(vm, &wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                          fname, kwlist[i], i + 1);
            return -1;
        }
    }
    return wf_args_bind(vm, fname, args, nargs, kwnames, kwlist, 0, min, out);
}

/* An attribute name argument as the interned str attribute lookups take
 * (borrowed), or NULL with CPython's TypeError. */
static WfObject *attr_name(WfVM *vm, WfValue name) {
    if (!wf_is_str(name)) {
        wf_err_format(vm, &wf_exc_TypeError, "attribute name must be string, not '%s'",
                      wf_type_name(name));
        return NULL;
    }
    WfStr *s = WF_STR(name);
    if (s->interned) return &s->ob;
    return wf_str_intern(vm, s->data, (size_t)s->len);
}

static bool is_callable(WfValue v) {
    if (!WF_IS_OBJ(v)) return false;
    WfType *t = v.u.o->type;
    return t->call || (t->flags & WF_TPFLAG_TYPE) || t == &wf_type_function ||
           t == &wf_type_native || t == &wf_type_method;
}

/* ---- output ------------------------------------------------------------------- */

static size_t format_i64(char *buf, int64_t n) {
    char tmp[24];
    size_t len = 0;
    uint64_t u = n < 0 ? -(uint64_t)n : (uint64_t)n;
    do {
        tmp[len++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t i = 0;
    if (n < 0) buf[i++] = '-';
    while (len) buf[i++] = tmp[--len];
    return i;
}

/* print's output for a C stream, gathered so a whole line costs one
 * fwrite. What was gathered before an error is still written, as
 * CPython's piecewise writes would have. */
typedef struct OutBuf {
    FILE *fp;
    size_t n;
    char data[512];
} OutBuf;

static int out_flush(WfVM *vm, OutBuf *o) {
    size_t n = o->n;
    o->n = 0;
    return wf_sysfile_write_raw(vm, o->fp, o->data, n);
}

static int out_put(WfVM *vm, OutBuf *o, const char *s, size_t n) {
    if (n > sizeof o->data - o->n) {
        if (out_flush(vm, o) < 0) return -1;
        if (n > sizeof o->data) return wf_sysfile_write_raw(vm, o->fp, s, n);
    }
    memcpy(o->data + o->n, s, n);
    o->n += n;
    return 0;
}

/* str(v) into the buffer: no str object for the common types. */
static int out_value(WfVM *vm, OutBuf *o, WfValue v) {
    char buf[40];
    switch (v.tag) {
    case WF_TAG_INT: return out_put(vm, o, buf, format_i64(buf, v.u.i));
    case WF_TAG_FLOAT:
        wf_float_repr_buf(v.u.f, buf, sizeof buf);
        return out_put(vm, o, buf, strlen(buf));
    case WF_TAG_BOOL: return out_put(vm, o, v.u.i ? "True" : "False", v.u.i ? 4 : 5);
    case WF_TAG_NONE: return out_put(vm, o, "None", 4);
    default: break;
    }
    if (wf_is_exact_str(v)) return out_put(vm, o, WF_STR(v)->data, (size_t)WF_STR(v)->len);
    WfValue s = wf_to_str(vm, v);
    if (WF_IS_NULL(s)) return -1;
    int rc = out_put(vm, o, WF_STR(s)->data, (size_t)WF_STR(s)->len);
    wf_decref(vm, s);
    return rc;
}

static int out_sep(WfVM *vm, OutBuf *o, WfValue sep, const char *dflt) {
    if (WF_IS_NULL(sep) || WF_IS_NONE(sep)) return out_put(vm, o, dflt, 1);
    return out_put(vm, o, WF_STR(sep)->data, (size_t)WF_STR(sep)->len);
}

static int print_to_stream(WfVM *vm, FILE *fp, const WfValue *args, size_t nargs, WfValue sep,
                           WfValue end) {
    OutBuf o;
    o.fp = fp;
    o.n = 0;
    int rc = 0;
    for (size_t i = 0; i < nargs && rc == 0; i++) {
        if (i) rc = out_sep(vm, &o, sep, " ");
        if (rc == 0) rc = out_value(vm, &o, args[i]);
    }
    if (rc == 0) rc = out_sep(vm, &o, end, "\n");
    if (o.n) {
        /* Keep the first error; the flush only reports its own. */
        WfValue pending = wf_err_fetch(vm);
        int frc = out_flush(vm, &o);
        if (!WF_IS_NULL(pending)) wf_err_restore(vm, pending);
        if (frc < 0) rc = -1;
    }
    return rc;
}

/* file.write(s) for a file object that is not one of ours. */
static int write_obj(WfVM *vm, WfValue file, WfValue s) {
    WfValue r = wf_call_method(vm, file, "write", &s, 1);
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}

static int write_sep_obj(WfVM *vm, WfValue file, WfValue sep, const char *dflt) {
    if (!WF_IS_NULL(sep) && !WF_IS_NONE(sep)) return write_obj(vm, file, sep);
    WfValue str = wf_str_new(vm, dflt, 1);
    if (WF_IS_NULL(str)) return -1;
    int rc = write_obj(vm, file, str);
    wf_decref(vm, str);
    return rc;
}

static int print_to_object(WfVM *vm, WfValue file, const WfValue *args, size_t nargs,
                           WfValue sep, WfValue end) {
    for (size_t i = 0; i < nargs; i++) {
        if (i && write_sep_obj(vm, file, sep, " ") < 0) return -1;
        WfValue s = wf_to_str(vm, args[i]);
        if (WF_IS_NULL(s)) return -1;
        int rc = write_obj(vm, file, s);
        wf_decref(vm, s);
        if (rc < 0) return -1;
    }
    return write_sep_obj(vm, file, end, "\n");
}

BUILTIN(print) {
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    WfValue kw[4];
    if (kw_only(vm, "print", args, nargs, kwnames, names, kw) < 0) return WF_NULL;
    WfValue sep = kw[0], end = kw[1], file = kw[2], flush = kw[3];
    if (!WF_IS_NULL(sep) && !WF_IS_NONE(sep) && !wf_is_str(sep))
        return wf_err_format(vm, &wf_exc_TypeError, "sep must be None or a string, not %s",
                             wf_type_name(sep));
    if (!WF_IS_NULL(end) && !WF_IS_NONE(end) && !wf_is_str(end))
        return wf_err_format(vm, &wf_exc_TypeError, "end must be None or a string, not %s",
                             wf_type_name(end));
    if (WF_IS_NULL(file) || WF_IS_NONE(file)) {
        file = wf_sys_get(vm, "stdout");
        if (WF_IS_NULL(file)) {
            if (wf_err_occurred(vm)) return WF_NULL;
            return wf_err_format(vm, &wf_exc_RuntimeError, "lost sys.stdout");
        }
        if (WF_IS_NONE(file)) return WF_NONE;
    }
    FILE *fp = wf_sysfile_fp(file);
    wf_incref(file);   /* a __str__ or write method may replace sys.stdout */
    int rc = fp ? print_to_stream(vm, fp, args, nargs, sep, end)
                : print_to_object(vm, file, args, nargs, sep, end);
    if (rc == 0 && !WF_IS_NULL(flush)) {
        int f = wf_truthy(vm, flush);
        if (f < 0) {
            rc = -1;
        } else if (f && fp) {
            if (fflush(fp) != 0) {
                wf_err_from_errno(vm, &wf_exc_OSError, errno, NULL);
                rc = -1;
            }
        } else if (f) {
            WfValue r = wf_call_method(vm, file, "flush", NULL, 0);
            if (WF_IS_NULL(r)) rc = -1;
            wf_decref(vm, r);
        }
    }
    wf_decref(vm, file);
    return rc < 0 ? WF_NULL : WF_NONE;
}

BUILTIN(input) {
    if (wf_args_check(vm, "input", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    WfValue in = wf_sys_get(vm, "stdin");
    if (WF_IS_NULL(in) || WF_IS_NONE(in)) {
        if (wf_err_occurred(vm)) return WF_NULL;
        return wf_err_format(vm, &wf_exc_RuntimeError, "input(): lost sys.stdin");
    }
    WfValue out = wf_sys_get(vm, "stdout");
    if (WF_IS_NULL(out) || WF_IS_NONE(out)) {
        if (wf_err_occurred(vm)) return WF_NULL;
        return wf_err_format(vm, &wf_exc_RuntimeError, "input(): lost sys.stdout");
    }
    wf_incref(in);
    wf_incref(out);
    WfValue line = WF_NULL;
    FILE *ofp = wf_sysfile_fp(out), *ifp = wf_sysfile_fp(in);
    fflush(stderr);
    if (nargs) {
        WfValue p = wf_to_str(vm, args[0]);
        if (WF_IS_NULL(p)) goto done;
        int rc = ofp ? wf_sysfile_write_raw(vm, ofp, WF_STR(p)->data, (size_t)WF_STR(p)->len)
                     : write_obj(vm, out, p);
        wf_decref(vm, p);
        if (rc < 0) goto done;
    }
    if (ofp) {
        fflush(ofp);
    } else {
        WfValue r = wf_call_method(vm, out, "flush", NULL, 0);
        if (WF_IS_NULL(r)) goto done;
        wf_decref(vm, r);
    }
    line = ifp ? wf_sysfile_readline(vm, ifp, -1) : wf_call_method(vm, in, "readline", NULL, 0);
    if (WF_IS_NULL(line)) goto done;
    if (!wf_is_str(line)) {
        wf_decref(vm, line);
        line = wf_err_format(vm, &wf_exc_TypeError, "object.readline() returned non-string");
        goto done;
    }
    WfStr *s = WF_STR(line);
    if (s->len == 0) {
        wf_decref(vm, line);
        line = wf_err_format(vm, &wf_exc_EOFError, "EOF when reading a line");
    } else if (s->data[s->len - 1] == '\n') {
        WfValue t = wf_str_new(vm, s->data, (size_t)s->len - 1);
        wf_decref(vm, line);
        line = t;
    }
done:
    wf_decref(vm, in);
    wf_decref(vm, out);
    return line;
}

/* ---- simple one-argument functions -------------------------------------------- */

BUILTIN(len) {
    if (nargs == 1 && !kwnames && args[0].tag == WF_TAG_OBJ) {
        /* The exact built-in sequences answer without a slot call. */
        WfObject *o = args[0].u.o;
        if (o->type == &wf_type_str) return WF_INT(((WfStr *)o)->ncp);
        if (o->type == &wf_type_list) return WF_INT((int64_t)((WfList *)o)->n);
        if (o->type == &wf_type_tuple) return WF_INT((int64_t)((WfTuple *)o)->n);
    }
    if (wf_args_check(vm, "len", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    int64_t n = wf_len(vm, args[0]);
    return n < 0 ? WF_NULL : WF_INT(n);
}

BUILTIN(repr) {
    if (wf_args_check(vm, "repr", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return wf_repr(vm, args[0]);
}

BUILTIN(ascii) {
    if (wf_args_check(vm, "ascii", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return wf_ascii(vm, args[0]);
}

BUILTIN(abs) {
    if (wf_args_check(vm, "abs", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    WfValue v = args[0];
    if (v.tag == WF_TAG_INT && v.u.i != INT64_MIN) return WF_INT(v.u.i < 0 ? -v.u.i : v.u.i);
    if (v.tag == WF_TAG_FLOAT) return WF_FLOAT(fabs(v.u.f));
    return wf_abs(vm, v);
}

BUILTIN(id) {
    if (wf_args_check(vm, "id", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    WfValue v = args[0];
    if (WF_IS_OBJ(v)) return WF_INT((int64_t)(uintptr_t)v.u.o);
    /* Inline values have no address. Odd numbers can never be an object's
     * (aligned) address, and equal values get equal ids, as CPython's
     * cached small ints and singletons do. */
    uint64_t bits = (uint64_t)v.u.i;
    uint64_t h = (bits * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)v.tag << 56);
    return WF_INT((int64_t)((h | 1) & (uint64_t)INT64_MAX));
}

BUILTIN(hash) {
    if (wf_args_check(vm, "hash", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    int64_t h;
    if (wf_hash(vm, args[0], &h) < 0) return WF_NULL;
    return WF_INT(h);
}

BUILTIN(callable) {
    if (wf_args_check(vm, "callable", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return WF_BOOL(is_callable(args[0]));
}

BUILTIN(chr) {
    if (wf_args_check(vm, "chr", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    WfValue v = args[0];
    if (v.tag == WF_TAG_INT && (uint64_t)v.u.i < 0x110000) return wf_str_from_char(vm, (uint32_t)v.u.i);
    int64_t cp;
    if (wf_is_bigint(v)) goto overflow;
    if (wf_index(vm, v, NULL, &cp) < 0) {
        if (!wf_err_matches(vm, &wf_exc_IndexError)) return WF_NULL;
        wf_err_clear(vm);
        goto overflow;
    }
    if (cp > INT32_MAX || cp < INT32_MIN) goto overflow;
    if (cp < 0 || cp >= 0x110000)
        return wf_err_format(vm, &wf_exc_ValueError, "chr() arg not in range(0x110000)");
    return wf_str_from_char(vm, (uint32_t)cp);
overflow:
    return wf_err_format(vm, &wf_exc_OverflowError, "Python int too large to convert to C int");
}

BUILTIN(ord) {
    if (wf_args_check(vm, "ord", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    WfValue v = args[0];
    if (wf_is_str(v)) {
        WfStr *s = WF_STR(v);
        if (s->ncp != 1)
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "ord() expected a character, but string of length %lld found",
                                 (long long)s->ncp);
        int n;
        return WF_INT(wf_utf8_decode((const unsigned char *)s->data, &n));
    }
    return wf_err_format(vm, &wf_exc_TypeError, "ord() expected string of length 1, but %s found",
                         wf_type_name(v));
}

/* bin/oct/hex: the int itself or its __index__. */
static WfValue int_to_base(WfVM *vm, WfValue v, int base) {
    if (!wf_is_int(v)) {
        WfType *t = wf_type_of(v);
        if (!t->index)
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "'%s' object cannot be interpreted as an integer", t->name);
        WfValue i = t->index(vm, v);
        if (WF_IS_NULL(i)) return i;
        WfValue r = wf_is_int(i) ? wf_int_to_base(vm, i, base, true)
                                 : wf_err_format(vm, &wf_exc_TypeError,
                                                 "__index__ returned non-int (type %s)",
                                                 wf_type_name(i));
        wf_decref(vm, i);
        return r;
    }
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) {
        static const char digits[] = "0123456789abcdef";
        char buf[72];
        char *p = buf + sizeof buf;
        int64_t n = v.u.i;
        uint64_t u = n < 0 ? -(uint64_t)n : (uint64_t)n;
        int shift = base == 2 ? 1 : base == 8 ? 3 : 4;
        do {
            *--p = digits[u & (uint64_t)(base - 1)];
            u >>= shift;
        } while (u);
        *--p = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        *--p = '0';
        if (n < 0) *--p = '-';
        return wf_str_from_ascii(vm, p, (size_t)(buf + sizeof buf - p));
    }
    return wf_int_to_base(vm, v, base, true);
}

BUILTIN(bin) {
    if (wf_args_check(vm, "bin", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return int_to_base(vm, args[0], 2);
}
BUILTIN(oct) {
    if (wf_args_check(vm, "oct", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return int_to_base(vm, args[0], 8);
}
BUILTIN(hex) {
    if (wf_args_check(vm, "hex", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return int_to_base(vm, args[0], 16);
}

BUILTIN(format) {
    if (wf_args_check(vm, "format", nargs, kwnames, 1, 2) < 0) return WF_NULL;
    WfValue spec = nargs > 1 ? args[1] : vm->empty_str;
    if (!wf_is_str(spec))
        return wf_err_format(vm, &wf_exc_TypeError, "format() argument 2 must be str, not %s",
                             wf_type_name(spec));
    return wf_format(vm, args[0], spec);
}

/* ---- attributes ------------------------------------------------------------------ */

BUILTIN(getattr) {
    if (wf_args_check(vm, "getattr", nargs, kwnames, 2, 3) < 0) return WF_NULL;
    WfObject *name = attr_name(vm, args[1]);
    if (!name) return WF_NULL;
    if (nargs == 2) return wf_getattr(vm, args[0], name);
    WfValue r = wf_getattr_opt(vm, args[0], name);
    if (WF_IS_NULL(r) && !wf_err_occurred(vm)) return wf_ref(args[2]);
    return r;
}

BUILTIN(hasattr) {
    if (wf_args_check(vm, "hasattr", nargs, kwnames, 2, 2) < 0) return WF_NULL;
    WfObject *name = attr_name(vm, args[1]);
    if (!name) return WF_NULL;
    WfValue r = wf_getattr_opt(vm, args[0], name);
    if (WF_IS_NULL(r)) return wf_err_occurred(vm) ? WF_NULL : WF_FALSE;
    wf_decref(vm, r);
    return WF_TRUE;
}

BUILTIN(setattr) {
    if (wf_args_check(vm, "setattr", nargs, kwnames, 3, 3) < 0) return WF_NULL;
    WfObject *name = attr_name(vm, args[1]);
    if (!name) return WF_NULL;
    return wf_setattr(vm, args[0], name, args[2]) < 0 ? WF_NULL : WF_NONE;
}

BUILTIN(delattr) {
    if (wf_args_check(vm, "delattr", nargs, kwnames, 2, 2) < 0) return WF_NULL;
    WfObject *name = attr_name(vm, args[1]);
    if (!name) return WF_NULL;
    return wf_setattr(vm, args[0], name, WF_NULL) < 0 ? WF_NULL : WF_NONE;
}

/* dir(): the attribute names an object has, sorted: its own namespace
 * (a module's dict, an instance's attributes) plus what its class and the
 * class's bases provide; without an argument, the running frame's names. */
static int dir_add(WfVM *vm, WfValue set, WfValue name) {
    return wf_is_str(name) ? wf_set_add(vm, set, name) : 0;
}
static int dir_add_cstr(WfVM *vm, WfValue set, const char *name) {
    WfValue s = wf_str_from_cstr(vm, name);
    if (WF_IS_NULL(s)) return -1;
    int rc = wf_set_add(vm, set, s);
    wf_decref(vm, s);
    return rc;
}
static int dir_add_dict(WfVM *vm, WfValue set, WfValue d) {
    if (!wf_is_dict(d)) return 0;
    size_t pos = 0;
    WfValue k, v;
    while (wf_dict_next(d, &pos, &k, &v))
        if (dir_add(vm, set, k) < 0) return -1;
    return 0;
}
static int dir_add_type(WfVM *vm, WfValue set, WfType *t) {
    for (WfType *b = t; b; b = b->base) {
        if (b->dict && dir_add_dict(vm, set, WF_OBJ(b->dict)) < 0) return -1;
        if (b->methods)
            for (const WfMethodDef *m = b->methods; m->name; m++)
                if (dir_add_cstr(vm, set, m->name) < 0) return -1;
        if (b->getsets)
            for (const WfGetSetDef *g = b->getsets; g->name; g++)
                if (dir_add_cstr(vm, set, g->name) < 0) return -1;
    }
    if (t->mro) {
        WfTuple *m = (WfTuple *)t->mro;
        for (size_t i = 0; i < m->n; i++) {
            WfType *b = (WfType *)m->items[i].u.o;
            if (b->dict && dir_add_dict(vm, set, WF_OBJ(b->dict)) < 0) return -1;
        }
    }
    return 0;
}

BUILTIN(dir) {
    if (wf_args_check(vm, "dir", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    WfValue set = wf_set_new(vm);
    if (WF_IS_NULL(set)) return set;
    int rc = 0;
    if (nargs == 0) {
        WfValue g = vm->frame ? vm->frame->func->globals : WF_NULL;
        if (vm->frame && !(vm->frame->code->flags & WF_CO_MODULE)) {
            WfCode *co = vm->frame->code;
            for (uint32_t i = 0; i < co->nlocals && rc == 0; i++)
                if (!WF_IS_NULL(vm->frame->slots[i])) rc = dir_add(vm, set, WF_OBJ(co->varnames[i]));
        } else if (!WF_IS_NULL(g)) {
            rc = dir_add_dict(vm, set, g);
        }
    } else {
        WfValue o = args[0];
        WfValue d = wf_getattr_opt(vm, o, wf_str_intern_cstr(vm, "__dict__"));
        if (!WF_IS_NULL(d)) {
            rc = dir_add_dict(vm, set, d);
            wf_decref(vm, d);
        } else if (wf_err_occurred(vm)) {
            rc = -1;
        }
        if (rc == 0 && !(WF_IS_OBJ(o) && o.u.o->type == &wf_type_module))
            rc = dir_add_type(vm, set, wf_is_type(o) ? (WfType *)o.u.o : wf_type_of(o));
    }
    if (rc < 0) {
        wf_decref(vm, set);
        return WF_NULL;
    }
    WfValue l = wf_list_from_iterable(vm, set);
    wf_decref(vm, set);
    if (WF_IS_NULL(l)) return l;
    if (wf_list_sort(vm, l, WF_NULL, false) < 0) {
        wf_decref(vm, l);
        return WF_NULL;
    }
    return l;
}

BUILTIN(globals) {
    if (wf_args_check(vm, "globals", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    WfFrame *f = vm->frame;
    if (!f || !f->func) return wf_err_format(vm, &wf_exc_SystemError, "globals(): no current frame");
    return wf_ref(f->func->globals);
}

/* The calling frame's namespace: a module's globals, a class body's dict,
 * or for a function its locals dict, which, as in CPython 3.11, is one dict
 * per frame brought up to date by each call (keys a caller added stay;
 * writing to it changes no variable). It lives in the frame's locals slot,
 * which function code never reads. */
static WfValue frame_locals(WfVM *vm) {
    WfFrame *f = vm->frame;
    if (!f || !f->func) return wf_err_format(vm, &wf_exc_SystemError, "locals(): no current frame");
    WfCode *co = f->code;
    if (co->flags & WF_CO_MODULE) return wf_ref(f->func->globals);
    if ((co->flags & WF_CO_CLASS) && !WF_IS_NULL(f->locals)) return wf_ref(f->locals);
    if (WF_IS_NULL(f->locals)) {
        f->locals = wf_dict_new(vm);
        if (WF_IS_NULL(f->locals)) return WF_NULL;
    }
    WfValue d = f->locals;
    uint32_t n = co->nslots;
    for (uint32_t i = 0; i < n; i++) {
        WfValue v = f->slots[i];
        if (i >= co->nlocals && !WF_IS_NULL(v)) v = ((WfCell *)v.u.o)->value;
        int rc;
        if (!WF_IS_NULL(v)) {
            rc = wf_dict_set(vm, d, WF_OBJ(co->varnames[i]), v);
        } else if (!WF_IS_NULL(wf_dict_get_str(d, co->varnames[i]))) {
            rc = wf_dict_del(vm, d, WF_OBJ(co->varnames[i]));
        } else {
            rc = 0;
        }
        if (rc < 0) return WF_NULL;
    }
    return wf_ref(d);
}

BUILTIN(locals) {
    if (wf_args_check(vm, "locals", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return frame_locals(vm);
}

BUILTIN(vars) {
    if (wf_args_check(vm, "vars", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    if (nargs == 0) return frame_locals(vm);
    WfObject *key = wf_str_intern_cstr(vm, "__dict__");
    if (!key) return WF_NULL;
    WfValue d = wf_getattr_opt(vm, args[0], key);
    if (WF_IS_NULL(d) && !wf_err_occurred(vm))
        return wf_err_format(vm, &wf_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

/* ---- isinstance / issubclass ----------------------------------------------------- */

static int isinstance_of(WfVM *vm, WfValue obj, WfValue cls) {
    if (wf_is_type(cls)) return wf_isinstance(obj, (WfType *)cls.u.o);
    if (wf_is_tuple(cls)) {
        WfTuple *t = WF_TUPLE(cls);
        for (size_t i = 0; i < t->n; i++) {
            int r = isinstance_of(vm, obj, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    wf_err_format(vm, &wf_exc_TypeError,
                  "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

BUILTIN(isinstance) {
    if (wf_args_check(vm, "isinstance", nargs, kwnames, 2, 2) < 0) return WF_NULL;
    if (WF_IS_OBJ(args[1]) && wf_type_of(args[0]) == (WfType *)args[1].u.o) return WF_TRUE;
    int r = isinstance_of(vm, args[0], args[1]);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}

static int issubclass_of(WfVM *vm, WfValue cls, WfValue info) {
    if (wf_is_type(info)) {
        if (!wf_is_type(cls)) {
            wf_err_format(vm, &wf_exc_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return wf_type_is_subtype((WfType *)cls.u.o, (WfType *)info.u.o);
    }
    if (wf_is_tuple(info)) {
        WfTuple *t = WF_TUPLE(info);
        for (size_t i = 0; i < t->n; i++) {
            int r = issubclass_of(vm, cls, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (!wf_is_type(cls)) {
        wf_err_format(vm, &wf_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    wf_err_format(vm, &wf_exc_TypeError,
                  "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

BUILTIN(issubclass) {
    if (wf_args_check(vm, "issubclass", nargs, kwnames, 2, 2) < 0) return WF_NULL;
    int r = issubclass_of(vm, args[0], args[1]);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}

/* ---- iteration --------------------------------------------------------------------- */

BUILTIN(iter) {
    if (wf_args_check(vm, "iter", nargs, kwnames, 1, 2) < 0) return WF_NULL;
    if (nargs == 1) return wf_iter(vm, args[0]);
    if (!is_callable(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "iter(v, w): v must be callable");
    return wf_callable_iter_new(vm, args[0], args[1]);
}

BUILTIN(next) {
    if (wf_args_check(vm, "next", nargs, kwnames, 1, 2) < 0) return WF_NULL;
    WfType *t = wf_type_of(args[0]);
    if (!t->iternext)
        return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not an iterator", t->name);
    /* A generator's return value rides on the StopIteration next() raises. */
    WfValue r = t == &wf_type_generator ? wf_gen_m_next(vm, args[0], NULL, 0, NULL) : t->iternext(vm, args[0]);
    if (!WF_IS_NULL(r)) return r;
    if (wf_err_occurred(vm)) {
        if (nargs < 2 || !wf_err_matches(vm, &wf_exc_StopIteration)) return r;
        wf_err_clear(vm);
    }
    if (nargs == 2) return wf_ref(args[1]);
    return wf_err_raise(vm, WF_OBJ(&wf_exc_StopIteration));
}

/* any()/all(): stop at the first item whose truth is `stop_on`. */
static WfValue any_all(WfVM *vm, WfValue iterable, int stop_on) {
    if (WF_IS_OBJ(iterable) && (iterable.u.o->type == &wf_type_list ||
                                iterable.u.o->type == &wf_type_tuple)) {
        bool is_list = iterable.u.o->type == &wf_type_list;
        /* Index each time: a __bool__ may shrink the list. */
        for (size_t i = 0;; i++) {
            size_t n = is_list ? WF_LIST(iterable)->n : WF_TUPLE(iterable)->n;
            if (i >= n) break;
            WfValue x = is_list ? WF_LIST(iterable)->items[i] : WF_TUPLE(iterable)->items[i];
            wf_incref(x);
            int t = wf_truthy(vm, x);
            wf_decref(vm, x);
            if (t < 0) return WF_NULL;
            if (t == stop_on) return WF_BOOL(stop_on);
        }
        return WF_BOOL(!stop_on);
    }
    WfValue it = wf_iter(vm, iterable);
    if (WF_IS_NULL(it)) return it;
    WfType *tt = wf_type_of(it);
    for (;;) {
        WfValue x = tt->iternext ? tt->iternext(vm, it) : wf_iternext(vm, it);
        if (WF_IS_NULL(x)) {
            wf_decref(vm, it);
            if (wf_err_occurred(vm)) {
                if (!wf_err_matches(vm, &wf_exc_StopIteration)) return WF_NULL;
                wf_err_clear(vm);
            }
            return WF_BOOL(!stop_on);
        }
        int t = wf_truthy(vm, x);
        wf_decref(vm, x);
        if (t < 0 || t == stop_on) {
            wf_decref(vm, it);
            return t < 0 ? WF_NULL : WF_BOOL(stop_on);
        }
    }
}

BUILTIN(any) {
    if (wf_args_check(vm, "any", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return any_all(vm, args[0], 1);
}

BUILTIN(all) {
    if (wf_args_check(vm, "all", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return any_all(vm, args[0], 0);
}

/* ---- min / max ------------------------------------------------------------------------ */

/* Is a strictly better than b (op WF_CMP_LT for min, WF_CMP_GT for max)? */
static int better(WfVM *vm, WfValue a, WfValue b, int op) {
    if (a.tag == WF_TAG_INT && b.tag == WF_TAG_INT)
        return op == WF_CMP_LT ? a.u.i < b.u.i : a.u.i > b.u.i;
    if (a.tag == WF_TAG_FLOAT && b.tag == WF_TAG_FLOAT)
        return op == WF_CMP_LT ? a.u.f < b.u.f : a.u.f > b.u.f;
    return wf_richcmp_bool(vm, a, b, op);
}

static WfValue min_max(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kwnames, int op,
                       const char *fname) {
    static const char *const names[] = {"key", "default", NULL};
    WfValue kw[2];
    if (kw_only(vm, fname, args, nargs, kwnames, names, kw) < 0) return WF_NULL;
    WfValue key = kw[0], dflt = kw[1];
    if (WF_IS_NONE(key)) key = WF_NULL;
    if (nargs == 0)
        return wf_err_format(vm, &wf_exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (nargs > 1 && !WF_IS_NULL(dflt))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments",
                             fname);
    WfValue it = WF_NULL;
    WfType *itt = NULL;
    if (nargs == 1) {
        it = wf_iter(vm, args[0]);
        if (WF_IS_NULL(it)) return it;
        itt = wf_type_of(it);
    }
    WfValue best = WF_NULL, bestkey = WF_NULL;
    for (size_t i = 0;; i++) {
        WfValue item;
        if (nargs == 1) {
            item = itt->iternext ? itt->iternext(vm, it) : wf_iternext(vm, it);
            if (WF_IS_NULL(item)) {
                if (wf_err_occurred(vm)) goto fail;
                break;
            }
        } else {
            if (i >= nargs) break;
            item = wf_ref(args[i]);
        }
        WfValue k = item;
        if (!WF_IS_NULL(key)) {
            k = wf_call(vm, key, &item, 1, NULL);
            if (WF_IS_NULL(k)) {
                wf_decref(vm, item);
                goto fail;
            }
        } else {
            wf_incref(k);
        }
        if (WF_IS_NULL(best)) {
            best = item;
            bestkey = k;
            continue;
        }
        int b = better(vm, k, bestkey, op);
        if (b < 0) {
            wf_decref(vm, item);
            wf_decref(vm, k);
            goto fail;
        }
        if (b) {
            wf_decref(vm, best);
            wf_decref(vm, bestkey);
            best = item;
            bestkey = k;
        } else {
            wf_decref(vm, item);
            wf_decref(vm, k);
        }
    }
    wf_decref(vm, it);
    wf_decref(vm, bestkey);
    if (!WF_IS_NULL(best)) return best;
    if (!WF_IS_NULL(dflt)) return wf_ref(dflt);
    return wf_err_format(vm, &wf_exc_ValueError, "%s() arg is an empty sequence", fname);
fail:
    wf_decref(vm, it);
    wf_decref(vm, best);
    wf_decref(vm, bestkey);
    return WF_NULL;
}

BUILTIN(min) { return min_max(vm, args, nargs, kwnames, WF_CMP_LT, "min"); }
BUILTIN(max) { return min_max(vm, args, nargs, kwnames, WF_CMP_GT, "max"); }

/* ---- sum --------------------------------------------------------------------------- */

BUILTIN(sum) {
    WfValue iterable = nargs > 0 ? args[0] : WF_NULL, start = nargs > 1 ? args[1] : WF_NULL;
    for (size_t k = 0; k < kwcount(kwnames); k++) {
        const char *key = kwname(kwnames, k);
        if (strcmp(key, "start") == 0 && nargs < 2) {
            start = args[nargs + k];
        } else if (strcmp(key, "start") == 0) {
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "argument for sum() given by name ('start') and position (2)");
        } else {
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "'%s' is an invalid keyword argument for sum()", key);
        }
    }
    if (nargs > 2)
        return wf_err_format(vm, &wf_exc_TypeError, "sum() takes at most 2 arguments (%zu given)",
                             nargs + kwcount(kwnames));
    if (WF_IS_NULL(iterable))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "sum() takes at least 1 positional argument (0 given)");
    if (WF_IS_NULL(start)) {
        start = WF_INT(0);
    } else if (wf_is_str(start)) {
        return wf_err_format(vm, &wf_exc_TypeError,
                             "sum() can't sum strings [use ''.join(seq) instead]");
    } else if (WF_IS_OBJ(start) && (strcmp(wf_type_name(start), "bytes") == 0 ||
                                    strcmp(wf_type_name(start), "bytearray") == 0)) {
        return wf_err_format(vm, &wf_exc_TypeError,
                             "sum() can't sum %s [use b''.join(seq) instead]", wf_type_name(start));
    }
    WfValue it = wf_iter(vm, iterable);
    if (WF_IS_NULL(it)) return it;
    WfType *itt = wf_type_of(it);
    WfValue result = wf_ref(start);
    /* The int and float fast paths give exactly what the generic `+`
     * gives (CPython 3.11 adds floats naively, without compensation). */
    for (;;) {
        WfValue item = itt->iternext ? itt->iternext(vm, it) : wf_iternext(vm, it);
        if (WF_IS_NULL(item)) {
            if (wf_err_occurred(vm)) {
                wf_decref(vm, result);
                result = WF_NULL;
            }
            break;
        }
        if (result.tag == WF_TAG_INT && (item.tag == WF_TAG_INT || item.tag == WF_TAG_BOOL)) {
            int64_t r;
            if (!__builtin_add_overflow(result.u.i, item.u.i, &r)) {
                result.u.i = r;
                continue;
            }
        } else if (result.tag == WF_TAG_FLOAT) {
            if (item.tag == WF_TAG_FLOAT) {
                result.u.f += item.u.f;
                continue;
            }
            if (item.tag == WF_TAG_INT || item.tag == WF_TAG_BOOL) {
                result.u.f += (double)item.u.i;
                continue;
            }
        }
        WfValue r = wf_binop(vm, WF_BIN_ADD, result, item);
        wf_decref(vm, result);
        wf_decref(vm, item);
        result = r;
        if (WF_IS_NULL(r)) break;
    }
    wf_decref(vm, it);
    return result;
}

/* ---- sorted ------------------------------------------------------------------------- */

BUILTIN(sorted) {
    if (nargs != 1)
        return wf_err_format(vm, &wf_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    static const char *const names[] = {"key", "reverse", NULL};
    WfValue kw[2];
    if (kw_only(vm, "sort", args, nargs, kwnames, names, kw) < 0) return WF_NULL;
    int64_t reverse = 0;
    if (!WF_IS_NULL(kw[1]) && wf_index(vm, kw[1], NULL, &reverse) < 0) return WF_NULL;
    WfValue l = wf_list_from_iterable(vm, args[0]);
    if (WF_IS_NULL(l)) return l;
    if (wf_list_sort(vm, l, kw[0], reverse != 0) < 0) {
        wf_decref(vm, l);
        return WF_NULL;
    }
    return l;
}

/* ---- arithmetic --------------------------------------------------------------------- */

static bool is_number(WfValue v) {
    return v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL || wf_is_float(v) || wf_is_bigint(v);
}

/* a.__divmod__(b), then b.__rdivmod__(a), for other types. */
static WfValue divmod_dunder(WfVM *vm, WfValue a, WfValue b) {
    static const char *const dunders[2] = {"__divmod__", "__rdivmod__"};
    for (int side = 0; side < 2; side++) {
        WfValue self = side ? b : a, other = side ? a : b;
        WfType *t = wf_type_of(self);
        const WfMethodDef *def;
        const WfGetSetDef *gs;
        if (!(t->flags & WF_TPFLAG_HEAPTYPE) && !(wf_type_find(t, dunders[side], &def, &gs) && def))
            continue;
        WfObject *name = wf_str_intern_cstr(vm, dunders[side]);
        if (!name) return WF_NULL;
        WfValue m = wf_getattr_opt(vm, self, name);
        if (WF_IS_NULL(m)) {
            if (wf_err_occurred(vm)) return m;
            continue;
        }
        WfValue r = wf_call(vm, m, &other, 1, NULL);
        wf_decref(vm, m);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    return wf_err_format(vm, &wf_exc_TypeError,
                         "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         wf_type_name(a), wf_type_name(b));
}

BUILTIN(divmod) {
    if (wf_args_check(vm, "divmod", nargs, kwnames, 2, 2) < 0) return WF_NULL;
    WfValue a = args[0], b = args[1];
    if ((a.tag == WF_TAG_INT || a.tag == WF_TAG_BOOL) && (b.tag == WF_TAG_INT || b.tag == WF_TAG_BOOL)) {
        int64_t x = a.u.i, y = b.u.i;
        if (y == 0)
            return wf_err_format(vm, &wf_exc_ZeroDivisionError, "integer division or modulo by zero");
        if (!(x == INT64_MIN && y == -1)) {
            int64_t q = x / y, r = x % y;
            if (r != 0 && ((r ^ y) < 0)) {
                r += y;
                q -= 1;
            }
            return wf_tuple_pack(vm, 2, WF_INT(q), WF_INT(r));
        }
    }
    if (wf_is_int(a) && wf_is_int(b)) return wf_int_divmod(vm, a, b);
    if (is_number(a) && is_number(b)) return wf_number_divmod(vm, a, b);
    return divmod_dunder(vm, a, b);
}

BUILTIN(pow) {
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    WfValue a[3];
    if (bind_required_first(vm, "pow", args, nargs, kwnames, kwlist, 2, a) < 0) return WF_NULL;
    if (WF_IS_NULL(a[2]) || WF_IS_NONE(a[2])) return wf_binop(vm, WF_BIN_POW, a[0], a[1]);
    if (wf_is_int(a[0]) && wf_is_int(a[1]) && wf_is_int(a[2]))
        return wf_int_pow3(vm, a[0], a[1], a[2]);
    if (is_number(a[0]) && is_number(a[1]) && is_number(a[2]))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    return wf_err_format(vm, &wf_exc_TypeError,
                         "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                         wf_type_name(a[0]), wf_type_name(a[1]), wf_type_name(a[2]));
}

BUILTIN(round) {
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    WfValue a[2];
    if (bind_required_first(vm, "round", args, nargs, kwnames, kwlist, 1, a) < 0) return WF_NULL;
    WfValue x = a[0], nd = a[1];
    bool no_digits = WF_IS_NULL(nd) || WF_IS_NONE(nd);
    if (x.tag == WF_TAG_FLOAT && no_digits) {
        double d = x.u.f;
        /* Half to even: rint in the default rounding mode. */
        double r = rint(d);
        if (r >= -9.2233720368547758e18 && r < 9.2233720368547758e18) return WF_INT((int64_t)r);
        return wf_int_from_double(vm, r);
    }
    if (x.tag == WF_TAG_FLOAT) return wf_float_round(vm, x, nd);
    if (wf_is_int(x) && !(wf_type_of(x)->flags & WF_TPFLAG_HEAPTYPE))
        return wf_int_round(vm, x, nd);
    /* Everything else through __round__. */
    WfType *t = wf_type_of(x);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue m = WF_NULL;
    if ((t->flags & WF_TPFLAG_HEAPTYPE) || (wf_type_find(t, "__round__", &def, &gs) && def)) {
        WfObject *name = wf_str_intern_cstr(vm, "__round__");
        if (!name) return WF_NULL;
        m = wf_getattr_opt(vm, x, name);
        if (WF_IS_NULL(m) && wf_err_occurred(vm)) return m;
    }
    if (WF_IS_NULL(m))
        return wf_err_format(vm, &wf_exc_TypeError, "type %s doesn't define __round__ method",
                             t->name);
    WfValue r = no_digits ? wf_call0(vm, m) : wf_call(vm, m, &nd, 1, NULL);
    wf_decref(vm, m);
    return r;
}

/* ---- exit / quit ------------------------------------------------------------------------ */

static WfValue do_exit(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kwnames,
                       const char *fname) {
    if (wf_args_check(vm, fname, nargs, kwnames, 0, 1) < 0) return WF_NULL;
    WfValue e = nargs && !WF_IS_NONE(args[0]) ? wf_call1(vm, WF_OBJ(&wf_exc_SystemExit), args[0])
                                              : wf_call0(vm, WF_OBJ(&wf_exc_SystemExit));
    if (WF_IS_NULL(e)) return e;
    wf_err_raise(vm, e);
    wf_decref(vm, e);
    return WF_NULL;
}
BUILTIN(exit) { return do_exit(vm, args, nargs, kwnames, "exit"); }
BUILTIN(quit) { return do_exit(vm, args, nargs, kwnames, "quit"); }

/* ---- the namespace ---------------------------------------------------------------------- */

/* CPython's builtins order (list(builtins.__dict__)). */
static const WfMethodDef builtin_functions[] = {
    {"abs", bi_abs, "Return the absolute value of the argument.", 0},
    {"all", bi_all, "Return True if bool(x) is True for all values x in the iterable.\n\n"
                    "If the iterable is empty, return True.", 0},
    {"any", bi_any, "Return True if bool(x) is True for any x in the iterable.\n\n"
                    "If the iterable is empty, return False.", 0},
    {"ascii", bi_ascii, "Return an ASCII-only representation of an object.", 0},
    {"bin", bi_bin, "Return the binary representation of an integer.\n\n"
                    "   >>> bin(2796202)\n   '0b1010101010101010101010'", 0},
    {"callable", bi_callable, "Return whether the object is callable (i.e., some kind of function).\n\n"
                              "Note that classes are callable, as are instances of classes with a\n"
                              "__call__() method.", 0},
    {"chr", bi_chr, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.", 0},
    {"delattr", bi_delattr, "Deletes the named attribute from the given object.\n\n"
                            "delattr(x, 'y') is equivalent to ``del x.y``", 0},
    {"divmod", bi_divmod, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x.", 0},
    {"format", bi_format, "Return value.__format__(format_spec)", 0},
    {"getattr", bi_getattr, "getattr(object, name[, default]) -> value", 0},
    {"hasattr", bi_hasattr, "Return whether the object has an attribute with the given name.", 0},
    {"hash", bi_hash, "Return the hash value for the given object.", 0},
    {"hex", bi_hex, "Return the hexadecimal representation of an integer.\n\n"
                    "   >>> hex(12648430)\n   '0xc0ffee'", 0},
    {"id", bi_id, "Return the identity of an object.", 0},
    {"input", bi_input, "Read a string from standard input.  The trailing newline is stripped.", 0},
    {"isinstance", bi_isinstance, "Return whether an object is an instance of a class or of a subclass thereof.", 0},
    {"issubclass", bi_issubclass, "Return whether 'cls' is derived from another class or is the same class.", 0},
    {"iter", bi_iter, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator", 0},
    {"len", bi_len, "Return the number of items in a container.", 0},
    {"max", bi_max, "max(iterable, *[, default=obj, key=func]) -> value\n"
                    "max(arg1, arg2, *args, *[, key=func]) -> value", 0},
    {"min", bi_min, "min(iterable, *[, default=obj, key=func]) -> value\n"
                    "min(arg1, arg2, *args, *[, key=func]) -> value", 0},
    {"next", bi_next, "next(iterator[, default])\n\nReturn the next item from the iterator.", 0},
    {"oct", bi_oct, "Return the octal representation of an integer.\n\n"
                    "   >>> oct(342391)\n   '0o1234567'", 0},
    {"ord", bi_ord, "Return the Unicode code point for a one-character string.", 0},
    {"pow", bi_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments", 0},
    {"print", bi_print, "Prints the values to a stream, or to sys.stdout by default.", 0},
    {"repr", bi_repr, "Return the canonical string representation of the object.", 0},
    {"round", bi_round, "Round a number to a given precision in decimal digits.", 0},
    {"setattr", bi_setattr, "Sets the named attribute on the given object to the specified value.", 0},
    {"sorted", bi_sorted, "Return a new list containing all items from the iterable in ascending order.", 0},
    {"sum", bi_sum, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers", 0},
    {"vars", bi_vars, "vars([object]) -> dictionary", 0},
    {"globals", bi_globals, "Return the dictionary containing the current scope's global variables.", 0},
    {"locals", bi_locals, "Return a dictionary containing the current scope's local variables.", 0},
    {"dir", bi_dir, "dir([object]) -> list of strings", 0},
    {NULL, NULL, NULL, 0}};

static const WfMethodDef builtin_tail_functions[] = {
    {"quit", bi_quit, "Exit the interpreter by raising SystemExit.", 0},
    {"exit", bi_exit, "Exit the interpreter by raising SystemExit.", 0},
    {NULL, NULL, NULL, 0}};

static int add_value(WfVM *vm, WfValue d, const char *name, WfValue v) {
    return wf_dict_set_cstr(vm, d, name, v);
}

static int add_functions(WfVM *vm, WfValue d, const WfMethodDef *defs) {
    for (const WfMethodDef *m = defs; m->name; m++) {
        WfValue f = wf_native_new(vm, m, WF_NULL);
        if (WF_IS_NULL(f)) return -1;
        int rc = add_value(vm, d, m->name, f);
        wf_decref(vm, f);
        if (rc < 0) return -1;
    }
    return 0;
}

int wf_builtins_init(WfVM *vm, WfValue d) {
    WfValue name = wf_str_from_cstr(vm, "builtins");
    if (WF_IS_NULL(name)) return -1;
    int rc = add_value(vm, d, "__name__", name);
    wf_decref(vm, name);
    if (rc < 0) return -1;
    if (add_functions(vm, d, builtin_functions) < 0) return -1;
    static const struct { const char *name; WfObject *obj; } objs[] = {
        {"Ellipsis", &wf_ellipsis_obj},
        {"NotImplemented", &wf_notimpl_obj},
    };
    if (add_value(vm, d, "None", WF_NONE) < 0) return -1;
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        if (add_value(vm, d, objs[i].name, WF_OBJ(objs[i].obj)) < 0) return -1;
    if (add_value(vm, d, "False", WF_FALSE) < 0 || add_value(vm, d, "True", WF_TRUE) < 0)
        return -1;
    WfType *const types[] = {
        &wf_type_bool, &wf_type_dict, &wf_type_enumerate, &wf_type_filter, &wf_type_float,
        &wf_type_int, &wf_type_list, &wf_type_map, &wf_type_object, &wf_type_range,
        &wf_type_reversed, &wf_type_slice, &wf_type_str, &wf_type_tuple, &wf_type_type,
        &wf_type_zip,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (add_value(vm, d, types[i]->name, WF_OBJ(types[i])) < 0) return -1;
    if (add_value(vm, d, "__debug__", WF_TRUE) < 0) return -1;
    WfType *const excs[] = {
        &wf_exc_BaseException, &wf_exc_Exception, &wf_exc_GeneratorExit,
        &wf_exc_KeyboardInterrupt, &wf_exc_SystemExit, &wf_exc_ArithmeticError,
        &wf_exc_AssertionError, &wf_exc_AttributeError, &wf_exc_EOFError, &wf_exc_ImportError,
        &wf_exc_LookupError, &wf_exc_MemoryError, &wf_exc_NameError, &wf_exc_OSError,
        &wf_exc_RuntimeError, &wf_exc_StopIteration, &wf_exc_SyntaxError, &wf_exc_SystemError,
        &wf_exc_TypeError, &wf_exc_ValueError, &wf_exc_FloatingPointError,
        &wf_exc_OverflowError, &wf_exc_ZeroDivisionError, &wf_exc_IndentationError,
        &wf_exc_IndexError, &wf_exc_KeyError, &wf_exc_ModuleNotFoundError,
        &wf_exc_NotImplementedError, &wf_exc_RecursionError, &wf_exc_UnboundLocalError,
        &wf_exc_UnicodeError, &wf_exc_TabError,
    };
    for (size_t i = 0; i < sizeof excs / sizeof excs[0]; i++)
        if (add_value(vm, d, excs[i]->name, WF_OBJ(excs[i])) < 0) return -1;
    /* Any class exc_types.h gains later, at the end. */
#define WF_EXC(n_, base_) \
    if (add_value(vm, d, #n_, WF_OBJ(&wf_exc_##n_)) < 0) return -1;
#include "exc_types.h"
#undef WF_EXC
    if (add_value(vm, d, "EnvironmentError", WF_OBJ(&wf_exc_OSError)) < 0 ||
        add_value(vm, d, "IOError", WF_OBJ(&wf_exc_OSError)) < 0)
        return -1;
    return add_functions(vm, d, builtin_tail_functions);
}

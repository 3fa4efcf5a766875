/* sysmodule.c: the sys module, its three text files (sys.stdin, stdout,
 * stderr: a small _io.TextIOWrapper over a C FILE*), and the write paths
 * print and the traceback printer use. Invariant: text goes to the C FILE*
 * directly whenever the sys attribute is still one of our files (stdout
 * stays fully buffered off a tty, as CPython's); a user object put in its
 * place gets its write method called instead. Created at VM start
 * (wf_sys_module_new); print/input (builtins.c) use the helpers here. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "builtins.h"
#include "exc.h"
#include "type.h"

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.1.0"
#endif

typedef struct WfSysFile {
    WfObject ob;
    FILE *fp;
    const char *name;            /* "<stdout>" */
    const char *mode;            /* "w" / "r" */
} WfSysFile;

#define SYSFILE(v) ((WfSysFile *)(v).u.o)

FILE *wf_sysfile_fp(WfValue f) {
    if (f.tag != WF_TAG_OBJ || f.u.o->type != &wf_type_sysfile) return NULL;
    return SYSFILE(f)->fp;
}

/* ---- lookups ------------------------------------------------------------------ */

WfValue wf_sys_get(WfVM *vm, const char *name) {
    if (!wf_is_dict(vm->modules)) return WF_NULL;
    WfObject *key = wf_str_intern_cstr(vm, "sys");
    if (!key) return WF_NULL;
    WfValue sys = wf_dict_get_str(vm->modules, key);
    if (WF_IS_NULL(sys) || sys.u.o->type != &wf_type_module) return WF_NULL;
    WfObject *k = wf_str_intern_cstr(vm, name);
    if (!k) return WF_NULL;
    return wf_dict_get_str(wf_module_dict(sys), k);
}

/* ---- writing -------------------------------------------------------------------- */

int wf_sysfile_write_raw(WfVM *vm, FILE *fp, const char *s, size_t n) {
    if (n && fwrite(s, 1, n, fp) != n) {
        int err = errno;
        clearerr(fp);
        wf_err_from_errno(vm, &wf_exc_OSError, err ? err : EIO, NULL);
        return -1;
    }
    return 0;
}

/* Writes to the sys file named by attr, or to its replacement object, or
 * to the C stream when sys is gone (teardown). */
static int write_to(WfVM *vm, const char *attr, FILE *fallback, const char *s, size_t n) {
    WfValue f = wf_sys_get(vm, attr);
    if (WF_IS_NULL(f)) return wf_sysfile_write_raw(vm, fallback, s, n);
    if (WF_IS_NONE(f)) return 0;
    FILE *fp = wf_sysfile_fp(f);
    if (fp) return wf_sysfile_write_raw(vm, fp, s, n);
    WfValue str = wf_str_new(vm, s, n);
    if (WF_IS_NULL(str)) return -1;
    wf_incref(f);
    WfValue r = wf_call_method(vm, f, "write", &str, 1);
    wf_decref(vm, f);
    wf_decref(vm, str);
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}

int wf_write_stdout(WfVM *vm, const char *s, size_t n) {
    return write_to(vm, "stdout", stdout, s, n);
}

int wf_write_stderr(WfVM *vm, const char *s, size_t n) {
    return write_to(vm, "stderr", stderr, s, n);
}

/* ---- reading -------------------------------------------------------------------- */

/* One line including its '\n' (none at EOF); "" at EOF. Invalid UTF-8
 * passes through byte for byte, as CPython's surrogateescape round-trips
 * it. */
WfValue wf_sysfile_readline(WfVM *vm, FILE *fp, int64_t limit) {
    WfBuf b;
    wf_buf_init(&b);
    flockfile(fp);
    int c = 0;
    while ((limit < 0 || (int64_t)b.len < limit) && (c = getc_unlocked(fp)) != EOF) {
        if (!wf_buf_putc(vm, &b, (char)c)) break;
        if (c == '\n') break;
    }
    bool err = c == EOF && ferror(fp);
    int eno = errno;
    funlockfile(fp);
    if (err) {
        clearerr(fp);
        wf_buf_free(vm, &b);
        return wf_err_from_errno(vm, &wf_exc_OSError, eno ? eno : EIO, NULL);
    }
    if (c == EOF) clearerr(fp); /* a terminal may be read again after ^D */
    return wf_buf_finish(vm, &b);
}

/* ---- the file type ---------------------------------------------------------------- */

static WfValue f_write(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                       WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.write", nargs, kw, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "write() argument must be str, not %s",
                             wf_type_name(args[0]));
    WfStr *s = WF_STR(args[0]);
    if (wf_sysfile_write_raw(vm, SYSFILE(self)->fp, s->data, (size_t)s->len) < 0) return WF_NULL;
    return WF_INT(s->ncp);
}

static WfValue f_writelines(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                            WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.writelines", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue it = wf_iter(vm, args[0]);
    if (WF_IS_NULL(it)) return it;
    WfValue x;
    while (!WF_IS_NULL(x = wf_iternext(vm, it))) {
        if (!wf_is_str(x)) {
            wf_err_format(vm, &wf_exc_TypeError, "write() argument must be str, not %s",
                          wf_type_name(x));
            wf_decref(vm, x);
            break;
        }
        int rc = wf_sysfile_write_raw(vm, SYSFILE(self)->fp, WF_STR(x)->data,
                                      (size_t)WF_STR(x)->len);
        wf_decref(vm, x);
        if (rc < 0) break;
    }
    wf_decref(vm, it);
    return wf_err_occurred(vm) ? WF_NULL : WF_NONE;
}

static WfValue f_flush(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                       WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.flush", nargs, kw, 0, 0) < 0) return WF_NULL;
    if (fflush(SYSFILE(self)->fp) != 0) {
        clearerr(SYSFILE(self)->fp);
        return wf_err_from_errno(vm, &wf_exc_OSError, errno ? errno : EIO, NULL);
    }
    return WF_NONE;
}

static int limit_arg(WfVM *vm, const char *fname, const WfValue *args, size_t nargs,
                     WfObject *kw, int64_t *limit) {
    if (wf_args_check(vm, fname, nargs, kw, 0, 1) < 0) return -1;
    *limit = -1;
    if (nargs && !WF_IS_NONE(args[0]) && wf_index(vm, args[0], NULL, limit) < 0) return -1;
    return 0;
}

static WfValue f_readline(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                          WfObject *kw) {
    int64_t limit;
    if (limit_arg(vm, "readline", args, nargs, kw, &limit) < 0) return WF_NULL;
    return wf_sysfile_readline(vm, SYSFILE(self)->fp, limit);
}

static WfValue f_read(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                      WfObject *kw) {
    int64_t limit;
    if (limit_arg(vm, "read", args, nargs, kw, &limit) < 0) return WF_NULL;
    FILE *fp = SYSFILE(self)->fp;
    WfBuf b;
    wf_buf_init(&b);
    char chunk[4096];
    while (limit < 0 || (int64_t)b.len < limit) {
        size_t want = sizeof chunk;
        if (limit >= 0 && (int64_t)want > limit - (int64_t)b.len) want = (size_t)(limit - (int64_t)b.len);
        size_t got = fread(chunk, 1, want, fp);
        if (got && !wf_buf_append(vm, &b, chunk, got)) break;
        if (got < want) break;
    }
    if (ferror(fp)) {
        clearerr(fp);
        wf_buf_free(vm, &b);
        return wf_err_from_errno(vm, &wf_exc_OSError, errno ? errno : EIO, NULL);
    }
    clearerr(fp);
    return wf_buf_finish(vm, &b);
}

static WfValue f_readlines(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                           WfObject *kw) {
    if (wf_args_check(vm, "readlines", nargs, kw, 0, 1) < 0) return WF_NULL;
    WfValue l = wf_list_new(vm, 8);
    if (WF_IS_NULL(l)) return l;
    for (;;) {
        WfValue line = wf_sysfile_readline(vm, SYSFILE(self)->fp, -1);
        if (WF_IS_NULL(line)) {
            wf_decref(vm, l);
            return line;
        }
        if (WF_STR(line)->len == 0) {
            wf_decref(vm, line);
            return l;
        }
        if (wf_list_append_steal(vm, l, line) < 0) {
            wf_decref(vm, l);
            return WF_NULL;
        }
    }
}

static WfValue f_fileno(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                        WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.fileno", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT(fileno(SYSFILE(self)->fp));
}

static WfValue f_isatty(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                        WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.isatty", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_BOOL(isatty(fileno(SYSFILE(self)->fp)));
}

static WfValue f_true_if_mode(WfVM *vm, WfValue self, char mode) {
    return WF_BOOL(SYSFILE(self)->mode[0] == mode);
}
static WfValue f_readable(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                          WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.readable", nargs, kw, 0, 0) < 0) return WF_NULL;
    return f_true_if_mode(vm, self, 'r');
}
static WfValue f_writable(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                          WfObject *kw) {
    if (wf_args_check(vm, "TextIOWrapper.writable", nargs, kw, 0, 0) < 0) return WF_NULL;
    return f_true_if_mode(vm, self, 'w');
}

static const WfMethodDef sysfile_methods[] = {
    {"write", f_write, "Write string to stream. Returns the number of characters written.", 0},
    {"writelines", f_writelines, "Write a list of lines to stream.", 0},
    {"flush", f_flush, "Flush the write buffers of the stream.", 0},
    {"readline", f_readline, "Read until newline or EOF.", 0},
    {"read", f_read, "Read at most size characters from stream.", 0},
    {"readlines", f_readlines, "Return a list of lines from the stream.", 0},
    {"fileno", f_fileno, "Return the underlying file descriptor.", 0},
    {"isatty", f_isatty, "Return whether this is an 'interactive' stream.", 0},
    {"readable", f_readable, "Return whether object was opened for reading.", 0},
    {"writable", f_writable, "Return whether object was opened for writing.", 0},
    {NULL, NULL, NULL, 0}};

static WfValue g_name(WfVM *vm, WfValue self) { return wf_str_from_cstr(vm, SYSFILE(self)->name); }
static WfValue g_mode(WfVM *vm, WfValue self) { return wf_str_from_cstr(vm, SYSFILE(self)->mode); }
static WfValue g_encoding(WfVM *vm, WfValue self) { return wf_str_from_cstr(vm, "utf-8"); }
static WfValue g_errors(WfVM *vm, WfValue self) {
    return wf_str_from_cstr(vm, SYSFILE(self)->fp == stderr ? "backslashreplace" : "strict");
}
static WfValue g_closed(WfVM *vm, WfValue self) { return WF_FALSE; }
static WfValue g_line_buffering(WfVM *vm, WfValue self) {
    FILE *fp = SYSFILE(self)->fp;
    return WF_BOOL(fp == stderr || isatty(fileno(fp)));
}

static const WfGetSetDef sysfile_getsets[] = {
    {"name", g_name, NULL},
    {"mode", g_mode, NULL},
    {"encoding", g_encoding, NULL},
    {"errors", g_errors, NULL},
    {"closed", g_closed, NULL},
    {"line_buffering", g_line_buffering, NULL},
    {NULL, NULL, NULL}};

static WfValue sysfile_repr(WfVM *vm, WfValue self) {
    return wf_str_printf(vm, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                         SYSFILE(self)->name, SYSFILE(self)->mode);
}

static WfValue sysfile_iter(WfVM *vm, WfValue self) { return wf_ref(self); }

static WfValue sysfile_next(WfVM *vm, WfValue self) {
    WfValue line = wf_sysfile_readline(vm, SYSFILE(self)->fp, -1);
    if (!WF_IS_NULL(line) && WF_STR(line)->len == 0) {
        wf_decref(vm, line);
        return WF_NULL;
    }
    return line;
}

WfType wf_type_sysfile = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "_io.TextIOWrapper",
    .base = &wf_type_object,
    .size = sizeof(WfSysFile),
    .dealloc = wf_dealloc_simple,
    .repr = sysfile_repr,
    .iter = sysfile_iter,
    .iternext = sysfile_next,
    .methods = sysfile_methods,
    .getsets = sysfile_getsets,
    .doc = "Character and line based layer over a C stdio stream.",
};

static WfValue sysfile_new(WfVM *vm, FILE *fp, const char *name, const char *mode) {
    WfSysFile *f = (WfSysFile *)wf_obj_alloc(vm, &wf_type_sysfile, sizeof(WfSysFile));
    if (!f) return WF_NULL;
    f->fp = fp;
    f->name = name;
    f->mode = mode;
    return WF_OBJ(f);
}

/* ---- sys functions -------------------------------------------------------------- */

static WfValue sys_exit(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                        WfObject *kw) {
    if (wf_args_check(vm, "exit", nargs, kw, 0, 1) < 0) return WF_NULL;
    /* CPython's PyErr_SetObject: None means no args, a tuple is *args. */
    WfValue e;
    if (nargs == 0 || WF_IS_NONE(args[0]))
        e = wf_call0(vm, WF_OBJ(&wf_exc_SystemExit));
    else if (wf_is_tuple(args[0]))
        e = wf_exc_new(vm, &wf_exc_SystemExit, args[0]);
    else
        e = wf_call1(vm, WF_OBJ(&wf_exc_SystemExit), args[0]);
    if (WF_IS_NULL(e)) return e;
    wf_err_raise(vm, e);
    wf_decref(vm, e);
    return WF_NULL;
}

static WfValue sys_getrecursionlimit(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                     WfObject *kw) {
    if (wf_args_check(vm, "sys.getrecursionlimit", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT(vm->recursion_limit);
}

static WfValue sys_setrecursionlimit(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                     WfObject *kw) {
    if (wf_args_check(vm, "setrecursionlimit", nargs, kw, 1, 1) < 0) return WF_NULL;
    int64_t n;
    if (wf_index(vm, args[0], NULL, &n) < 0) {
        if (!wf_err_matches(vm, &wf_exc_IndexError)) return WF_NULL;
        wf_err_clear(vm);
        n = INT64_MAX;
    }
    if (n > INT32_MAX || n < INT32_MIN)
        return wf_err_format(vm, &wf_exc_OverflowError, "Python int too large to convert to C int");
    if (n < 1)
        return wf_err_format(vm, &wf_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (vm->depth >= n)
        return wf_err_format(vm, &wf_exc_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: "
                             "the limit is too low",
                             (int)n, vm->depth);
    vm->recursion_limit = (int)n;
    return WF_NONE;
}

static WfValue sys_exc_info(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                            WfObject *kw) {
    if (wf_args_check(vm, "sys.exc_info", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfValue h = vm->handled;
    if (!wf_is_exception(h)) return wf_tuple_pack(vm, 3, WF_NONE, WF_NONE, WF_NONE);
    WfObject *tb = wf_exc_get_traceback(h);
    return wf_tuple_pack(vm, 3, WF_OBJ(wf_type_of(h)), h, tb ? WF_OBJ(tb) : WF_NONE);
}

static WfValue sys_exception(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                             WfObject *kw) {
    if (wf_args_check(vm, "sys.exception", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_is_exception(vm->handled) ? wf_ref(vm->handled) : WF_NONE;
}

static WfValue sys_getdefaultencoding(WfVM *vm, WfValue self, const WfValue *args,
                                      size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "sys.getdefaultencoding", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_str_from_cstr(vm, "utf-8");
}

static WfValue sys_intern(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                          WfObject *kw) {
    if (wf_args_check(vm, "intern", nargs, kw, 1, 1) < 0) return WF_NULL;
    if (!wf_is_exact_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "intern() argument must be str, not %s",
                             wf_type_name(args[0]));
    WfObject *s = wf_str_intern(vm, WF_STR(args[0])->data, (size_t)WF_STR(args[0])->len);
    return s ? wf_ref(WF_OBJ(s)) : WF_NULL;
}

static WfValue sys_getrefcount(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                               WfObject *kw) {
    if (wf_args_check(vm, "getrefcount", nargs, kw, 1, 1) < 0) return WF_NULL;
    /* +1 for the argument reference, as CPython counts it. Inline values
     * and static objects report CPython's immortal-ish large count. */
    if (!WF_IS_OBJ(args[0]) || args[0].u.o->refcnt >= WF_IMMORTAL / 2) return WF_INT(4294967295LL);
    return WF_INT(args[0].u.o->refcnt + 1);
}

static const WfMethodDef sys_functions[] = {
    {"exit", sys_exit, "Exit the interpreter by raising SystemExit(status).", 0},
    {"getrecursionlimit", sys_getrecursionlimit, "Return the current value of the recursion limit.", 0},
    {"setrecursionlimit", sys_setrecursionlimit, "Set the maximum depth of the interpreter stack.", 0},
    {"exc_info", sys_exc_info, "Return current exception information: (type, value, traceback).", 0},
    {"exception", sys_exception, "Return the current exception.", 0},
    {"getdefaultencoding", sys_getdefaultencoding, "Return the current default encoding.", 0},
    {"intern", sys_intern, "``Intern'' the given string.", 0},
    {"getrefcount", sys_getrefcount, "Return the reference count of object.", 0},
    {NULL, NULL, NULL, 0}};

/* ---- the module ------------------------------------------------------------------ */

static int add_steal(WfVM *vm, WfValue m, const char *name, WfValue v) {
    if (WF_IS_NULL(v)) return -1;
    int rc = wf_module_add(vm, m, name, v);
    wf_decref(vm, v);
    return rc;
}

WfValue wf_sys_module_new(WfVM *vm) {
    WfValue m = wf_module_new(vm, "sys");
    if (WF_IS_NULL(m)) return m;
    if (wf_module_add_functions(vm, m, sys_functions) < 0) goto fail;
    if (WF_IS_NULL(vm->argv)) {
        vm->argv = wf_list_new(vm, 1);
        if (WF_IS_NULL(vm->argv)) goto fail;
    }
    if (wf_module_add(vm, m, "argv", vm->argv) < 0) goto fail;
    if (!WF_IS_NULL(vm->modules) && wf_module_add(vm, m, "modules", vm->modules) < 0) goto fail;
    if (add_steal(vm, m, "path", wf_list_new(vm, 4)) < 0) goto fail;
    if (wf_module_add(vm, m, "maxsize", WF_INT(INT64_MAX)) < 0) goto fail;
    if (add_steal(vm, m, "version", wf_str_from_cstr(vm, "3.11.2 (weft " WEFT_VERSION ")")) < 0)
        goto fail;
    if (wf_module_add(vm, m, "hexversion", WF_INT(0x030b02f0)) < 0) goto fail;
    {
        WfValue final_ = wf_str_from_cstr(vm, "final");
        if (WF_IS_NULL(final_)) goto fail;
        WfValue vi = wf_tuple_pack(vm, 5, WF_INT(3), WF_INT(11), WF_INT(2), final_, WF_INT(0));
        wf_decref(vm, final_);
        if (add_steal(vm, m, "version_info", vi) < 0) goto fail;
    }
    if (add_steal(vm, m, "platform", wf_str_from_cstr(vm, "linux")) < 0) goto fail;
    {
        const uint16_t probe = 1;
        const char *order = *(const uint8_t *)&probe ? "little" : "big";
        if (add_steal(vm, m, "byteorder", wf_str_from_cstr(vm, order)) < 0) goto fail;
    }
    if (add_steal(vm, m, "executable", wf_str_from_cstr(vm, "")) < 0) goto fail;
    static const struct { const char *name, *alias, *fname, *mode; int which; } files[] = {
        {"stdin", "__stdin__", "<stdin>", "r", 0},
        {"stdout", "__stdout__", "<stdout>", "w", 1},
        {"stderr", "__stderr__", "<stderr>", "w", 2},
    };
    for (size_t i = 0; i < 3; i++) {
        FILE *fp = files[i].which == 0 ? stdin : files[i].which == 1 ? stdout : stderr;
        WfValue f = sysfile_new(vm, fp, files[i].fname, files[i].mode);
        if (WF_IS_NULL(f)) goto fail;
        int rc = wf_module_add(vm, m, files[i].name, f);
        if (rc == 0) rc = wf_module_add(vm, m, files[i].alias, f);
        wf_decref(vm, f);
        if (rc < 0) goto fail;
    }
    return m;
fail:
    wf_decref(vm, m);
    return WF_NULL;
}

/* module.c: module objects and the import statement. A module runs once
 * and is cached in sys.modules (vm->modules) under its full dotted name;
 * while its code runs it is already there, marked initializing, so
 * circular imports see a partially initialised module as CPython's do.
 * Where modules come from, in order: sys.modules (sys, builtins and
 * anything registered at VM start), the built-in modules of this file's
 * table (math, time: created at their first import), then NAME.py or the
 * package NAME/__init__.py in each directory of sys.path, which the first
 * import fills with the script's directory (as given on the command line;
 * "" for -c and stdin) and the entries of $WEFTPATH. A submodule is
 * searched in its package's __path__. File names are built as dir + "/" +
 * name, so tracebacks show the path the file was opened by. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile.h"
#include "defer.h"
#include "dict.h"
#include "func.h"
#include "interp.h"
#include "mathmodule.h"
#include "timemodule.h"
#include "type.h"
#include "vm.h"

typedef struct WfModule {
    WfObject ob;
    WfValue dict;
    bool initializing;           /* its code is running (circular imports) */
} WfModule;

#define MODULE(v) ((WfModule *)(v).u.o)

static bool is_module(WfValue v) { return WF_IS_OBJ(v) && v.u.o->type == &wf_type_module; }

/* A borrowed str attribute of a module's namespace, or NULL. */
static const char *module_str(WfVM *vm, WfValue m, const char *key) {
    WfObject *k = wf_str_intern_cstr(vm, key);
    WfValue v = k ? wf_dict_get_str(MODULE(m)->dict, k) : WF_NULL;
    if (!k) wf_err_clear(vm);
    return wf_is_str(v) ? WF_STR(v)->data : NULL;
}

static void module_clear(WfVM *vm, WfObject *o) {
    WfModule *m = (WfModule *)o;
    WfValue d = m->dict;
    m->dict = WF_NULL;
    wf_decref(vm, d);
}
static void module_dealloc(WfVM *vm, WfObject *o) {
    module_clear(vm, o);
    wf_obj_free(vm, o);
}
static void module_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfModule *m = (WfModule *)o;
    if (WF_IS_OBJ(m->dict)) visit(m->dict.u.o, arg);
}
static WfValue module_repr(WfVM *vm, WfValue v) {
    if (WF_IS_NULL(MODULE(v)->dict)) return wf_str_from_cstr(vm, "<module '?'>");
    const char *n = module_str(vm, v, "__name__");
    const char *file = module_str(vm, v, "__file__");
    if (!n) n = "?";
    if (file) return wf_str_printf(vm, "<module '%s' from '%s'>", n, file);
    return wf_str_printf(vm, "<module '%s' (built-in)>", n);
}
static WfValue module_getattr(WfVM *vm, WfValue v, WfObject *name) {
    WfModule *m = (WfModule *)v.u.o;
    if (WF_IS_NULL(m->dict)) return wf_generic_getattr(vm, v, name);
    WfValue r = wf_dict_get_str(m->dict, name);
    if (!WF_IS_NULL(r)) return wf_ref(r);
    const char *s = ((WfStr *)name)->data;
    if (strcmp(s, "__dict__") == 0) return wf_ref(m->dict);
    if (strcmp(s, "__class__") == 0) return wf_ref(WF_OBJ(&wf_type_module));
    /* PEP 562: a module-level __getattr__ answers for missing names. */
    WfObject *hk = wf_str_intern_cstr(vm, "__getattr__");
    WfValue hook = hk ? wf_dict_get_str(m->dict, hk) : WF_NULL;
    if (!WF_IS_NULL(hook)) {
        wf_incref(hook);
        r = wf_call1(vm, hook, WF_OBJ(name));
        wf_decref(vm, hook);
        return r;
    }
    const char *mn = module_str(vm, v, "__name__");
    if (!mn) return wf_err_format(vm, &wf_exc_AttributeError, "module has no attribute '%s'", s);
    if (m->initializing)
        return wf_err_format(vm, &wf_exc_AttributeError,
                             "partially initialized module '%s' has no attribute '%s' (most likely due to a "
                             "circular import)",
                             mn, s);
    return wf_err_format(vm, &wf_exc_AttributeError, "module '%s' has no attribute '%s'", mn, s);
}
static int module_setattr(WfVM *vm, WfValue v, WfObject *name, WfValue value) {
    WfModule *m = (WfModule *)v.u.o;
    if (WF_IS_NULL(m->dict)) return wf_generic_setattr(vm, v, name, value);
    if (!WF_IS_NULL(value)) return wf_dict_set(vm, m->dict, WF_OBJ(name), value);
    if (wf_dict_del(vm, m->dict, WF_OBJ(name)) == 0) return 0;
    if (wf_err_matches(vm, &wf_exc_KeyError)) {
        wf_err_clear(vm);
        const char *mn = module_str(vm, v, "__name__");
        wf_err_format(vm, &wf_exc_AttributeError, "module '%s' has no attribute '%s'", mn ? mn : "?",
                      ((WfStr *)name)->data);
    }
    return -1;
}

WfType wf_type_module = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "module",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfModule),
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .clear = module_clear,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .doc = "Create a module object.",
};

WfValue wf_module_new(WfVM *vm, const char *name) {
    WfModule *m = (WfModule *)wf_obj_alloc(vm, &wf_type_module, sizeof(WfModule));
    if (!m) return WF_NULL;
    m->dict = wf_dict_new(vm);
    WfValue mv = WF_OBJ(m);
    if (WF_IS_NULL(m->dict)) {
        wf_decref(vm, mv);
        return WF_NULL;
    }
    WfValue n = wf_str_from_cstr(vm, name);
    /* What types.ModuleType(name) has; imports fill them in. */
    if (WF_IS_NULL(n) || wf_dict_set_cstr(vm, m->dict, "__name__", n) < 0 ||
        wf_dict_set_cstr(vm, m->dict, "__doc__", WF_NONE) < 0 ||
        wf_dict_set_cstr(vm, m->dict, "__package__", WF_NONE) < 0 ||
        wf_dict_set_cstr(vm, m->dict, "__loader__", WF_NONE) < 0 ||
        wf_dict_set_cstr(vm, m->dict, "__spec__", WF_NONE) < 0) {
        wf_decref(vm, n);
        wf_decref(vm, mv);
        return WF_NULL;
    }
    wf_decref(vm, n);
    return mv;
}

WfValue wf_module_dict(WfValue module) { return ((WfModule *)module.u.o)->dict; }

int wf_module_add(WfVM *vm, WfValue module, const char *name, WfValue v) {
    return wf_dict_set_cstr(vm, wf_module_dict(module), name, v);
}

int wf_module_add_functions(WfVM *vm, WfValue module, const WfMethodDef *defs) {
    for (const WfMethodDef *d = defs; d->name; d++) {
        WfValue f = wf_native_new(vm, d, WF_NULL);
        if (WF_IS_NULL(f)) return -1;
        int rc = wf_module_add(vm, module, d->name, f);
        wf_decref(vm, f);
        if (rc < 0) return -1;
    }
    return 0;
}

/* ---- errors ------------------------------------------------------------------------ */

/* Raises type(msg, name=name, path=path) (ImportError's fields). */
static WfValue import_error(WfVM *vm, WfType *type, const char *name, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static WfValue import_error(WfVM *vm, WfType *type, const char *name, const char *path, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    WfValue args[3] = {wf_str_from_cstr(vm, buf), WF_NULL, WF_NULL};
    WfValue kwn = WF_NULL, exc = WF_NULL;
    size_t nkw = 0;
    WfObject *keys[2];
    if (WF_IS_NULL(args[0])) return WF_NULL;
    if (name) {
        keys[nkw] = wf_str_intern_cstr(vm, "name");
        args[1 + nkw++] = wf_str_from_cstr(vm, name);
    }
    if (path) {
        keys[nkw] = wf_str_intern_cstr(vm, "path");
        args[1 + nkw++] = wf_str_from_cstr(vm, path);
    }
    for (size_t i = 0; i < nkw; i++)
        if (!keys[i] || WF_IS_NULL(args[1 + i])) goto done;
    if (nkw) {
        kwn = wf_tuple_new(vm, nkw);
        if (WF_IS_NULL(kwn)) goto done;
        for (size_t i = 0; i < nkw; i++) {
            wf_obj_incref(keys[i]);
            WF_TUPLE(kwn)->items[i] = WF_OBJ(keys[i]);
        }
    }
    exc = wf_call(vm, WF_OBJ(type), args, 1, WF_IS_NULL(kwn) ? NULL : kwn.u.o);
    if (!WF_IS_NULL(exc)) wf_err_raise(vm, exc);
done:
    for (size_t i = 0; i < 1 + nkw; i++) wf_decref(vm, args[i]);
    wf_decref(vm, kwn);
    wf_decref(vm, exc);
    return WF_NULL;
}

static WfValue not_found(WfVM *vm, const char *name) {
    return import_error(vm, &wf_exc_ModuleNotFoundError, name, NULL, "No module named '%s'", name);
}

/* ---- where modules come from ---------------------------------------------------------- */

static const struct {
    const char *name;
    WfModuleInit init;
} builtin_modules[] = {
    {"math", wf_math_module_new},
    {"time", wf_time_module_new},
};

/* Packages whose modules are registered together, in sys.modules under
 * their dotted names, the first time any of them is imported (unless the
 * VM registered them at start). */
static const struct {
    const char *name;
    int (*install)(WfVM *vm);
} builtin_packages[] = {
    {"twisted", wf_twisted_init},
};

/* sys.path, filled at the first import while still empty: the script's
 * directory, then $WEFTPATH. Borrowed; WF_NULL when sys or sys.path is
 * missing (then only the script's directory is searched). */
static WfValue search_path(WfVM *vm) {
    WfObject *sk = wf_str_intern_cstr(vm, "sys"), *pk = wf_str_intern_cstr(vm, "path");
    if (!sk || !pk) return WF_NULL;
    WfValue sys = wf_dict_get_str(vm->modules, sk);
    if (!is_module(sys)) return WF_NULL;
    WfValue path = wf_dict_get_str(MODULE(sys)->dict, pk);
    if (!wf_is_list(path) || WF_LIST(path)->n) return path;
    /* The script's directory: dirname of __main__.__file__ as given. */
    const char *file = is_module(vm->main_module) ? module_str(vm, vm->main_module, "__file__") : NULL;
    const char *slash = file && file[0] != '<' ? strrchr(file, '/') : NULL;
    WfValue dir = slash ? wf_str_new(vm, file, (size_t)(slash == file ? 1 : slash - file)) : wf_str_from_cstr(vm, "");
    if (WF_IS_NULL(dir) || wf_list_append_steal(vm, path, dir) < 0) return WF_NULL;
    const char *env = getenv("WEFTPATH");
    while (env && *env) {
        const char *end = strchr(env, ':');
        size_t n = end ? (size_t)(end - env) : strlen(env);
        if (n) {
            WfValue d = wf_str_new(vm, env, n);
            if (WF_IS_NULL(d) || wf_list_append_steal(vm, path, d) < 0) return WF_NULL;
        }
        env = end ? end + 1 : NULL;
    }
    return path;
}

/* dir + "/" + name (+ suffix); just name when dir is "". */
static char *join_path(WfVM *vm, const char *dir, const char *name, const char *suffix) {
    size_t dl = strlen(dir), nl = strlen(name), sl = strlen(suffix);
    bool sep = dl && dir[dl - 1] != '/';
    char *p = wf_mem_alloc(vm, dl + sep + nl + sl + 1);
    if (!p) return NULL;
    memcpy(p, dir, dl);
    if (sep) p[dl] = '/';
    memcpy(p + dl + sep, name, nl);
    memcpy(p + dl + sep + nl, suffix, sl + 1);
    return p;
}

static bool file_exists(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    fclose(f);
    return true;
}

/* Reads a whole file; NULL (nothing raised) when it cannot be opened. */
static char *read_file(WfVM *vm, const char *path, size_t *len, bool *failed) {
    *failed = false;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 8192, n = 0;
    char *buf = wf_mem_alloc(vm, cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        cap *= 2;
        char *nb = wf_mem_realloc(vm, buf, cap);
        if (!nb) wf_mem_free(vm, buf);
        buf = nb;
    }
    fclose(f);
    if (!buf) {
        *failed = true;
        return NULL;
    }
    *len = n;
    return buf;
}

/* Raises the SyntaxError of a module's source as an exception (CPython
 * reports it with the importing frames above it). */
static void raise_syntax_error(WfVM *vm, const WfSyntaxError *err, const char *path, const char *src, size_t len) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < err->line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *le = memchr(p, '\n', (size_t)(end - p));
    size_t ll = le ? (size_t)(le - p) + 1 : (size_t)(end - p);
    WfType *type = &wf_exc_SyntaxError;
    if (strcmp(err->kind, "IndentationError") == 0) type = &wf_exc_IndentationError;
    else if (strcmp(err->kind, "TabError") == 0) type = &wf_exc_TabError;
    WfValue text = wf_str_new(vm, p, ll);
    WfValue fn = wf_str_from_cstr(vm, path);
    WfValue msg = wf_str_from_cstr(vm, err->msg);
    WfValue info = WF_NULL, args = WF_NULL, exc = WF_NULL;
    if (WF_IS_NULL(text) || WF_IS_NULL(fn) || WF_IS_NULL(msg)) goto done;
    /* CPython's tokenizer leaves no end column for indentation errors:
     * end_offset -1, and 0 for a TabError. */
    int64_t end_offset = err->end_col > err->col ? err->end_col + 1 : err->col + 1;
    if (type == &wf_exc_IndentationError) end_offset = -1;
    else if (type == &wf_exc_TabError) end_offset = 0;
    info = wf_tuple_pack(vm, 6, fn, WF_INT(err->line), WF_INT(err->col + 1), text, WF_INT(err->line),
                         WF_INT(end_offset));
    if (WF_IS_NULL(info)) goto done;
    args = wf_tuple_pack(vm, 2, msg, info);
    if (WF_IS_NULL(args)) goto done;
    exc = wf_exc_new(vm, type, args);
    if (!WF_IS_NULL(exc)) wf_err_raise(vm, exc);
done:
    wf_decref(vm, text);
    wf_decref(vm, fn);
    wf_decref(vm, msg);
    wf_decref(vm, info);
    wf_decref(vm, args);
    wf_decref(vm, exc);
}

/* Runs the file at path as module `name` (a package when pkgdir is not
 * NULL). Returns what sys.modules holds for it afterwards (new ref). */
static WfValue load_module(WfVM *vm, const char *name, const char *path, const char *pkgdir) {
    size_t len;
    bool failed;
    char *src = read_file(vm, path, &len, &failed);
    if (!src) return failed ? WF_NULL : not_found(vm, name);
    WfValue m = wf_module_new(vm, name);
    WfValue key = wf_str_from_cstr(vm, name);
    WfValue r = WF_NULL;
    bool registered = false;
    if (WF_IS_NULL(m) || WF_IS_NULL(key)) goto done;
    WfValue d = MODULE(m)->dict;
    const char *dot = strrchr(name, '.');
    WfValue file = wf_str_from_cstr(vm, path);
    WfValue pkg = pkgdir ? wf_str_from_cstr(vm, name) : wf_str_new(vm, name, dot ? (size_t)(dot - name) : 0);
    int rc = WF_IS_NULL(file) || WF_IS_NULL(pkg) ? -1 : 0;
    if (rc == 0) rc = wf_dict_set_cstr(vm, d, "__file__", file);
    if (rc == 0) rc = wf_dict_set_cstr(vm, d, "__package__", pkg);
    if (rc == 0) rc = wf_dict_set_cstr(vm, d, "__builtins__", vm->builtins);
    wf_decref(vm, file);
    wf_decref(vm, pkg);
    if (rc == 0 && pkgdir) {
        WfValue dir = wf_str_from_cstr(vm, pkgdir);
        WfValue pl = WF_IS_NULL(dir) ? WF_NULL : wf_list_new(vm, 1);
        rc = WF_IS_NULL(pl) || wf_list_append(vm, pl, dir) < 0 ? -1 : wf_dict_set_cstr(vm, d, "__path__", pl);
        wf_decref(vm, dir);
        wf_decref(vm, pl);
    }
    if (rc < 0 || wf_dict_set(vm, vm->modules, key, m) < 0) goto done;
    registered = true;
    WfSyntaxError err;
    memset(&err, 0, sizeof err);
    WfCode *code = wf_compile_source(vm, src, len, path, WF_PARSE_FILE, 0, &err);
    if (!code) {
        if (err.set) raise_syntax_error(vm, &err, path, src, len);
        goto done;
    }
    MODULE(m)->initializing = true;
    WfValue res = wf_vm_run_module_code(vm, code, d);
    MODULE(m)->initializing = false;
    wf_obj_decref(vm, &code->ob);
    if (WF_IS_NULL(res)) goto done;
    wf_decref(vm, res);
    /* A module may have replaced itself in sys.modules. */
    r = wf_dict_get(vm, vm->modules, key);
    if (WF_IS_NULL(r)) {
        if (!wf_err_occurred(vm))
            import_error(vm, &wf_exc_ImportError, name, NULL, "Loaded module %s not found in sys.modules", name);
    } else {
        wf_incref(r);
    }
done:
    if (WF_IS_NULL(r) && registered) {
        /* A module that failed to run is not left half-made in sys.modules. */
        WfValue exc = wf_err_fetch(vm);
        WfValue cur = wf_dict_get(vm, vm->modules, key);
        if (WF_IS_NULL(cur)) wf_err_clear(vm);
        else if (cur.u.o == m.u.o && wf_dict_del(vm, vm->modules, key) < 0) wf_err_clear(vm);
        wf_err_restore(vm, exc);
    }
    wf_decref(vm, key);
    wf_decref(vm, m);
    wf_mem_free(vm, src);
    return r;
}

/* Finds and loads `name` (whose last component is `last`) in the
 * directories of the list dirs. */
static WfValue find_in(WfVM *vm, const char *name, const char *last, WfValue dirs) {
    WfValue snapshot = wf_list_from_iterable(vm, dirs);
    if (WF_IS_NULL(snapshot)) return snapshot;
    WfValue r = WF_NULL;
    bool found = false;
    for (size_t i = 0; i < WF_LIST(snapshot)->n && !found; i++) {
        WfValue d = WF_LIST(snapshot)->items[i];
        if (!wf_is_str(d)) continue;
        char *pkgdir = join_path(vm, WF_STR(d)->data, last, "");
        char *init = pkgdir ? join_path(vm, pkgdir, "__init__", ".py") : NULL;
        char *file = init ? join_path(vm, WF_STR(d)->data, last, ".py") : NULL;
        if (!file) {
            wf_mem_free(vm, pkgdir);
            wf_mem_free(vm, init);
            found = true;
            break;
        }
        if (file_exists(init)) {
            found = true;
            r = load_module(vm, name, init, pkgdir);
        } else if (file_exists(file)) {
            found = true;
            r = load_module(vm, name, file, NULL);
        }
        wf_mem_free(vm, pkgdir);
        wf_mem_free(vm, init);
        wf_mem_free(vm, file);
    }
    wf_decref(vm, snapshot);
    if (!found) return not_found(vm, name);
    return r;
}

/* Imports one module by its full name; parent is the already imported
 * package above it (WF_NULL for a top-level name). New reference. */
static WfValue import_one(WfVM *vm, const char *name, WfValue parent) {
    WfObject *key = wf_str_intern_cstr(vm, name);
    if (!key) return WF_NULL;
    WfValue m = wf_dict_get_str(vm->modules, key);
    if (!WF_IS_NULL(m)) {
        if (WF_IS_NONE(m)) return import_error(vm, &wf_exc_ModuleNotFoundError, name, NULL,
                                               "import of %s halted; None in sys.modules", name);
        return wf_ref(m);
    }
    const char *dot = strrchr(name, '.');
    const char *last = dot ? dot + 1 : name;
    if (WF_IS_NULL(parent)) {
        for (size_t i = 0; i < sizeof builtin_packages / sizeof builtin_packages[0]; i++) {
            if (strcmp(builtin_packages[i].name, name) != 0) continue;
            if (builtin_packages[i].install(vm) < 0) return WF_NULL;
            m = wf_dict_get_str(vm->modules, key);
            if (!WF_IS_NULL(m)) return wf_ref(m);
        }
        for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
            if (strcmp(builtin_modules[i].name, name) != 0) continue;
            m = builtin_modules[i].init(vm);
            if (WF_IS_NULL(m)) return m;
            if (wf_module_add(vm, m, "__package__", vm->empty_str) < 0 ||
                wf_dict_set(vm, vm->modules, WF_OBJ(key), m) < 0) {
                wf_decref(vm, m);
                return WF_NULL;
            }
            return m;
        }
        WfValue path = search_path(vm);
        if (WF_IS_NULL(path)) {
            if (wf_err_occurred(vm)) return WF_NULL;
            WfValue here = wf_list_new(vm, 1);
            if (WF_IS_NULL(here) || wf_list_append_steal(vm, here, wf_str_from_cstr(vm, "")) < 0) {
                wf_decref(vm, here);
                return WF_NULL;
            }
            m = find_in(vm, name, last, here);
            wf_decref(vm, here);
            return m;
        }
        wf_incref(path);
        m = find_in(vm, name, last, path);
        wf_decref(vm, path);
        return m;
    }
    WfValue ppath = is_module(parent) ? wf_dict_get_str(MODULE(parent)->dict, wf_str_intern_cstr(vm, "__path__"))
                                      : WF_NULL;
    if (WF_IS_NULL(ppath)) {
        const char *pn = is_module(parent) ? module_str(vm, parent, "__name__") : NULL;
        return import_error(vm, &wf_exc_ModuleNotFoundError, name, NULL, "No module named '%s'; '%s' is not a package",
                            name, pn ? pn : "?");
    }
    wf_incref(ppath);
    m = find_in(vm, name, last, ppath);
    wf_decref(vm, ppath);
    if (WF_IS_NULL(m)) return m;
    /* The submodule becomes an attribute of its package. */
    WfObject *lk = wf_str_intern_cstr(vm, last);
    if (!lk || wf_setattr(vm, parent, lk, m) < 0) {
        wf_decref(vm, m);
        return WF_NULL;
    }
    return m;
}

/* Imports every prefix of name: a, a.b, a.b.c. Returns the top-level
 * module in *top and the last in the result (new references). */
static WfValue import_dotted(WfVM *vm, const char *full, WfValue *top) {
    size_t len = strlen(full);
    char *buf = wf_mem_alloc(vm, len + 1);
    if (!buf) return WF_NULL;
    WfValue last = WF_NULL;
    *top = WF_NULL;
    for (size_t i = 0; i <= len; i++) {
        if (full[i] != '.' && full[i] != 0) continue;
        memcpy(buf, full, i);
        buf[i] = 0;
        if (i == 0 || full[i - 1] == '.') {
            wf_err_format(vm, &wf_exc_ModuleNotFoundError, "No module named '%s'", full);
            goto fail;
        }
        WfValue m = import_one(vm, buf, last);
        if (WF_IS_NULL(m)) goto fail;
        if (WF_IS_NULL(*top)) *top = wf_ref(m);
        wf_decref(vm, last);
        last = m;
    }
    wf_mem_free(vm, buf);
    return last;
fail:
    wf_mem_free(vm, buf);
    wf_decref(vm, last);
    wf_decref(vm, *top);
    *top = WF_NULL;
    return WF_NULL;
}

/* The package a relative import of `level` dots starts from, CPython's
 * _calc___package__ and _resolve_name. New str, or WF_NULL with an error. */
static WfValue resolve_relative(WfVM *vm, const char *name, int64_t level, WfValue globals) {
    WfObject *pk = wf_str_intern_cstr(vm, "__package__"), *nk = wf_str_intern_cstr(vm, "__name__"),
             *pathk = wf_str_intern_cstr(vm, "__path__");
    if (!pk || !nk || !pathk) return WF_NULL;
    WfValue pkg = wf_is_dict(globals) ? wf_dict_get_str(globals, pk) : WF_NULL;
    const char *base;
    size_t blen;
    if (wf_is_str(pkg)) {
        base = WF_STR(pkg)->data;
        blen = (size_t)WF_STR(pkg)->len;
    } else {
        WfValue mn = wf_is_dict(globals) ? wf_dict_get_str(globals, nk) : WF_NULL;
        if (!wf_is_str(mn)) blen = 0, base = "";
        else {
            base = WF_STR(mn)->data;
            blen = (size_t)WF_STR(mn)->len;
            if (WF_IS_NULL(wf_dict_get_str(globals, pathk))) {
                const char *dot = strrchr(base, '.');
                blen = dot ? (size_t)(dot - base) : 0;
            }
        }
    }
    if (blen == 0)
        return import_error(vm, &wf_exc_ImportError, NULL, NULL,
                            "attempted relative import with no known parent package");
    for (int64_t i = 1; i < level; i++) {
        while (blen && base[blen - 1] != '.') blen--;
        if (blen == 0)
            return import_error(vm, &wf_exc_ImportError, NULL, NULL,
                                "attempted relative import beyond top-level package");
        blen--;
    }
    size_t nl = strlen(name);
    char *buf = wf_mem_alloc(vm, blen + 1 + nl + 1);
    if (!buf) return WF_NULL;
    memcpy(buf, base, blen);
    size_t n = blen;
    if (nl) {
        buf[n++] = '.';
        memcpy(buf + n, name, nl);
        n += nl;
    }
    WfValue r = wf_str_new(vm, buf, n);
    wf_mem_free(vm, buf);
    return r;
}

/* from package import x: x may be a submodule not imported yet. */
static int handle_fromlist(WfVM *vm, WfValue module, WfValue fromlist) {
    if (!is_module(module) || WF_IS_NULL(wf_dict_get_str(MODULE(module)->dict, wf_str_intern_cstr(vm, "__path__"))))
        return 0;
    const char *mn = module_str(vm, module, "__name__");
    if (!mn) return 0;
    WfValue it = wf_iter(vm, fromlist);
    if (WF_IS_NULL(it)) return -1;
    for (;;) {
        WfValue x = wf_iternext(vm, it);
        if (WF_IS_NULL(x)) break;
        if (wf_is_str(x) && strcmp(WF_STR(x)->data, "*") != 0 &&
            WF_IS_NULL(wf_dict_get(vm, MODULE(module)->dict, x)) && !wf_err_occurred(vm)) {
            size_t len = strlen(mn) + 1 + (size_t)WF_STR(x)->len + 1;
            char *sub = wf_mem_alloc(vm, len);
            if (!sub) {
                wf_decref(vm, x);
                break;
            }
            snprintf(sub, len, "%s.%s", mn, WF_STR(x)->data);
            WfValue m = import_one(vm, sub, module);
            if (WF_IS_NULL(m) && wf_err_matches(vm, &wf_exc_ModuleNotFoundError)) {
                /* Only "this very submodule does not exist" is ignored:
                 * IMPORT_FROM then reports the missing name. */
                WfValue e = wf_err_fetch(vm);
                WfValue en = wf_getattr_cstr(vm, e, "name");
                bool same = wf_is_str(en) && strcmp(WF_STR(en)->data, sub) == 0;
                wf_err_clear(vm);
                wf_decref(vm, en);
                if (same) wf_decref(vm, e);
                else wf_err_restore(vm, e);
            }
            wf_decref(vm, m);
            wf_mem_free(vm, sub);
        }
        wf_decref(vm, x);
        if (wf_err_occurred(vm)) break;
    }
    wf_decref(vm, it);
    return wf_err_occurred(vm) ? -1 : 0;
}

WfValue wf_import(WfVM *vm, WfObject *name, WfValue fromlist, WfValue level, WfValue globals) {
    int64_t lvl = WF_IS_INT(level) ? level.u.i : 0;
    WfValue resolved = WF_NULL;
    const char *full = ((WfStr *)name)->data;
    if (lvl > 0) {
        resolved = resolve_relative(vm, full, lvl, globals);
        if (WF_IS_NULL(resolved)) return resolved;
        full = WF_STR(resolved)->data;
    } else if (!full[0]) {
        return wf_err_format(vm, &wf_exc_ValueError, "Empty module name");
    }
    /* sys.path gets its first entries before anything else can look. */
    if (WF_IS_NULL(search_path(vm)) && wf_err_occurred(vm)) {
        wf_decref(vm, resolved);
        return WF_NULL;
    }
    WfValue top;
    WfValue leaf = import_dotted(vm, full, &top);
    if (WF_IS_NULL(leaf)) {
        wf_decref(vm, resolved);
        return leaf;
    }
    bool want_leaf = !WF_IS_NONE(fromlist) && !WF_IS_NULL(fromlist) &&
                     !(wf_is_tuple(fromlist) && WF_TUPLE(fromlist)->n == 0);
    WfValue r;
    if (want_leaf) {
        r = handle_fromlist(vm, leaf, fromlist) < 0 ? WF_NULL : wf_ref(leaf);
    } else if (lvl == 0) {
        r = wf_ref(top);
    } else {
        /* `import` never has dots with a level; __import__ returns the
         * package the relative name starts from. */
        r = wf_ref(top);
    }
    wf_decref(vm, top);
    wf_decref(vm, leaf);
    wf_decref(vm, resolved);
    return r;
}

WfValue wf_import_from(WfVM *vm, WfValue module, WfObject *name) {
    WfValue v = wf_getattr_opt(vm, module, name);
    if (!WF_IS_NULL(v) || wf_err_occurred(vm)) return v;
    const char *mn = is_module(module) ? module_str(vm, module, "__name__") : NULL;
    const char *s = ((WfStr *)name)->data;
    if (mn) {
        /* A submodule imported by someone else but not (yet) bound. */
        size_t len = strlen(mn) + 1 + strlen(s) + 1;
        char *sub = wf_mem_alloc(vm, len);
        if (!sub) return WF_NULL;
        snprintf(sub, len, "%s.%s", mn, s);
        WfObject *k = wf_str_intern_cstr(vm, sub);
        wf_mem_free(vm, sub);
        if (!k) return WF_NULL;
        v = wf_dict_get_str(vm->modules, k);
        if (!WF_IS_NULL(v)) return wf_ref(v);
    }
    const char *file = is_module(module) ? module_str(vm, module, "__file__") : NULL;
    if (is_module(module) && MODULE(module)->initializing)
        return import_error(vm, &wf_exc_ImportError, mn, file,
                            "cannot import name '%s' from partially initialized module '%s' (most likely due to a "
                            "circular import) (%s)",
                            s, mn ? mn : "?", file ? file : "unknown location");
    return import_error(vm, &wf_exc_ImportError, mn, file, "cannot import name '%s' from '%s' (%s)", s,
                        mn ? mn : "<unknown module name>", file ? file : "unknown location");
}

/* from m import *: the names in m.__all__, else every public name. */
int wf_import_star(WfVM *vm, WfValue module, WfValue ns) {
    if (!is_module(module)) {
        wf_err_format(vm, &wf_exc_TypeError, "import * needs a module");
        return -1;
    }
    WfValue d = wf_module_dict(module);
    WfObject *ak = wf_str_intern_cstr(vm, "__all__");
    WfValue all = ak ? wf_dict_get_str(d, ak) : WF_NULL;
    if (!WF_IS_NULL(all)) {
        WfValue it = wf_iter(vm, all);
        if (WF_IS_NULL(it)) return -1;
        for (;;) {
            WfValue k = wf_iternext(vm, it);
            if (WF_IS_NULL(k)) break;
            if (!wf_is_str(k)) {
                wf_err_format(vm, &wf_exc_TypeError, "Item in %s.__all__ must be str, not %s",
                              module_str(vm, module, "__name__") ? module_str(vm, module, "__name__") : "?",
                              wf_type_name(k));
                wf_decref(vm, k);
                break;
            }
            WfObject *ik = wf_str_intern(vm, WF_STR(k)->data, (size_t)WF_STR(k)->len);
            WfValue v = ik ? wf_getattr(vm, module, ik) : WF_NULL;
            int rc = WF_IS_NULL(v) ? -1 : wf_dict_set(vm, ns, k, v);
            wf_decref(vm, v);
            wf_decref(vm, k);
            if (rc < 0) break;
        }
        wf_decref(vm, it);
        return wf_err_occurred(vm) ? -1 : 0;
    }
    /* A snapshot: the importing namespace may be the module's own. */
    WfValue items = wf_dict_items_list(vm, d);
    if (WF_IS_NULL(items)) return -1;
    for (size_t i = 0; i < WF_LIST(items)->n; i++) {
        WfValue k = WF_TUPLE(WF_LIST(items)->items[i])->items[0];
        WfValue v = WF_TUPLE(WF_LIST(items)->items[i])->items[1];
        if (wf_is_str(k) && WF_STR(k)->data[0] == '_') continue;
        if (wf_dict_set(vm, ns, k, v) < 0) {
            wf_decref(vm, items);
            return -1;
        }
    }
    wf_decref(vm, items);
    return 0;
}

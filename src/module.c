/* module.c: module objects and the import statement. Built-in modules are
 * created by their init functions on first import and cached in
 * sys.modules (vm->modules), as are the user's own modules (a later
 * milestone loads .py files found next to the script). */
#include <string.h>
#include "func.h"
#include "type.h"
#include "vm.h"

typedef struct WfModule {
    WfObject ob;
    WfValue dict;
} WfModule;

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
    WfModule *m = (WfModule *)v.u.o;
    WfValue name = wf_dict_get_str(m->dict, wf_str_intern_cstr(vm, "__name__"));
    const char *n = wf_is_str(name) ? WF_STR(name)->data : "?";
    if (strcmp(n, "sys") == 0 || strcmp(n, "builtins") == 0)
        return wf_str_printf(vm, "<module '%s' (built-in)>", n);
    return wf_str_printf(vm, "<module '%s'>", n);
}
static WfValue module_getattr(WfVM *vm, WfValue v, WfObject *name) {
    WfModule *m = (WfModule *)v.u.o;
    WfValue r = wf_dict_get_str(m->dict, name);
    if (!WF_IS_NULL(r)) return wf_ref(r);
    if (strcmp(((WfStr *)name)->data, "__dict__") == 0) return wf_ref(m->dict);
    WfValue mn = wf_dict_get_str(m->dict, wf_str_intern_cstr(vm, "__name__"));
    return wf_err_format(vm, &wf_exc_AttributeError, "module '%s' has no attribute '%s'",
                         wf_is_str(mn) ? WF_STR(mn)->data : "?", ((WfStr *)name)->data);
}
static int module_setattr(WfVM *vm, WfValue v, WfObject *name, WfValue value) {
    WfModule *m = (WfModule *)v.u.o;
    if (WF_IS_NULL(value)) return wf_dict_del(vm, m->dict, WF_OBJ(name));
    return wf_dict_set(vm, m->dict, WF_OBJ(name), value);
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
    if (WF_IS_NULL(n) || wf_dict_set_cstr(vm, m->dict, "__name__", n) < 0 ||
        wf_dict_set_cstr(vm, m->dict, "__doc__", WF_NONE) < 0) {
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

/* ---- import ---------------------------------------------------------------------- */

static WfValue import_one(WfVM *vm, const char *name) {
    WfValue m = wf_dict_get_str(vm->modules, wf_str_intern_cstr(vm, name));
    if (!WF_IS_NULL(m)) return wf_ref(m);
    return wf_err_format(vm, &wf_exc_ModuleNotFoundError, "No module named '%s'", name);
}

WfValue wf_import(WfVM *vm, WfObject *name, WfValue fromlist, WfValue level, WfValue globals) {
    const char *full = ((WfStr *)name)->data;
    if (WF_IS_INT(level) && level.u.i > 0)
        return wf_err_format(vm, &wf_exc_ImportError, "attempted relative import with no known parent package");
    /* Import every prefix: a.b.c imports a, a.b and a.b.c. */
    size_t len = strlen(full);
    char buf[512];
    if (len >= sizeof buf) return wf_err_format(vm, &wf_exc_ModuleNotFoundError, "No module named '%s'", full);
    WfValue top = WF_NULL, last = WF_NULL;
    for (size_t i = 0; i <= len; i++) {
        if (full[i] != '.' && full[i] != 0) continue;
        memcpy(buf, full, i);
        buf[i] = 0;
        WfValue m = import_one(vm, buf);
        if (WF_IS_NULL(m)) {
            wf_decref(vm, top);
            wf_decref(vm, last);
            return m;
        }
        if (WF_IS_NULL(top)) top = wf_ref(m);
        wf_decref(vm, last);
        last = m;
    }
    bool want_leaf = !WF_IS_NONE(fromlist) && !WF_IS_NULL(fromlist);
    if (want_leaf) {
        wf_decref(vm, top);
        return last;
    }
    wf_decref(vm, last);
    return top;
}

WfValue wf_import_from(WfVM *vm, WfValue module, WfObject *name) {
    WfValue v = wf_getattr_opt(vm, module, name);
    if (!WF_IS_NULL(v) || wf_err_occurred(vm)) return v;
    WfValue mn = WF_IS_OBJ(module) && module.u.o->type == &wf_type_module
                     ? wf_dict_get_str(wf_module_dict(module), wf_str_intern_cstr(vm, "__name__"))
                     : WF_NULL;
    return wf_err_format(vm, &wf_exc_ImportError, "cannot import name '%s' from '%s'", ((WfStr *)name)->data,
                         wf_is_str(mn) ? WF_STR(mn)->data : "?");
}

int wf_import_star(WfVM *vm, WfValue module, WfValue ns) {
    if (!WF_IS_OBJ(module) || module.u.o->type != &wf_type_module) {
        wf_err_format(vm, &wf_exc_TypeError, "import * needs a module");
        return -1;
    }
    WfValue d = wf_module_dict(module);
    size_t pos = 0;
    WfValue k, v;
    while (wf_dict_next(d, &pos, &k, &v)) {
        if (wf_is_str(k) && WF_STR(k)->data[0] == '_') continue;
        if (wf_dict_set(vm, ns, k, v) < 0) return -1;
    }
    return 0;
}

/* func.c: function objects, cells, built-in functions and bound methods.
 * Calling a weft function is the VM's job (interp.c); these are the objects
 * and their attributes. */
#include <string.h>
#include "dict.h"
#include "func.h"
#include "interp.h"
#include "type.h"

/* ---- function ---------------------------------------------------------------- */

static void function_clear(WfVM *vm, WfObject *o) {
    WfFunction *f = (WfFunction *)o;
    WfObject *objs[] = {f->defaults, f->kwdefaults, f->closure, f->dict};
    f->defaults = f->kwdefaults = f->closure = f->dict = NULL;
    WfValue g = f->globals, b = f->builtins, d = f->doc, m = f->module;
    f->globals = f->builtins = f->doc = f->module = WF_NULL;
    for (size_t i = 0; i < 4; i++) wf_obj_xdecref(vm, objs[i]);
    wf_decref(vm, g);
    wf_decref(vm, b);
    wf_decref(vm, d);
    wf_decref(vm, m);
}

static void function_dealloc(WfVM *vm, WfObject *o) {
    WfFunction *f = (WfFunction *)o;
    function_clear(vm, o);
    wf_obj_xdecref(vm, &f->code->ob);
    wf_obj_xdecref(vm, f->name);
    wf_obj_xdecref(vm, f->qualname);
    wf_obj_free(vm, o);
}

static void function_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfFunction *f = (WfFunction *)o;
    visit(&f->code->ob, arg);
    WfObject *objs[] = {f->defaults, f->kwdefaults, f->closure, f->dict};
    for (size_t i = 0; i < 4; i++)
        if (objs[i]) visit(objs[i], arg);
    WfValue vals[] = {f->globals, f->builtins, f->doc, f->module};
    for (size_t i = 0; i < 4; i++)
        if (WF_IS_OBJ(vals[i])) visit(vals[i].u.o, arg);
}

static WfValue function_repr(WfVM *vm, WfValue v) {
    WfFunction *f = (WfFunction *)v.u.o;
    return wf_str_printf(vm, "<function %s at %p>", ((WfStr *)f->qualname)->data, (void *)f);
}

static WfValue fn_get_name(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfFunction *)self.u.o)->name)); }
static int fn_set_name(WfVM *vm, WfValue self, WfValue v) {
    if (!wf_is_str(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    WfFunction *f = (WfFunction *)self.u.o;
    wf_obj_incref(v.u.o);
    wf_obj_decref(vm, f->name);
    f->name = v.u.o;
    return 0;
}
static WfValue fn_get_qualname(WfVM *vm, WfValue self) {
    return wf_ref(WF_OBJ(((WfFunction *)self.u.o)->qualname));
}
static int fn_set_qualname(WfVM *vm, WfValue self, WfValue v) {
    if (!wf_is_str(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    WfFunction *f = (WfFunction *)self.u.o;
    wf_obj_incref(v.u.o);
    wf_obj_decref(vm, f->qualname);
    f->qualname = v.u.o;
    return 0;
}
static WfValue fn_get_doc(WfVM *vm, WfValue self) {
    WfFunction *f = (WfFunction *)self.u.o;
    return WF_IS_NULL(f->doc) ? WF_NONE : wf_ref(f->doc);
}
static int fn_set_doc(WfVM *vm, WfValue self, WfValue v) {
    WfFunction *f = (WfFunction *)self.u.o;
    WfValue old = f->doc;
    f->doc = wf_ref(WF_IS_NULL(v) ? WF_NONE : v);
    wf_decref(vm, old);
    return 0;
}
static WfValue fn_get_module(WfVM *vm, WfValue self) {
    WfFunction *f = (WfFunction *)self.u.o;
    return WF_IS_NULL(f->module) ? WF_NONE : wf_ref(f->module);
}
static WfValue fn_get_defaults(WfVM *vm, WfValue self) {
    WfFunction *f = (WfFunction *)self.u.o;
    return f->defaults ? wf_ref(WF_OBJ(f->defaults)) : WF_NONE;
}
static WfValue fn_get_code(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfFunction *)self.u.o)->code)); }
static WfValue fn_get_globals(WfVM *vm, WfValue self) { return wf_ref(((WfFunction *)self.u.o)->globals); }
static WfValue fn_get_dict(WfVM *vm, WfValue self) {
    WfFunction *f = (WfFunction *)self.u.o;
    if (!f->dict) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return d;
        f->dict = d.u.o;
    }
    return wf_ref(WF_OBJ(f->dict));
}

static const WfGetSetDef function_getsets[] = {
    {"__name__", fn_get_name, fn_set_name},
    {"__qualname__", fn_get_qualname, fn_set_qualname},
    {"__doc__", fn_get_doc, fn_set_doc},
    {"__module__", fn_get_module, NULL},
    {"__defaults__", fn_get_defaults, NULL},
    {"__code__", fn_get_code, NULL},
    {"__globals__", fn_get_globals, NULL},
    {"__dict__", fn_get_dict, NULL},
    {NULL, NULL, NULL}};

static WfValue function_getattr(WfVM *vm, WfValue v, WfObject *name) {
    WfFunction *f = (WfFunction *)v.u.o;
    if (f->dict) {
        WfValue r = wf_dict_get_str(WF_OBJ(f->dict), name);
        if (!WF_IS_NULL(r)) return wf_ref(r);
    }
    return wf_generic_getattr(vm, v, name);
}

static int function_setattr(WfVM *vm, WfValue v, WfObject *name, WfValue value) {
    WfFunction *f = (WfFunction *)v.u.o;
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    if (wf_type_find(&wf_type_function, ((WfStr *)name)->data, &def, &gs))
        return wf_generic_setattr(vm, v, name, value);
    if (!f->dict) {
        WfValue d = wf_dict_new(vm);
        if (WF_IS_NULL(d)) return -1;
        f->dict = d.u.o;
    }
    if (WF_IS_NULL(value)) {
        int rc = wf_dict_del(vm, WF_OBJ(f->dict), WF_OBJ(name));
        if (rc < 0 && wf_err_matches(vm, &wf_exc_KeyError)) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_AttributeError, "'function' object has no attribute '%s'",
                          ((WfStr *)name)->data);
        }
        return rc;
    }
    return wf_dict_set(vm, WF_OBJ(f->dict), WF_OBJ(name), value);
}

static WfValue function_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_vm_call_function(vm, (WfFunction *)self.u.o, args, nargs, kw);
}

WfType wf_type_function = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "function",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfFunction),
    .dealloc = function_dealloc,
    .traverse = function_traverse,
    .clear = function_clear,
    .repr = function_repr,
    .getattr = function_getattr,
    .setattr = function_setattr,
    .call = function_call,
    .getsets = function_getsets,
};

WfValue wf_function_new(WfVM *vm, WfCode *code, WfValue globals) {
    WfFunction *f = (WfFunction *)wf_obj_alloc(vm, &wf_type_function, sizeof(WfFunction));
    if (!f) return WF_NULL;
    f->code = code;
    wf_obj_incref(&code->ob);
    f->globals = wf_ref(globals);
    if (code->fn_globals != globals.u.o || code->fn_version != wf_dict_version_fast(globals)) {
        code->fn_builtins_ix = wf_dict_find_str(globals, vm->str_builtins);
        code->fn_name_ix = wf_dict_find_str(globals, vm->str_name);
        code->fn_globals = globals.u.o;
        code->fn_version = wf_dict_version_fast(globals);
    }
    WfValue b = code->fn_builtins_ix >= 0 ? wf_dict_value_at(globals, code->fn_builtins_ix) : WF_NULL;
    if (WF_IS_NULL(b) || !wf_is_dict(b)) b = vm->builtins;
    f->builtins = wf_ref(b);
    f->name = code->name;
    wf_obj_incref(f->name);
    f->qualname = code->qualname;
    wf_obj_incref(f->qualname);
    f->doc = code->nconsts && wf_is_str(code->consts[0]) && !(code->flags & (WF_CO_MODULE | WF_CO_CLASS))
                 ? wf_ref(code->consts[0])
                 : WF_NONE;
    WfValue mod = code->fn_name_ix >= 0 ? wf_dict_value_at(globals, code->fn_name_ix) : WF_NULL;
    f->module = WF_IS_NULL(mod) ? WF_NULL : wf_ref(mod);
    return WF_OBJ(f);
}

/* ---- cell ------------------------------------------------------------------------ */

static void cell_clear(WfVM *vm, WfObject *o) {
    WfCell *c = (WfCell *)o;
    WfValue v = c->value;
    c->value = WF_NULL;
    wf_decref(vm, v);
}
static void cell_dealloc(WfVM *vm, WfObject *o) {
    cell_clear(vm, o);
    wf_obj_free(vm, o);
}
static void cell_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfCell *c = (WfCell *)o;
    if (WF_IS_OBJ(c->value)) visit(c->value.u.o, arg);
}
static WfValue cell_get_contents(WfVM *vm, WfValue self) {
    WfCell *c = (WfCell *)self.u.o;
    if (WF_IS_NULL(c->value)) return wf_err_format(vm, &wf_exc_ValueError, "Cell is empty");
    return wf_ref(c->value);
}
static const WfGetSetDef cell_getsets[] = {{"cell_contents", cell_get_contents, NULL}, {NULL, NULL, NULL}};

WfType wf_type_cell = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "cell",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfCell),
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .getsets = cell_getsets,
};

WfValue wf_cell_new(WfVM *vm, WfValue v) {
    WfCell *c = (WfCell *)wf_obj_alloc(vm, &wf_type_cell, sizeof(WfCell));
    if (!c) return WF_NULL;
    c->value = wf_ref(v);
    return WF_OBJ(c);
}

/* ---- built-in functions ------------------------------------------------------------ */

static void native_clear(WfVM *vm, WfObject *o) {
    WfNative *n = (WfNative *)o;
    WfValue s = n->self;
    n->self = WF_NULL;
    wf_decref(vm, s);
}
static void native_dealloc(WfVM *vm, WfObject *o) {
    native_clear(vm, o);
    wf_obj_free(vm, o);
}
static void native_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfNative *n = (WfNative *)o;
    if (WF_IS_OBJ(n->self)) visit(n->self.u.o, arg);
}
static WfValue native_repr(WfVM *vm, WfValue v) {
    WfNative *n = (WfNative *)v.u.o;
    if (n->owner) return wf_str_printf(vm, "<method '%s' of '%s' objects>", n->def->name, n->owner->name);
    if (WF_IS_NULL(n->self) || (WF_IS_OBJ(n->self) && n->self.u.o->type == &wf_type_module))
        return wf_str_printf(vm, "<built-in function %s>", n->def->name);
    return wf_str_printf(vm, "<built-in method %s of %s object at %p>", n->def->name, wf_type_name(n->self),
                         (void *)n->self.u.o);
}
static WfValue native_get_name(WfVM *vm, WfValue self) {
    return wf_str_from_cstr(vm, ((WfNative *)self.u.o)->def->name);
}
static WfValue native_get_doc(WfVM *vm, WfValue self) {
    const char *d = ((WfNative *)self.u.o)->def->doc;
    return d ? wf_str_from_cstr(vm, d) : WF_NONE;
}
static const WfGetSetDef native_getsets[] = {
    {"__name__", native_get_name, NULL},
    {"__qualname__", native_get_name, NULL},
    {"__doc__", native_get_doc, NULL},
    {NULL, NULL, NULL}};

static WfValue native_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_call(vm, self, args, nargs, kw);
}

WfType wf_type_native = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "builtin_function_or_method",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfNative),
    .dealloc = native_dealloc,
    .traverse = native_traverse,
    .clear = native_clear,
    .repr = native_repr,
    .call = native_call,
    .getsets = native_getsets,
};

WfValue wf_native_new(WfVM *vm, const WfMethodDef *def, WfValue self) {
    WfNative *n = (WfNative *)wf_obj_alloc(vm, &wf_type_native, sizeof(WfNative));
    if (!n) return WF_NULL;
    n->def = def;
    n->self = wf_ref(self);
    return WF_OBJ(n);
}

/* ---- bound methods ------------------------------------------------------------------- */

static void method_clear(WfVM *vm, WfObject *o) {
    WfMethod *m = (WfMethod *)o;
    WfValue a = m->func, b = m->self;
    m->func = m->self = WF_NULL;
    wf_decref(vm, a);
    wf_decref(vm, b);
}
static void method_dealloc(WfVM *vm, WfObject *o) {
    method_clear(vm, o);
    wf_obj_free(vm, o);
}
static void method_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfMethod *m = (WfMethod *)o;
    if (WF_IS_OBJ(m->func)) visit(m->func.u.o, arg);
    if (WF_IS_OBJ(m->self)) visit(m->self.u.o, arg);
}
static WfValue method_repr(WfVM *vm, WfValue v) {
    WfMethod *m = (WfMethod *)v.u.o;
    WfValue qn = wf_getattr_cstr(vm, m->func, "__qualname__");
    if (WF_IS_NULL(qn)) return qn;
    WfValue sr = wf_repr(vm, m->self);
    if (WF_IS_NULL(sr)) {
        wf_decref(vm, qn);
        return sr;
    }
    WfValue r = wf_str_printf(vm, "<bound method %s of %s>", wf_is_str(qn) ? WF_STR(qn)->data : "?", WF_STR(sr)->data);
    wf_decref(vm, qn);
    wf_decref(vm, sr);
    return r;
}
static WfValue method_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_call(vm, self, args, nargs, kw);
}
static WfValue method_get_self(WfVM *vm, WfValue self) { return wf_ref(((WfMethod *)self.u.o)->self); }
static WfValue method_get_func(WfVM *vm, WfValue self) { return wf_ref(((WfMethod *)self.u.o)->func); }
static const WfGetSetDef method_getsets[] = {
    {"__self__", method_get_self, NULL},
    {"__func__", method_get_func, NULL},
    {NULL, NULL, NULL}};
static WfValue method_getattr(WfVM *vm, WfValue v, WfObject *name) {
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    if (wf_type_find(&wf_type_method, ((WfStr *)name)->data, &def, &gs)) return wf_generic_getattr(vm, v, name);
    return wf_getattr(vm, ((WfMethod *)v.u.o)->func, name);
}

WfType wf_type_method = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "method",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfMethod),
    .dealloc = method_dealloc,
    .traverse = method_traverse,
    .clear = method_clear,
    .repr = method_repr,
    .getattr = method_getattr,
    .call = method_call,
    .getsets = method_getsets,
};

WfValue wf_method_new(WfVM *vm, WfValue func, WfValue self) {
    WfMethod *m = (WfMethod *)wf_obj_alloc(vm, &wf_type_method, sizeof(WfMethod));
    if (!m) return WF_NULL;
    m->func = wf_ref(func);
    m->self = wf_ref(self);
    return WF_OBJ(m);
}

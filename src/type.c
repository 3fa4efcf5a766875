/* type.c: the type type, object, NoneType, NotImplemented, Ellipsis, the
 * generic attribute protocol and the sequence iterator. Built-in types are
 * static and immortal; their attributes come from their methods and getsets
 * tables, searched along the base chain. */
#include <string.h>
#include "class.h"
#include "dict.h"
#include "func.h"
#include "type.h"
#include "vm.h"

bool wf_type_is_subtype(const WfType *sub, const WfType *t) {
    if (sub == t) return true;
    if (sub->mro) {
        WfTuple *m = (WfTuple *)sub->mro;
        for (size_t i = 0; i < m->n; i++)
            if (m->items[i].u.o == &t->ob) return true;
        return false;
    }
    for (const WfType *b = sub->base; b; b = b->base)
        if (b == t) return true;
    return false;
}

bool wf_type_find(WfType *t, const char *name, const WfMethodDef **def,
                  const WfGetSetDef **gs) {
    for (WfType *b = t; b; b = b->base) {
        if (b->methods)
            for (const WfMethodDef *m = b->methods; m->name; m++)
                if (strcmp(m->name, name) == 0) {
                    *def = m;
                    *gs = NULL;
                    return true;
                }
        if (b->getsets)
            for (const WfGetSetDef *g = b->getsets; g->name; g++)
                if (strcmp(g->name, name) == 0) {
                    *def = NULL;
                    *gs = g;
                    return true;
                }
    }
    return false;
}

/* ---- slot wrappers: x.__next__(), x.__len__(), ... on built-in types -------- */

static WfValue sw_next(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__next__", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfValue r = wf_iternext(vm, self);
    if (WF_IS_NULL(r) && !wf_err_occurred(vm)) {
        WfValue e = wf_exc_new(vm, &wf_exc_StopIteration, vm->empty_tuple);
        if (!WF_IS_NULL(e)) wf_err_restore(vm, e);
    }
    return r;
}
static WfValue sw_iter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__iter__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_iter(vm, self);
}
static WfValue sw_len(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__len__", nargs, kw, 0, 0) < 0) return WF_NULL;
    int64_t n = wf_len(vm, self);
    return n < 0 ? WF_NULL : WF_INT(n);
}
static WfValue sw_repr(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__repr__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_repr(vm, self);
}
static WfValue sw_str(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__str__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_to_str(vm, self);
}
static WfValue sw_getitem(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__getitem__", nargs, kw, 1, 1) < 0) return WF_NULL;
    return wf_getitem(vm, self, args[0]);
}
static WfValue sw_contains(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__contains__", nargs, kw, 1, 1) < 0) return WF_NULL;
    int r = wf_contains(vm, self, args[0]);
    return r < 0 ? WF_NULL : WF_BOOL(r);
}
static WfValue sw_hash(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "__hash__", nargs, kw, 0, 0) < 0) return WF_NULL;
    int64_t h;
    return wf_hash(vm, self, &h) < 0 ? WF_NULL : WF_INT(h);
}
static const WfMethodDef sw_defs[] = {
    {"__next__", sw_next, NULL}, {"__iter__", sw_iter, NULL}, {"__len__", sw_len, NULL},
    {"__repr__", sw_repr, NULL}, {"__str__", sw_str, NULL}, {"__getitem__", sw_getitem, NULL},
    {"__contains__", sw_contains, NULL}, {"__hash__", sw_hash, NULL}};

/* The special methods a built-in type has through its slots, when its
 * methods table does not list them itself. */
static const WfMethodDef *slot_wrapper(WfType *t, const char *s) {
    if (s[0] != '_' || s[1] != '_') return NULL;
    if (strcmp(s, "__next__") == 0 && t->iternext) return &sw_defs[0];
    if (strcmp(s, "__iter__") == 0 && t->iter) return &sw_defs[1];
    if (strcmp(s, "__len__") == 0 && t->len) return &sw_defs[2];
    if (strcmp(s, "__repr__") == 0) return &sw_defs[3];
    if (strcmp(s, "__str__") == 0) return &sw_defs[4];
    if (strcmp(s, "__getitem__") == 0 && t->getitem) return &sw_defs[5];
    if (strcmp(s, "__contains__") == 0 && t->contains) return &sw_defs[6];
    if (strcmp(s, "__hash__") == 0 && !(t->flags & WF_TPFLAG_UNHASHABLE)) return &sw_defs[7];
    return NULL;
}

WfValue wf_generic_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = wf_type_of(obj);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    const char *s = ((WfStr *)name)->data;
    if (wf_type_find(t, s, &def, &gs)) {
        if (def) return wf_native_new(vm, def, obj);
        return gs->get(vm, obj);
    }
    if (strcmp(s, "__class__") == 0) return wf_ref(WF_OBJ(t));
    const WfMethodDef *w = slot_wrapper(t, s);
    if (w) return wf_native_new(vm, w, obj);
    return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, s);
}

int wf_generic_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    WfType *t = wf_type_of(obj);
    const WfMethodDef *def = NULL;
    const WfGetSetDef *gs = NULL;
    const char *s = ((WfStr *)name)->data;
    bool found = wf_type_find(t, s, &def, &gs);
    if (found && gs && gs->set) return gs->set(vm, obj, v);
    if (found && gs)
        wf_err_format(vm, &wf_exc_AttributeError, "attribute '%s' of '%s' objects is not writable", s,
                      t->name);
    else if (found && def)
        wf_err_format(vm, &wf_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                      t->name, s);
    else
        wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, s);
    return -1;
}

void wf_dealloc_simple(WfVM *vm, WfObject *o) { wf_obj_free(vm, o); }

/* ---- type ----------------------------------------------------------------- */

/* __module__ of a heap type ("__main__", ...), or NULL. */
static const char *heap_module(WfVM *vm, WfType *t) {
    if (!(t->flags & WF_TPFLAG_HEAPTYPE)) return t->module;
    if (!t->dict) return NULL;
    WfValue m = wf_dict_get_str(WF_OBJ(t->dict), wf_str_intern_cstr(vm, "__module__"));
    return wf_is_str(m) ? WF_STR(m)->data : NULL;
}

static const char *heap_qualname(WfVM *vm, WfType *t) {
    if (!(t->flags & WF_TPFLAG_HEAPTYPE) || !t->dict) return t->name;
    WfValue m = wf_dict_get_str(WF_OBJ(t->dict), wf_str_intern_cstr(vm, "__qualname__"));
    return wf_is_str(m) ? WF_STR(m)->data : t->name;
}

static WfValue type_repr(WfVM *vm, WfValue v) {
    WfType *t = (WfType *)v.u.o;
    const char *mod = heap_module(vm, t);
    if (mod && strcmp(mod, "builtins") != 0)
        return wf_str_printf(vm, "<class '%s.%s'>", mod, heap_qualname(vm, t));
    return wf_str_printf(vm, "<class '%s'>", t->name);
}

WfValue wf_default_repr(WfVM *vm, WfValue v) {
    WfType *t = wf_type_of(v);
    const char *mod = heap_module(vm, t);
    if (mod && strcmp(mod, "builtins") != 0)
        return wf_str_printf(vm, "<%s.%s object at %p>", mod, heap_qualname(vm, t), (void *)v.u.o);
    return wf_str_printf(vm, "<%s object at %p>", t->name, (void *)v.u.o);
}

static WfValue type_getattr(WfVM *vm, WfValue v, WfObject *name) {
    WfType *t = (WfType *)v.u.o;
    const char *s = ((WfStr *)name)->data;
    if (strcmp(s, "__class__") == 0) return wf_ref(WF_OBJ(v.u.o->type));
    if (t->flags & WF_TPFLAG_HEAPTYPE) {
        const WfMethodDef *def;
        const WfGetSetDef *gs;
        WfValue a = wf_class_lookup(vm, t, name, &def, &gs);
        if (!WF_IS_NULL(a)) {
            WfType *at = wf_type_of(a);
            if (at == &wf_type_staticmethod) return wf_ref(((WfWrapper *)a.u.o)->func);
            if (at == &wf_type_classmethod) return wf_method_new(vm, ((WfWrapper *)a.u.o)->func, v);
            return wf_ref(a);
        }
        if (strcmp(s, "__mro__") == 0) return wf_ref(WF_OBJ(t->mro));
        if (strcmp(s, "__bases__") == 0) return wf_ref(WF_OBJ(t->bases));
        if (strcmp(s, "__dict__") == 0) return wf_dict_copy(vm, WF_OBJ(t->dict));
        if (strcmp(s, "__name__") == 0) return wf_str_from_cstr(vm, t->name);
        if (strcmp(s, "__qualname__") == 0) return wf_str_from_cstr(vm, heap_qualname(vm, t));
        if (strcmp(s, "__doc__") == 0) return WF_NONE;
        if (def) {
            if (def->flags & WF_METH_CLASS) return wf_native_new(vm, def, v);
            WfValue f = wf_native_new(vm, def, WF_NULL);
            if (!WF_IS_NULL(f)) ((WfNative *)f.u.o)->owner = t->base;
            return f;
        }
    }
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0)
        return wf_str_from_cstr(vm, t->name);
    if (strcmp(s, "__mro__") == 0) {
        WfValue l = wf_list_new(vm, 4);
        if (WF_IS_NULL(l)) return l;
        for (WfType *b = t; b; b = b->base) wf_list_append(vm, l, WF_OBJ(b));
        WfValue tup = wf_tuple_from_array(vm, WF_LIST(l)->items, WF_LIST(l)->n);
        wf_decref(vm, l);
        return tup;
    }
    if (strcmp(s, "__bases__") == 0) return t->base ? wf_tuple_pack(vm, 1, WF_OBJ(t->base)) : wf_ref(vm->empty_tuple);
    if (strcmp(s, "__doc__") == 0) return t->doc ? wf_str_from_cstr(vm, t->doc) : WF_NONE;
    if (strcmp(s, "__base__") == 0) return t->base ? wf_ref(WF_OBJ(t->base)) : WF_NONE;
    if (strcmp(s, "__module__") == 0) return wf_str_from_cstr(vm, t->module ? t->module : "builtins");
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    if (wf_type_find(t, s, &def, &gs) && def) {
        if (def->flags & WF_METH_CLASS) return wf_native_new(vm, def, v);
        WfValue f = wf_native_new(vm, def, WF_NULL);
        if (!WF_IS_NULL(f)) ((WfNative *)f.u.o)->owner = t;
        return f;
    }
    if (wf_type_find(&wf_type_type, s, &def, &gs)) {
        if (def) return wf_native_new(vm, def, v);
        return gs->get(vm, v);
    }
    return wf_err_format(vm, &wf_exc_AttributeError, "type object '%s' has no attribute '%s'",
                         t->name, s);
}

/* type(x), and type(name, bases, ns, **kw) with type (or a metaclass
 * derived from it, whose __new__ reached here) making the class. */
static WfValue type_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                        WfObject *kwnames) {
    size_t nkw = kwnames ? WF_TUPLE(WF_OBJ(kwnames))->n : 0;
    if (type == &wf_type_type && nargs == 1 && !nkw) return wf_ref(WF_OBJ(wf_type_of(args[0])));
    if (nargs != 3) {
        if (type == &wf_type_type) return wf_err_format(vm, &wf_exc_TypeError, "type() takes 1 or 3 arguments");
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
    }
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                             wf_type_name(args[0]));
    if (!wf_is_tuple(args[1]))
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             wf_type_name(args[1]));
    if (!wf_is_dict(args[2]))
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             wf_type_name(args[2]));
    return wf_class_new_meta(vm, type, WF_STR(args[0])->data, args[1], args[2], kwnames, args + 3);
}

/* A value no attribute lookup treats specially: no __get__, __set__ or
 * __delete__, and never a method. */
static bool plain_data(WfValue v) {
    if (v.tag != WF_TAG_OBJ) return v.tag != WF_TAG_NULL;
    WfType *t = v.u.o->type;
    return t == &wf_type_str || t == &wf_type_tuple;
}

static int type_setattr(WfVM *vm, WfValue v, WfObject *name, WfValue value) {
    WfType *t = (WfType *)v.u.o;
    if (!(t->flags & WF_TPFLAG_HEAPTYPE)) {
        wf_err_format(vm, &wf_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                      ((WfStr *)name)->data, t->name);
        return -1;
    }
    const char *s = ((WfStr *)name)->data;
    size_t n = strlen(s);
    bool dunder = n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
    /* A class counter (`Shape.created += 1`) replaces plain data with
     * plain data under an existing name: no cached lookup can change
     * (the per-class caches re-read such values, class.c cache_entry), so
     * the epoch stays and every inline cache keeps its entries. */
    bool quiet = false;
    if (!dunder && plain_data(value)) {
        WfValue old = wf_dict_get_str(WF_OBJ(t->dict), name);
        quiet = !WF_IS_NULL(old) && plain_data(old);
    }
    uint64_t before = wf_dict_version_fast(WF_OBJ(t->dict));
    int rc;
    if (WF_IS_NULL(value)) rc = wf_dict_del(vm, WF_OBJ(t->dict), WF_OBJ(name));
    else rc = wf_dict_set(vm, WF_OBJ(t->dict), WF_OBJ(name), value);
    if (!quiet || wf_dict_version_fast(WF_OBJ(t->dict)) != before) {
        if (++vm->next_type_version == 0) ++vm->next_type_version;
        t->version = vm->next_type_version;
    }
    if (rc == 0 && dunder) wf_class_update_slots(vm, t);
    return rc;
}

static WfValue type_mro(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                        WfObject *kw) {
    if (wf_args_check(vm, "mro", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfType *t = (WfType *)self.u.o;
    if (t->mro) return wf_list_from_iterable(vm, WF_OBJ(t->mro));
    WfValue l = wf_list_new(vm, 4);
    if (WF_IS_NULL(l)) return l;
    for (WfType *b = t; b; b = b->base)
        if (wf_list_append(vm, l, WF_OBJ(b)) < 0) {
            wf_decref(vm, l);
            return WF_NULL;
        }
    return l;
}

/* type.__call__(cls, ...): what calling a class does, reached from a
 * metaclass's __call__ through super(). */
static WfValue type_m_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    WfType *t = (WfType *)self.u.o;
    if (t->flags & WF_TPFLAG_HEAPTYPE) return wf_class_instantiate(vm, t, args, nargs, kw);
    if (!t->new_) return wf_err_format(vm, &wf_exc_TypeError, "cannot create '%s' instances", t->name);
    return t->new_(vm, t, args, nargs, kw);
}

static WfValue type_m_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs != 1 && nargs != 3)
        return wf_err_format(vm, &wf_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return WF_NONE;
}

/* type.__new__(mcs, name, bases, ns, **kw): self is type. */
static WfValue type_m_new(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs < 1) return wf_err_format(vm, &wf_exc_TypeError, "type.__new__(): not enough arguments");
    if (!wf_is_type(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__(X): X is not a type object (%s)",
                             wf_type_name(args[0]));
    WfType *mt = (WfType *)args[0].u.o;
    if (!wf_type_is_subtype(mt, &wf_type_type))
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__(%s): %s is not a subtype of type", mt->name,
                             mt->name);
    size_t nkw = kw ? WF_TUPLE(WF_OBJ(kw))->n : 0;
    if (nargs - 1 != 3 && !(mt == &wf_type_type && nargs == 2 && !nkw))
        return wf_err_format(vm, &wf_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs - 1);
    return type_new(vm, mt, args + 1, nargs - 1, kw);
}

static WfValue type_m_prepare(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_dict_new(vm);
}

static const WfMethodDef type_methods[] = {
    {"mro", type_mro, "the method resolution order as a list"},
    {"__call__", type_m_call, "Call self as a function."},
    {"__init__", type_m_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__new__", type_m_new, "Create and return a new object.  See help(type) for accurate signature.",
     WF_METH_CLASS},
    {"__prepare__", type_m_prepare, "__prepare__() -> dict\nused to create the namespace for the class statement",
     WF_METH_CLASS},
    {NULL, NULL, NULL}};

static int type_hash(WfVM *vm, WfValue v, int64_t *out) {
    *out = (int64_t)((uintptr_t)v.u.o >> 4);
    return 0;
}

WfType wf_type_type = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "type",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_TYPE | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfHeapType),
    .dealloc = wf_heap_type_dealloc,
    .traverse = wf_heap_type_traverse,
    .clear = wf_heap_type_clear,
    .repr = type_repr,
    .hash = type_hash,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .new_ = type_new,
    .methods = type_methods,
};

/* ---- object --------------------------------------------------------------- */

static WfValue object_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                          WfObject *kwnames) {
    if (nargs || kwnames)
        return wf_err_format(vm, &wf_exc_TypeError, "object() takes no arguments");
    WfObject *o = wf_obj_alloc(vm, type, sizeof(WfObject));
    return o ? WF_OBJ(o) : WF_NULL;
}

WfType wf_type_object = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "object",
    .flags = WF_TPFLAG_BASETYPE,
    .size = sizeof(WfObject),
    .dealloc = wf_dealloc_simple,
    .new_ = object_new,
    .methods = wf_object_methods,
};

/* ---- None, NotImplemented, Ellipsis ---------------------------------------- */

static WfValue none_repr(WfVM *vm, WfValue v) { return wf_str_from_cstr(vm, "None"); }
static int none_truth(WfVM *vm, WfValue v) { return 0; }
static WfValue none_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                        WfObject *kwnames) {
    if (nargs || kwnames) return wf_err_format(vm, &wf_exc_TypeError, "NoneType takes no arguments");
    return WF_NONE;
}
WfType wf_type_none = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "NoneType",
    .base = &wf_type_object,
    .repr = none_repr,
    .truth = none_truth,
    .new_ = none_new,
};

static WfValue notimpl_repr(WfVM *vm, WfValue v) { return wf_str_from_cstr(vm, "NotImplemented"); }
WfType wf_type_notimpl = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "NotImplementedType",
    .base = &wf_type_object,
    .repr = notimpl_repr,
};
WfObject wf_notimpl_obj = WF_STATIC_OBJECT_HEAD(&wf_type_notimpl);

static WfValue ellipsis_repr(WfVM *vm, WfValue v) { return wf_str_from_cstr(vm, "Ellipsis"); }
WfType wf_type_ellipsis = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "ellipsis",
    .base = &wf_type_object,
    .repr = ellipsis_repr,
};
WfObject wf_ellipsis_obj = WF_STATIC_OBJECT_HEAD(&wf_type_ellipsis);

/* ---- the old sequence protocol ---------------------------------------------- */

typedef struct SeqIter {
    WfObject ob;
    WfValue seq;
    int64_t i;
} SeqIter;

static void seqiter_dealloc(WfVM *vm, WfObject *o) {
    wf_decref(vm, ((SeqIter *)o)->seq);
    wf_obj_free(vm, o);
}
static void seqiter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    SeqIter *s = (SeqIter *)o;
    if (WF_IS_OBJ(s->seq)) visit(s->seq.u.o, arg);
}
static void seqiter_clear(WfVM *vm, WfObject *o) {
    SeqIter *s = (SeqIter *)o;
    WfValue v = s->seq;
    s->seq = WF_NULL;
    wf_decref(vm, v);
}
static WfValue seqiter_iter(WfVM *vm, WfValue v) { return wf_ref(v); }
static WfValue seqiter_next(WfVM *vm, WfValue v) {
    SeqIter *s = (SeqIter *)v.u.o;
    if (WF_IS_NULL(s->seq)) return WF_NULL;
    WfValue r = wf_getitem(vm, s->seq, WF_INT(s->i));
    if (WF_IS_NULL(r)) {
        if (wf_err_matches(vm, &wf_exc_IndexError) || wf_err_matches(vm, &wf_exc_StopIteration)) {
            wf_err_clear(vm);
            seqiter_clear(vm, v.u.o);
        }
        return WF_NULL;
    }
    s->i++;
    return r;
}
static WfType seqiter_type = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "iterator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .traverse = seqiter_traverse,
    .clear = seqiter_clear,
    .iter = seqiter_iter,
    .iternext = seqiter_next,
};

WfValue wf_seq_iter_new(WfVM *vm, WfValue obj) {
    SeqIter *s = (SeqIter *)wf_obj_alloc(vm, &seqiter_type, sizeof(SeqIter));
    if (!s) return WF_NULL;
    s->seq = wf_ref(obj);
    return WF_OBJ(s);
}

/* type.c: the type type, object, NoneType, NotImplemented, Ellipsis, the
 * generic attribute protocol and the sequence iterator. Built-in types are
 * static and immortal; their attributes come from their methods and getsets
 * tables, searched along the base chain. */
#include <string.h>
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
    return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, s);
}

int wf_generic_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    WfType *t = wf_type_of(obj);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    const char *s = ((WfStr *)name)->data;
    if (wf_type_find(t, s, &def, &gs) && gs && gs->set) return gs->set(vm, obj, v);
    if (wf_type_find(t, s, &def, &gs))
        wf_err_format(vm, &wf_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                      t->name, s);
    else
        wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, s);
    return -1;
}

void wf_dealloc_simple(WfVM *vm, WfObject *o) { wf_obj_free(vm, o); }

/* ---- type ----------------------------------------------------------------- */

static WfValue type_repr(WfVM *vm, WfValue v) {
    return wf_str_printf(vm, "<class '%s'>", ((WfType *)v.u.o)->name);
}

static WfValue type_getattr(WfVM *vm, WfValue v, WfObject *name) {
    WfType *t = (WfType *)v.u.o;
    const char *s = ((WfStr *)name)->data;
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0)
        return wf_str_from_cstr(vm, t->name);
    if (strcmp(s, "__doc__") == 0) return t->doc ? wf_str_from_cstr(vm, t->doc) : WF_NONE;
    if (strcmp(s, "__base__") == 0) return t->base ? wf_ref(WF_OBJ(t->base)) : WF_NONE;
    if (strcmp(s, "__module__") == 0) return wf_str_from_cstr(vm, "builtins");
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    if (wf_type_find(t, s, &def, &gs) && def) {
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

static WfValue type_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                        WfObject *kwnames) {
    if (nargs == 1 && !kwnames) return wf_ref(WF_OBJ(wf_type_of(args[0])));
    return wf_err_format(vm, &wf_exc_TypeError, "type() takes 1 or 3 arguments");
}

static WfValue type_mro(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                        WfObject *kw) {
    if (wf_args_check(vm, "mro", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfValue l = wf_list_new(vm, 4);
    if (WF_IS_NULL(l)) return l;
    for (WfType *b = (WfType *)self.u.o; b; b = b->base)
        if (wf_list_append(vm, l, WF_OBJ(b)) < 0) {
            wf_decref(vm, l);
            return WF_NULL;
        }
    return l;
}

static const WfMethodDef type_methods[] = {
    {"mro", type_mro, "the method resolution order as a list"},
    {NULL, NULL, NULL}};

static int type_hash(WfVM *vm, WfValue v, int64_t *out) {
    *out = (int64_t)((uintptr_t)v.u.o >> 4);
    return 0;
}

WfType wf_type_type = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "type",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_TYPE,
    .size = sizeof(WfType),
    .repr = type_repr,
    .hash = type_hash,
    .getattr = type_getattr,
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

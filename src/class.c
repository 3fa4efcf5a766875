/* class.c: classes made by `class` statements (heap types). A heap type is
 * a WfType like the built-in ones: its slots are copied from its solid base
 * and, for each special method the class (or a heap class in its MRO)
 * defines, replaced by a trampoline that calls that method, so `a + b`,
 * `len(x)` and `repr(x)` take the same path for built-in and user types.
 * Also: C3 linearisation, instance attributes (instance dict at
 * type->dictoffset), descriptors (functions, staticmethod, classmethod,
 * property), super(), and __build_class__. */
#include <string.h>
#include "class.h"
#include "dict.h"
#include "func.h"
#include "interp.h"
#include "type.h"

/* ---- lookup along the MRO --------------------------------------------------------- */

WfValue wf_class_lookup(WfVM *vm, WfType *t, WfObject *name, const WfMethodDef **def, const WfGetSetDef **gs) {
    *def = NULL;
    *gs = NULL;
    if (!t->mro) {
        if (wf_type_find(t, ((WfStr *)name)->data, def, gs)) return WF_NULL;
        return WF_NULL;
    }
    WfTuple *m = (WfTuple *)t->mro;
    for (size_t i = 0; i < m->n; i++) {
        WfType *b = (WfType *)m->items[i].u.o;
        if (b->dict) {
            WfValue v = wf_dict_get_str(WF_OBJ(b->dict), name);
            if (!WF_IS_NULL(v)) return v;
        } else {
            const WfMethodDef *md;
            const WfGetSetDef *g;
            /* Static bases: search only their own tables, the MRO visits
             * their bases in turn. */
            if (b->methods)
                for (md = b->methods; md->name; md++)
                    if (strcmp(md->name, ((WfStr *)name)->data) == 0) {
                        *def = md;
                        return WF_NULL;
                    }
            if (b->getsets)
                for (g = b->getsets; g->name; g++)
                    if (strcmp(g->name, ((WfStr *)name)->data) == 0) {
                        *gs = g;
                        return WF_NULL;
                    }
        }
    }
    (void)vm;
    return WF_NULL;
}

static WfValue *instance_dict_ptr(WfValue obj) {
    WfType *t = wf_type_of(obj);
    if (!t->dictoffset || !WF_IS_OBJ(obj)) return NULL;
    return (WfValue *)((char *)obj.u.o + t->dictoffset);
}

/* Binds a class attribute found for instance obj (descriptor protocol for
 * the descriptor kinds weft has). */
static WfValue bind(WfVM *vm, WfValue attr, WfValue obj, WfType *owner) {
    WfType *at = wf_type_of(attr);
    if (at == &wf_type_function) return wf_method_new(vm, attr, obj);
    if (at == &wf_type_staticmethod) return wf_ref(((WfWrapper *)attr.u.o)->func);
    if (at == &wf_type_classmethod) return wf_method_new(vm, ((WfWrapper *)attr.u.o)->func, WF_OBJ(owner));
    if (at == &wf_type_property) {
        WfProperty *p = (WfProperty *)attr.u.o;
        if (WF_IS_NULL(p->fget) || WF_IS_NONE(p->fget))
            return wf_err_format(vm, &wf_exc_AttributeError, "property object has no getter");
        return wf_call1(vm, p->fget, obj);
    }
    return wf_ref(attr);
}

static WfValue no_attr(WfVM *vm, WfType *t, WfObject *name) {
    return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                         ((WfStr *)name)->data);
}

static WfValue call_getattr_hook(WfVM *vm, WfValue obj, WfObject *name);

WfValue wf_instance_getattr(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = wf_type_of(obj);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue attr = wf_class_lookup(vm, t, name, &def, &gs);
    if (gs) return gs->get(vm, obj);
    if (!WF_IS_NULL(attr) && wf_type_of(attr) == &wf_type_property) return bind(vm, attr, obj, t);
    WfValue *dp = instance_dict_ptr(obj);
    if (dp && !WF_IS_NULL(*dp)) {
        WfValue v = wf_dict_get_str(*dp, name);
        if (!WF_IS_NULL(v)) return wf_ref(v);
    }
    if (!WF_IS_NULL(attr)) return bind(vm, attr, obj, t);
    if (def) return wf_native_new(vm, def, obj);
    const char *s = ((WfStr *)name)->data;
    if (strcmp(s, "__class__") == 0) return wf_ref(WF_OBJ(t));
    if (strcmp(s, "__dict__") == 0 && dp) {
        if (WF_IS_NULL(*dp)) {
            *dp = wf_dict_new(vm);
            if (WF_IS_NULL(*dp)) return WF_NULL;
        }
        return wf_ref(*dp);
    }
    return call_getattr_hook(vm, obj, name);
}

static WfValue call_getattr_hook(WfVM *vm, WfValue obj, WfObject *name) {
    WfType *t = wf_type_of(obj);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue hook = wf_class_lookup(vm, t, wf_str_intern_cstr(vm, "__getattr__"), &def, &gs);
    if (WF_IS_NULL(hook)) return no_attr(vm, t, name);
    WfValue args[2] = {obj, WF_OBJ(name)};
    return wf_call(vm, hook, args, 2, NULL);
}

int wf_instance_setattr_plain(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    WfType *t = wf_type_of(obj);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue attr = wf_class_lookup(vm, t, name, &def, &gs);
    if (gs) {
        if (!gs->set) {
            wf_err_format(vm, &wf_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                          ((WfStr *)name)->data, t->name);
            return -1;
        }
        return gs->set(vm, obj, v);
    }
    if (!WF_IS_NULL(attr) && wf_type_of(attr) == &wf_type_property) {
        WfProperty *p = (WfProperty *)attr.u.o;
        WfValue f = WF_IS_NULL(v) ? p->fdel : p->fset;
        if (WF_IS_NULL(f) || WF_IS_NONE(f)) {
            wf_err_format(vm, &wf_exc_AttributeError, WF_IS_NULL(v) ? "can't delete attribute '%s'" : "can't set attribute '%s'",
                          ((WfStr *)name)->data);
            return -1;
        }
        WfValue args[2] = {obj, v};
        WfValue r = wf_call(vm, f, args, WF_IS_NULL(v) ? 1 : 2, NULL);
        if (WF_IS_NULL(r)) return -1;
        wf_decref(vm, r);
        return 0;
    }
    WfValue *dp = instance_dict_ptr(obj);
    if (!dp) {
        wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, ((WfStr *)name)->data);
        return -1;
    }
    if (WF_IS_NULL(*dp)) {
        if (WF_IS_NULL(v)) {
            wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                          ((WfStr *)name)->data);
            return -1;
        }
        *dp = wf_dict_new(vm);
        if (WF_IS_NULL(*dp)) return -1;
    }
    if (WF_IS_NULL(v)) {
        int rc = wf_dict_del(vm, *dp, WF_OBJ(name));
        if (rc < 0 && wf_err_matches(vm, &wf_exc_KeyError)) {
            wf_err_clear(vm);
            wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                          ((WfStr *)name)->data);
        }
        return rc;
    }
    return wf_dict_set(vm, *dp, WF_OBJ(name), v);
}

/* ---- special-method trampolines ------------------------------------------------------- */

/* Calls the special method `name` of type(self) with self and args; sets
 * *found false (no error) when the class has none. */
static WfValue call_special(WfVM *vm, WfValue self, const char *name, const WfValue *args, size_t nargs, bool *found) {
    WfType *t = wf_type_of(self);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfObject *n = wf_str_intern_cstr(vm, name);
    if (!n) return WF_NULL;
    WfValue m = wf_class_lookup(vm, t, n, &def, &gs);
    if (found) *found = true;
    WfValue buf[4];
    if (!WF_IS_NULL(m)) {
        WfType *mt = wf_type_of(m);
        if (mt == &wf_type_function) {
            buf[0] = self;
            for (size_t i = 0; i < nargs; i++) buf[i + 1] = args[i];
            return wf_call(vm, m, buf, nargs + 1, NULL);
        }
        WfValue b = bind(vm, m, self, t);
        if (WF_IS_NULL(b)) return b;
        WfValue r = wf_call(vm, b, args, nargs, NULL);
        wf_decref(vm, b);
        return r;
    }
    if (def) return def->fn(vm, self, args, nargs, NULL);
    if (found) {
        *found = false;
        return WF_NULL;
    }
    return wf_err_format(vm, &wf_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name);
}

static WfValue slot_repr(WfVM *vm, WfValue v) {
    WfValue r = call_special(vm, v, "__repr__", NULL, 0, NULL);
    if (!WF_IS_NULL(r) && !wf_is_str(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "__repr__ returned non-string (type %s)", wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static WfValue slot_str(WfVM *vm, WfValue v) {
    WfValue r = call_special(vm, v, "__str__", NULL, 0, NULL);
    if (!WF_IS_NULL(r) && !wf_is_str(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "__str__ returned non-string (type %s)", wf_type_name(r));
        wf_decref(vm, r);
        return WF_NULL;
    }
    return r;
}
static int slot_hash(WfVM *vm, WfValue v, int64_t *out) {
    WfValue r = call_special(vm, v, "__hash__", NULL, 0, NULL);
    if (WF_IS_NULL(r)) return -1;
    if (!wf_is_int(r)) {
        wf_decref(vm, r);
        wf_err_format(vm, &wf_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int rc = wf_hash(vm, r, out);
    wf_decref(vm, r);
    return rc;
}
static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static WfValue slot_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    bool found;
    WfValue r = call_special(vm, a, cmp_names[op], &b, 1, &found);
    if (!found) {
        if (op == WF_CMP_NE) {
            /* Default __ne__ inverts __eq__. */
            WfValue eq = call_special(vm, a, "__eq__", &b, 1, &found);
            if (!found) return WF_NOTIMPL;
            if (WF_IS_NULL(eq) || WF_IS_NOTIMPL(eq)) return eq;
            int t = wf_truthy(vm, eq);
            wf_decref(vm, eq);
            if (t < 0) return WF_NULL;
            return WF_BOOL(!t);
        }
        return WF_NOTIMPL;
    }
    return r;
}
static WfValue slot_getattr_missing(WfVM *vm, WfValue obj, WfObject *name) { return wf_instance_getattr(vm, obj, name); }
static int slot_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v) {
    bool found;
    WfValue r;
    if (WF_IS_NULL(v)) {
        WfValue n = WF_OBJ(name);
        r = call_special(vm, obj, "__delattr__", &n, 1, &found);
    } else {
        WfValue args[2] = {WF_OBJ(name), v};
        r = call_special(vm, obj, "__setattr__", args, 2, &found);
    }
    if (!found) return wf_instance_setattr_plain(vm, obj, name, v);
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}
static WfValue slot_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    WfType *t = wf_type_of(self);
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue m = wf_class_lookup(vm, t, wf_str_intern_cstr(vm, "__call__"), &def, &gs);
    if (WF_IS_NULL(m)) return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not callable", t->name);
    WfValue b = bind(vm, m, self, t);
    if (WF_IS_NULL(b)) return b;
    WfValue r = wf_call(vm, b, args, nargs, kw);
    wf_decref(vm, b);
    return r;
}
static WfValue slot_iter(WfVM *vm, WfValue v) { return call_special(vm, v, "__iter__", NULL, 0, NULL); }
static WfValue slot_iternext(WfVM *vm, WfValue v) {
    WfValue r = call_special(vm, v, "__next__", NULL, 0, NULL);
    if (WF_IS_NULL(r) && wf_err_matches(vm, &wf_exc_StopIteration)) wf_err_clear(vm);
    return r;
}
static int64_t slot_len(WfVM *vm, WfValue v) {
    WfValue r = call_special(vm, v, "__len__", NULL, 0, NULL);
    if (WF_IS_NULL(r)) return -1;
    int64_t n;
    if (!wf_is_int(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", wf_type_name(r));
        wf_decref(vm, r);
        return -1;
    }
    int rc = wf_index(vm, r, NULL, &n);
    wf_decref(vm, r);
    if (rc < 0) return -1;
    if (n < 0) {
        wf_err_format(vm, &wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}
static WfValue slot_getitem(WfVM *vm, WfValue o, WfValue k) { return call_special(vm, o, "__getitem__", &k, 1, NULL); }
static int slot_setitem(WfVM *vm, WfValue o, WfValue k, WfValue v) {
    WfValue r;
    if (WF_IS_NULL(v)) {
        r = call_special(vm, o, "__delitem__", &k, 1, NULL);
    } else {
        WfValue args[2] = {k, v};
        r = call_special(vm, o, "__setitem__", args, 2, NULL);
    }
    if (WF_IS_NULL(r)) return -1;
    wf_decref(vm, r);
    return 0;
}
static int slot_contains(WfVM *vm, WfValue o, WfValue item) {
    bool found;
    WfValue r = call_special(vm, o, "__contains__", &item, 1, &found);
    if (!found) {
        /* No __contains__: iterate, as CPython does. */
        WfValue it = wf_iter(vm, o);
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
    if (WF_IS_NULL(r)) return -1;
    int t = wf_truthy(vm, r);
    wf_decref(vm, r);
    return t;
}
static int slot_truth(WfVM *vm, WfValue v) {
    bool found;
    WfValue r = call_special(vm, v, "__bool__", NULL, 0, &found);
    if (found) {
        if (WF_IS_NULL(r)) return -1;
        if (r.tag != WF_TAG_BOOL) {
            wf_err_format(vm, &wf_exc_TypeError, "__bool__ should return bool, returned %s", wf_type_name(r));
            wf_decref(vm, r);
            return -1;
        }
        return (int)r.u.i;
    }
    WfType *t = wf_type_of(v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}
static WfValue slot_neg(WfVM *vm, WfValue v) { return call_special(vm, v, "__neg__", NULL, 0, NULL); }
static WfValue slot_pos(WfVM *vm, WfValue v) { return call_special(vm, v, "__pos__", NULL, 0, NULL); }
static WfValue slot_abs(WfVM *vm, WfValue v) { return call_special(vm, v, "__abs__", NULL, 0, NULL); }
static WfValue slot_invert(WfVM *vm, WfValue v) { return call_special(vm, v, "__invert__", NULL, 0, NULL); }
static WfValue slot_index(WfVM *vm, WfValue v) { return call_special(vm, v, "__index__", NULL, 0, NULL); }

static const char *const bin_names[WF_BIN_COUNT][3] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},          {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"}, {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},             {"__xor__", "__rxor__", "__ixor__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}};

static bool has_special(WfVM *vm, WfType *t, const char *name) {
    if (!(t->flags & WF_TPFLAG_HEAPTYPE)) return false;
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue m = wf_class_lookup(vm, t, wf_str_intern_cstr(vm, name), &def, &gs);
    return !WF_IS_NULL(m);
}

/* CPython's SLOT1BINFULL: the left operand's method, then the right's
 * reflected one (first when the right is a subclass that overrides it). */
static WfValue slot_binop(WfVM *vm, int op, WfValue a, WfValue b) {
    WfType *ta = wf_type_of(a), *tb = wf_type_of(b);
    const char *name = bin_names[op][0], *rname = bin_names[op][1];
    bool a_has = has_special(vm, ta, name);
    bool b_has = ta != tb && has_special(vm, tb, rname);
    bool found;
    if (a_has && b_has && wf_type_is_subtype(tb, ta)) {
        WfValue r = call_special(vm, b, rname, &a, 1, &found);
        if (!WF_IS_NOTIMPL(r)) return r;
        b_has = false;
    }
    if (a_has) {
        WfValue r = call_special(vm, a, name, &b, 1, &found);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    if (b_has) {
        WfValue r = call_special(vm, b, rname, &a, 1, &found);
        if (!WF_IS_NOTIMPL(r)) return r;
    }
    /* Fall back to a built-in base's slot (class MyInt(int)). */
    if ((ta->flags & WF_TPFLAG_HEAPTYPE) && ta->base && ta->base->binop[op] && ta->base->binop[op] != ta->binop[op])
        return ta->base->binop[op](vm, a, b);
    if ((tb->flags & WF_TPFLAG_HEAPTYPE) && tb->base && tb->base->binop[op] && tb->base->binop[op] != tb->binop[op])
        return tb->base->binop[op](vm, a, b);
    return WF_NOTIMPL;
}
static WfValue slot_inplace(WfVM *vm, int op, WfValue a, WfValue b) {
    bool found;
    WfValue r = call_special(vm, a, bin_names[op][2], &b, 1, &found);
    if (!found) return WF_NOTIMPL;
    return r;
}

#define BIN_SLOTS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
#define DEF_BIN(n)                                                                                   \
    static WfValue slot_bin_##n(WfVM *vm, WfValue a, WfValue b) { return slot_binop(vm, n, a, b); } \
    static WfValue slot_inp_##n(WfVM *vm, WfValue a, WfValue b) { return slot_inplace(vm, n, a, b); }
BIN_SLOTS(DEF_BIN)
#define REF_BIN(n) slot_bin_##n,
#define REF_INP(n) slot_inp_##n,
static const WfBinaryFn bin_slots[WF_BIN_COUNT] = {BIN_SLOTS(REF_BIN)};
static const WfBinaryFn inp_slots[WF_BIN_COUNT] = {BIN_SLOTS(REF_INP)};

/* Fills t's slots: inherited from the solid base, then a trampoline for
 * every special method found in a heap class of the MRO. */
static void fixup_slots(WfVM *vm, WfType *t) {
#define HAS(n) has_special(vm, t, n)
    if (HAS("__repr__")) t->repr = slot_repr;
    if (HAS("__str__")) t->str = slot_str;
    bool eq = HAS("__eq__");
    if (HAS("__hash__")) {
        WfValue h = wf_class_lookup(vm, t, wf_str_intern_cstr(vm, "__hash__"), &(const WfMethodDef *){0},
                                    &(const WfGetSetDef *){0});
        if (WF_IS_NONE(h)) {
            t->hash = NULL;
            t->flags |= WF_TPFLAG_UNHASHABLE;
        } else {
            t->hash = slot_hash;
            t->flags &= ~(uint32_t)WF_TPFLAG_UNHASHABLE;
        }
    } else if (eq) {
        WfValue own = t->dict ? wf_dict_get_str(WF_OBJ(t->dict), wf_str_intern_cstr(vm, "__eq__")) : WF_NULL;
        if (!WF_IS_NULL(own)) {
            /* Defining __eq__ without __hash__ makes a class unhashable. */
            t->hash = NULL;
            t->flags |= WF_TPFLAG_UNHASHABLE;
        }
    }
    if (eq || HAS("__ne__") || HAS("__lt__") || HAS("__le__") || HAS("__gt__") || HAS("__ge__"))
        t->richcmp = slot_richcmp;
    if (HAS("__getattr__") || HAS("__getattribute__")) t->getattr = slot_getattr_missing;
    if (HAS("__setattr__") || HAS("__delattr__")) t->setattr = slot_setattr;
    if (HAS("__call__")) t->call = slot_call;
    if (HAS("__iter__")) t->iter = slot_iter;
    if (HAS("__next__")) t->iternext = slot_iternext;
    if (HAS("__len__")) t->len = slot_len;
    if (HAS("__getitem__")) t->getitem = slot_getitem;
    if (HAS("__setitem__") || HAS("__delitem__")) t->setitem = slot_setitem;
    if (HAS("__contains__")) t->contains = slot_contains;
    if (HAS("__bool__") || HAS("__len__")) t->truth = slot_truth;
    if (HAS("__neg__")) t->neg = slot_neg;
    if (HAS("__pos__")) t->pos = slot_pos;
    if (HAS("__abs__")) t->abs = slot_abs;
    if (HAS("__invert__")) t->invert = slot_invert;
    if (HAS("__index__")) t->index = slot_index;
    for (int op = 0; op < WF_BIN_COUNT; op++) {
        if (HAS(bin_names[op][0]) || HAS(bin_names[op][1])) t->binop[op] = bin_slots[op];
        if (HAS(bin_names[op][2])) t->inplace[op] = inp_slots[op];
    }
#undef HAS
}

/* ---- heap type objects --------------------------------------------------------------- */

static void heap_instance_dealloc(WfVM *vm, WfObject *o) {
    WfType *t = o->type;
    if (t->dictoffset) {
        WfValue *dp = (WfValue *)((char *)o + t->dictoffset);
        WfValue d = *dp;
        *dp = WF_NULL;
        wf_decref(vm, d);
    }
    WfType *b = t->base;
    while (b && (b->flags & WF_TPFLAG_HEAPTYPE)) b = b->base;
    if (b && b->dealloc && b != &wf_type_object) b->dealloc(vm, o);
    else wf_obj_free(vm, o);
}

static void heap_instance_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfType *t = o->type;
    if (t->dictoffset) {
        WfValue *dp = (WfValue *)((char *)o + t->dictoffset);
        if (WF_IS_OBJ(*dp)) visit(dp->u.o, arg);
    }
    visit(&t->ob, arg);
    WfType *b = t->base;
    while (b && (b->flags & WF_TPFLAG_HEAPTYPE)) b = b->base;
    if (b && b->traverse) b->traverse(o, visit, arg);
}

static void heap_instance_clear(WfVM *vm, WfObject *o) {
    WfType *t = o->type;
    if (t->dictoffset) {
        WfValue *dp = (WfValue *)((char *)o + t->dictoffset);
        WfValue d = *dp;
        *dp = WF_NULL;
        wf_decref(vm, d);
    }
    WfType *b = t->base;
    while (b && (b->flags & WF_TPFLAG_HEAPTYPE)) b = b->base;
    if (b && b->clear) b->clear(vm, o);
}

/* Calling a class: __new__ then __init__. */
static WfValue heap_type_call(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kwnames) {
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    WfValue newm = wf_class_lookup(vm, type, wf_str_intern_cstr(vm, "__new__"), &def, &gs);
    WfValue self;
    size_t nkw = kwnames ? ((WfTuple *)kwnames)->n : 0;
    WfValue initm = wf_class_lookup(vm, type, wf_str_intern_cstr(vm, "__init__"), &def, &gs);
    bool has_init = !WF_IS_NULL(initm);
    if (!WF_IS_NULL(newm)) {
        WfValue fn = wf_type_of(newm) == &wf_type_staticmethod ? ((WfWrapper *)newm.u.o)->func : newm;
        WfValue buf[16];
        WfValue *b = nargs + nkw + 1 <= 16 ? buf : wf_mem_alloc(vm, sizeof(WfValue) * (nargs + nkw + 1));
        if (!b) return WF_NULL;
        b[0] = WF_OBJ(type);
        memcpy(b + 1, args, sizeof(WfValue) * (nargs + nkw));
        self = wf_call(vm, fn, b, nargs + 1, kwnames);
        if (b != buf) wf_mem_free(vm, b);
        if (WF_IS_NULL(self)) return self;
        if (!wf_isinstance(self, type)) return self;
    } else {
        WfType *base = type->base;
        while (base && (base->flags & WF_TPFLAG_HEAPTYPE)) base = base->base;
        if (!base || base == &wf_type_object) {
            if (!has_init && (nargs || nkw))
                return wf_err_format(vm, &wf_exc_TypeError, "%s() takes no arguments", type->name);
            WfObject *o = wf_obj_alloc(vm, type, type->size);
            if (!o) return WF_NULL;
            self = WF_OBJ(o);
        } else {
            /* A built-in base allocates the instance (sized for the class)
             * and takes the arguments, as its __new__ would. */
            /* Exceptions keep the constructor arguments as .args even when
             * the class defines __init__ (BaseException.__new__ does). */
            bool pass = !has_init || (base->flags & WF_TPFLAG_EXC);
            self = base->new_(vm, type, pass ? args : NULL, pass ? nargs : 0, pass ? kwnames : NULL);
            if (WF_IS_NULL(self)) return self;
        }
    }
    if (has_init) {
        WfValue r;
        if (wf_type_of(initm) == &wf_type_function) {
            WfValue buf[16];
            WfValue *b = nargs + nkw + 1 <= 16 ? buf : wf_mem_alloc(vm, sizeof(WfValue) * (nargs + nkw + 1));
            if (!b) {
                wf_decref(vm, self);
                return WF_NULL;
            }
            b[0] = self;
            memcpy(b + 1, args, sizeof(WfValue) * (nargs + nkw));
            r = wf_call(vm, initm, b, nargs + 1, kwnames);
            if (b != buf) wf_mem_free(vm, b);
        } else {
            WfValue bm = bind(vm, initm, self, type);
            r = WF_IS_NULL(bm) ? bm : wf_call(vm, bm, args, nargs, kwnames);
            wf_decref(vm, bm);
        }
        if (WF_IS_NULL(r)) {
            wf_decref(vm, self);
            return r;
        }
        if (!WF_IS_NONE(r)) {
            wf_err_format(vm, &wf_exc_TypeError, "__init__() should return None, not '%s'", wf_type_name(r));
            wf_decref(vm, r);
            wf_decref(vm, self);
            return WF_NULL;
        }
    } else if (def && (nargs || nkw) && WF_IS_NULL(newm)) {
        /* A built-in base's __init__ (e.g. Exception) took the args in new_. */
    }
    return self;
}

/* C3 linearisation of bases into an MRO tuple starting with t. */
static WfValue c3_mro(WfVM *vm, WfType *t, WfTuple *bases) {
    size_t nb = bases->n;
    /* Sequences to merge: each base's MRO, then the list of bases. */
    WfValue *seqs = wf_mem_alloc(vm, sizeof(WfValue) * (nb + 1));
    size_t *pos = wf_mem_alloc(vm, sizeof(size_t) * (nb + 1));
    if (!seqs || !pos) {
        wf_mem_free(vm, seqs);
        wf_mem_free(vm, pos);
        return WF_NULL;
    }
    WfValue result = wf_list_new(vm, 8);
    if (WF_IS_NULL(result)) goto fail0;
    wf_list_append(vm, result, WF_OBJ(t));
    for (size_t i = 0; i < nb; i++) {
        WfType *b = (WfType *)bases->items[i].u.o;
        if (b->mro) {
            seqs[i] = wf_ref(WF_OBJ(b->mro));
        } else {
            WfValue l = wf_list_new(vm, 4);
            for (WfType *x = b; x; x = x->base) wf_list_append(vm, l, WF_OBJ(x));
            seqs[i] = wf_tuple_from_array(vm, WF_LIST(l)->items, WF_LIST(l)->n);
            wf_decref(vm, l);
        }
        pos[i] = 0;
    }
    seqs[nb] = wf_tuple_from_array(vm, bases->items, nb);
    pos[nb] = 0;
    for (;;) {
        bool empty = true;
        WfObject *cand = NULL;
        for (size_t i = 0; i <= nb && !cand; i++) {
            WfTuple *s = WF_TUPLE(seqs[i]);
            if (pos[i] >= s->n) continue;
            empty = false;
            WfObject *head = s->items[pos[i]].u.o;
            bool in_tail = false;
            for (size_t j = 0; j <= nb && !in_tail; j++) {
                WfTuple *s2 = WF_TUPLE(seqs[j]);
                for (size_t k = pos[j] + 1; k < s2->n; k++)
                    if (s2->items[k].u.o == head) {
                        in_tail = true;
                        break;
                    }
            }
            if (!in_tail) cand = head;
        }
        if (empty) break;
        if (!cand) {
            WfBuf b;
            wf_buf_init(&b);
            wf_buf_puts(vm, &b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            for (size_t i = 0; i < nb; i++) {
                if (i) wf_buf_puts(vm, &b, ", ");
                wf_buf_puts(vm, &b, ((WfType *)bases->items[i].u.o)->name);
            }
            WfValue msg = wf_buf_finish(vm, &b);
            if (!WF_IS_NULL(msg)) {
                wf_err_set_value(vm, &wf_exc_TypeError, msg);
                wf_decref(vm, msg);
            }
            goto fail;
        }
        wf_list_append(vm, result, WF_OBJ(cand));
        for (size_t i = 0; i <= nb; i++) {
            WfTuple *s = WF_TUPLE(seqs[i]);
            if (pos[i] < s->n && s->items[pos[i]].u.o == cand) pos[i]++;
        }
    }
    for (size_t i = 0; i <= nb; i++) wf_decref(vm, seqs[i]);
    wf_mem_free(vm, seqs);
    wf_mem_free(vm, pos);
    WfValue tup = wf_tuple_from_array(vm, WF_LIST(result)->items, WF_LIST(result)->n);
    wf_decref(vm, result);
    return tup;
fail:
    for (size_t i = 0; i <= nb; i++) wf_decref(vm, seqs[i]);
    wf_decref(vm, result);
fail0:
    wf_mem_free(vm, seqs);
    wf_mem_free(vm, pos);
    return WF_NULL;
}

WfValue wf_class_new(WfVM *vm, const char *name, WfValue bases, WfValue ns) {
    WfTuple *bt = WF_TUPLE(bases);
    WfValue own_bases;
    if (bt->n == 0) {
        own_bases = wf_tuple_pack(vm, 1, WF_OBJ(&wf_type_object));
    } else {
        own_bases = wf_ref(bases);
    }
    if (WF_IS_NULL(own_bases)) return own_bases;
    bt = WF_TUPLE(own_bases);
    WfType *solid = NULL;
    for (size_t i = 0; i < bt->n; i++) {
        WfValue b = bt->items[i];
        if (!wf_is_type(b)) {
            wf_decref(vm, own_bases);
            return wf_err_format(vm, &wf_exc_TypeError, "bases must be types");
        }
        WfType *bty = (WfType *)b.u.o;
        if (!(bty->flags & WF_TPFLAG_BASETYPE)) {
            wf_decref(vm, own_bases);
            return wf_err_format(vm, &wf_exc_TypeError, "type '%s' is not an acceptable base type", bty->name);
        }
        if (!solid || bty->size > solid->size) solid = bty;
    }
    WfType *t = (WfType *)wf_obj_alloc_gc(vm, &wf_type_type, sizeof(WfType));
    if (!t) {
        wf_decref(vm, own_bases);
        return WF_NULL;
    }
    /* Start from the solid base's slots, then make it ours. */
    WfObject head = t->ob;
    memcpy(t, solid, sizeof(WfType));
    t->ob = head;
    size_t nlen = strlen(name);
    char *nm = wf_mem_alloc(vm, nlen + 1);
    if (!nm) {
        t->name = NULL;
        t->dict = t->mro = t->bases = NULL;
        t->flags = WF_TPFLAG_HEAPTYPE;
        wf_obj_decref(vm, &t->ob);
        wf_decref(vm, own_bases);
        return WF_NULL;
    }
    memcpy(nm, name, nlen + 1);
    t->name = nm;
    t->base = solid;
    t->bases = own_bases.u.o;
    t->flags = (solid->flags & (WF_TPFLAG_EXC | WF_TPFLAG_INT | WF_TPFLAG_STR | WF_TPFLAG_TUPLE | WF_TPFLAG_LIST |
                                WF_TPFLAG_DICT | WF_TPFLAG_UNHASHABLE)) |
               WF_TPFLAG_HEAPTYPE | WF_TPFLAG_BASETYPE | WF_TPFLAG_GC;
    t->version = ++vm->next_type_version;
    t->doc = NULL;
    t->methods = NULL;
    t->getsets = NULL;
    t->mro = NULL;
    t->dict = NULL;
    if (solid->dictoffset) {
        t->dictoffset = solid->dictoffset;
        t->size = solid->size;
    } else {
        t->dictoffset = (solid->size + 15) & ~(size_t)15;
        t->size = t->dictoffset + sizeof(WfValue);
    }
    t->dealloc = heap_instance_dealloc;
    t->traverse = heap_instance_traverse;
    t->clear = heap_instance_clear;
    t->getattr = (solid->flags & WF_TPFLAG_HEAPTYPE) ? solid->getattr : wf_instance_getattr;
    if (t->getattr != slot_getattr_missing) t->getattr = wf_instance_getattr;
    t->setattr = wf_instance_setattr_plain;
    t->new_ = heap_type_call;
    WfValue d = wf_dict_copy(vm, ns);
    if (WF_IS_NULL(d)) goto fail;
    t->dict = d.u.o;
    WfValue mro = c3_mro(vm, t, WF_TUPLE(own_bases));
    if (WF_IS_NULL(mro)) goto fail;
    t->mro = mro.u.o;
    fixup_slots(vm, t);
    return WF_OBJ(t);
fail:
    wf_obj_decref(vm, &t->ob);
    return WF_NULL;
}

void wf_heap_type_dealloc(WfVM *vm, WfObject *o) {
    WfType *t = (WfType *)o;
    wf_obj_xdecref(vm, t->dict);
    wf_obj_xdecref(vm, t->mro);
    wf_obj_xdecref(vm, t->bases);
    wf_mem_free(vm, (void *)t->name);
    wf_obj_free(vm, o);
}

void wf_heap_type_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfType *t = (WfType *)o;
    if (!(t->flags & WF_TPFLAG_HEAPTYPE)) return;
    if (t->dict) visit(t->dict, arg);
    if (t->mro) visit(t->mro, arg);
    if (t->bases) visit(t->bases, arg);
}

void wf_heap_type_clear(WfVM *vm, WfObject *o) {
    WfType *t = (WfType *)o;
    if (!(t->flags & WF_TPFLAG_HEAPTYPE)) return;
    WfObject *d = t->dict, *m = t->mro, *b = t->bases;
    t->dict = t->mro = t->bases = NULL;
    /* Keep the type usable by instances that die later in this collection:
     * lookups see no attributes, slots stay as they were. */
    wf_obj_xdecref(vm, d);
    wf_obj_xdecref(vm, m);
    wf_obj_xdecref(vm, b);
}

/* ---- __build_class__ ------------------------------------------------------------------ */

static WfValue build_class(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kwnames) {
    if (nargs < 2 || wf_type_of(args[0]) != &wf_type_function || !wf_is_str(args[1]))
        return wf_err_format(vm, &wf_exc_TypeError, "__build_class__: bad arguments");
    WfFunction *body = (WfFunction *)args[0].u.o;
    const char *name = WF_STR(args[1])->data;
    WfValue bases = wf_tuple_from_array(vm, args + 2, nargs - 2);
    if (WF_IS_NULL(bases)) return bases;
    if (kwnames) {
        WfTuple *kw = (WfTuple *)kwnames;
        for (size_t i = 0; i < kw->n; i++) {
            const char *k = WF_STR(kw->items[i])->data;
            WfValue v = args[nargs + i];
            if (strcmp(k, "metaclass") == 0 && v.tag == WF_TAG_OBJ && v.u.o == &wf_type_type.ob) continue;
            wf_decref(vm, bases);
            return wf_err_format(vm, &wf_exc_TypeError, "class keyword argument '%s' is not supported", k);
        }
    }
    WfValue ns = wf_dict_new(vm);
    if (WF_IS_NULL(ns)) {
        wf_decref(vm, bases);
        return ns;
    }
    WfValue r = wf_vm_call_class_body(vm, body, ns);
    if (WF_IS_NULL(r)) {
        wf_decref(vm, ns);
        wf_decref(vm, bases);
        return r;
    }
    wf_decref(vm, r);
    WfObject *cellkey = wf_str_intern_cstr(vm, "__classcell__");
    WfValue cell = wf_dict_get_str(ns, cellkey);
    if (!WF_IS_NULL(cell)) {
        wf_incref(cell);
        wf_dict_del(vm, ns, WF_OBJ(cellkey));
    }
    WfValue cls = wf_class_new(vm, name, bases, ns);
    wf_decref(vm, ns);
    wf_decref(vm, bases);
    if (!WF_IS_NULL(cls) && !WF_IS_NULL(cell) && wf_type_of(cell) == &wf_type_cell) {
        WfCell *c = (WfCell *)cell.u.o;
        WfValue old = c->value;
        c->value = wf_ref(cls);
        wf_decref(vm, old);
    }
    wf_decref(vm, cell);
    return cls;
}

const WfMethodDef wf_build_class_def = {"__build_class__", build_class, "internal helper for class statements"};

/* ---- staticmethod, classmethod ------------------------------------------------------------ */

static void wrapper_clear(WfVM *vm, WfObject *o) {
    WfWrapper *w = (WfWrapper *)o;
    WfValue f = w->func;
    w->func = WF_NULL;
    wf_decref(vm, f);
}
static void wrapper_dealloc(WfVM *vm, WfObject *o) {
    wrapper_clear(vm, o);
    wf_obj_free(vm, o);
}
static void wrapper_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfWrapper *w = (WfWrapper *)o;
    if (WF_IS_OBJ(w->func)) visit(w->func.u.o, arg);
}
static WfValue wrapper_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, type->name, nargs, kw, 1, 1) < 0) return WF_NULL;
    WfWrapper *w = (WfWrapper *)wf_obj_alloc(vm, type, sizeof(WfWrapper));
    if (!w) return WF_NULL;
    w->func = wf_ref(args[0]);
    return WF_OBJ(w);
}
static WfValue wrapper_get_func(WfVM *vm, WfValue self) { return wf_ref(((WfWrapper *)self.u.o)->func); }
static const WfGetSetDef wrapper_getsets[] = {{"__func__", wrapper_get_func, NULL}, {NULL, NULL, NULL}};
static WfValue staticmethod_call(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return wf_call(vm, ((WfWrapper *)self.u.o)->func, args, nargs, kw);
}

WfType wf_type_staticmethod = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "staticmethod",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfWrapper),
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .clear = wrapper_clear,
    .new_ = wrapper_new,
    .call = staticmethod_call,
    .getsets = wrapper_getsets,
};
WfType wf_type_classmethod = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "classmethod",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfWrapper),
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .clear = wrapper_clear,
    .new_ = wrapper_new,
    .getsets = wrapper_getsets,
};

/* ---- property ------------------------------------------------------------------------------ */

static void property_clear(WfVM *vm, WfObject *o) {
    WfProperty *p = (WfProperty *)o;
    WfValue a = p->fget, b = p->fset, c = p->fdel, d = p->doc;
    p->fget = p->fset = p->fdel = p->doc = WF_NULL;
    wf_decref(vm, a);
    wf_decref(vm, b);
    wf_decref(vm, c);
    wf_decref(vm, d);
}
static void property_dealloc(WfVM *vm, WfObject *o) {
    property_clear(vm, o);
    wf_obj_free(vm, o);
}
static void property_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfProperty *p = (WfProperty *)o;
    WfValue vs[] = {p->fget, p->fset, p->fdel, p->doc};
    for (int i = 0; i < 4; i++)
        if (WF_IS_OBJ(vs[i])) visit(vs[i].u.o, arg);
}
static WfValue property_make(WfVM *vm, WfValue fget, WfValue fset, WfValue fdel, WfValue doc) {
    WfProperty *p = (WfProperty *)wf_obj_alloc(vm, &wf_type_property, sizeof(WfProperty));
    if (!p) return WF_NULL;
    p->fget = wf_ref(WF_IS_NULL(fget) ? WF_NONE : fget);
    p->fset = wf_ref(WF_IS_NULL(fset) ? WF_NONE : fset);
    p->fdel = wf_ref(WF_IS_NULL(fdel) ? WF_NONE : fdel);
    p->doc = wf_ref(WF_IS_NULL(doc) ? WF_NONE : doc);
    return WF_OBJ(p);
}
static WfValue property_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    WfValue a[4];
    if (wf_args_bind(vm, "property", args, nargs, kw, kwlist, 0, 0, a) < 0) return WF_NULL;
    return property_make(vm, a[0], a[1], a[2], a[3]);
}
static WfValue property_getter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "getter", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfProperty *p = (WfProperty *)self.u.o;
    return property_make(vm, args[0], p->fset, p->fdel, p->doc);
}
static WfValue property_setter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "setter", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfProperty *p = (WfProperty *)self.u.o;
    return property_make(vm, p->fget, args[0], p->fdel, p->doc);
}
static WfValue property_deleter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "deleter", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfProperty *p = (WfProperty *)self.u.o;
    return property_make(vm, p->fget, p->fset, args[0], p->doc);
}
static const WfMethodDef property_methods[] = {
    {"getter", property_getter, NULL},
    {"setter", property_setter, NULL},
    {"deleter", property_deleter, NULL},
    {NULL, NULL, NULL}};
static WfValue property_get_fget(WfVM *vm, WfValue self) { return wf_ref(((WfProperty *)self.u.o)->fget); }
static WfValue property_get_fset(WfVM *vm, WfValue self) { return wf_ref(((WfProperty *)self.u.o)->fset); }
static const WfGetSetDef property_getsets[] = {
    {"fget", property_get_fget, NULL},
    {"fset", property_get_fset, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_property = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "property",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfProperty),
    .dealloc = property_dealloc,
    .traverse = property_traverse,
    .clear = property_clear,
    .new_ = property_new,
    .methods = property_methods,
    .getsets = property_getsets,
};

/* ---- super ------------------------------------------------------------------------------------ */

typedef struct WfSuper {
    WfObject ob;
    WfType *type;          /* search starts after this class in the MRO */
    WfValue obj;
    WfType *objtype;
} WfSuper;

static void super_clear(WfVM *vm, WfObject *o) {
    WfSuper *s = (WfSuper *)o;
    WfValue v = s->obj;
    s->obj = WF_NULL;
    wf_decref(vm, v);
}
static void super_dealloc(WfVM *vm, WfObject *o) {
    WfSuper *s = (WfSuper *)o;
    super_clear(vm, o);
    wf_obj_decref(vm, &s->type->ob);
    wf_obj_decref(vm, &s->objtype->ob);
    wf_obj_free(vm, o);
}
static void super_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfSuper *s = (WfSuper *)o;
    if (WF_IS_OBJ(s->obj)) visit(s->obj.u.o, arg);
    visit(&s->type->ob, arg);
    visit(&s->objtype->ob, arg);
}

static WfValue super_getattr(WfVM *vm, WfValue self, WfObject *name) {
    WfSuper *s = (WfSuper *)self.u.o;
    WfType *start = s->objtype;
    if (start->mro) {
        WfTuple *m = (WfTuple *)start->mro;
        size_t i = 0;
        while (i < m->n && m->items[i].u.o != &s->type->ob) i++;
        for (i++; i < m->n; i++) {
            WfType *b = (WfType *)m->items[i].u.o;
            if (b->dict) {
                WfValue v = wf_dict_get_str(WF_OBJ(b->dict), name);
                if (!WF_IS_NULL(v)) {
                    if (wf_is_type(s->obj) && wf_type_of(v) == &wf_type_function) return wf_ref(v);
                    return bind(vm, v, s->obj, start);
                }
            } else {
                if (b->methods)
                    for (const WfMethodDef *md = b->methods; md->name; md++)
                        if (strcmp(md->name, ((WfStr *)name)->data) == 0) return wf_native_new(vm, md, s->obj);
                if (b->getsets)
                    for (const WfGetSetDef *g = b->getsets; g->name; g++)
                        if (strcmp(g->name, ((WfStr *)name)->data) == 0) return g->get(vm, s->obj);
                if (strcmp(((WfStr *)name)->data, "__init__") == 0) return wf_native_new(vm, &wf_object_init_def, s->obj);
            }
        }
    }
    return wf_err_format(vm, &wf_exc_AttributeError, "'super' object has no attribute '%s'", ((WfStr *)name)->data);
}

static WfValue super_make(WfVM *vm, WfValue type, WfValue obj) {
    if (!wf_is_type(type)) return wf_err_format(vm, &wf_exc_TypeError, "super() argument 1 must be a type, not %s", wf_type_name(type));
    WfType *t = (WfType *)type.u.o;
    WfType *ot;
    if (wf_is_type(obj) && wf_type_is_subtype((WfType *)obj.u.o, t)) ot = (WfType *)obj.u.o;
    else if (wf_isinstance(obj, t)) ot = wf_type_of(obj);
    else return wf_err_format(vm, &wf_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    WfSuper *s = (WfSuper *)wf_obj_alloc(vm, &wf_type_super, sizeof(WfSuper));
    if (!s) return WF_NULL;
    s->type = t;
    wf_obj_incref(&t->ob);
    s->objtype = ot;
    wf_obj_incref(&ot->ob);
    s->obj = wf_ref(obj);
    return WF_OBJ(s);
}

static WfValue super_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "super", nargs, kw, 0, 2) < 0) return WF_NULL;
    if (nargs == 2) return super_make(vm, args[0], args[1]);
    if (nargs == 1) return wf_err_format(vm, &wf_exc_TypeError, "super() with one argument is not supported");
    /* Zero arguments: the calling function's first argument and its
     * __class__ cell. */
    WfFrame *f = vm->frame;
    if (!f || (f->code->argcount == 0 && !(f->code->flags & WF_CO_VARARGS)))
        return wf_err_format(vm, &wf_exc_RuntimeError, "super(): no arguments");
    WfCode *co = f->code;
    WfValue first = f->slots[0];
    for (uint32_t i = 0; i < co->ncells; i++)
        if (co->cell2arg[i] == 0) first = ((WfCell *)f->slots[co->nlocals + i].u.o)->value;
    if (WF_IS_NULL(first)) return wf_err_format(vm, &wf_exc_RuntimeError, "super(): arg[0] deleted");
    uint32_t nvar = co->nlocals + co->ncells + co->nfrees;
    for (uint32_t i = co->nlocals; i < nvar; i++) {
        if (strcmp(((WfStr *)co->varnames[i])->data, "__class__") == 0) {
            WfValue cls = ((WfCell *)f->slots[i].u.o)->value;
            if (WF_IS_NULL(cls)) return wf_err_format(vm, &wf_exc_RuntimeError, "super(): empty __class__ cell");
            return super_make(vm, cls, first);
        }
    }
    return wf_err_format(vm, &wf_exc_RuntimeError, "super(): __class__ cell not found");
}

static WfValue super_repr(WfVM *vm, WfValue v) {
    WfSuper *s = (WfSuper *)v.u.o;
    return wf_str_printf(vm, "<super: <class '%s'>, <%s object>>", s->type->name, s->objtype->name);
}

WfType wf_type_super = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "super",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfSuper),
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .clear = super_clear,
    .repr = super_repr,
    .getattr = super_getattr,
    .new_ = super_new,
};

/* object.__init__ reached through super(): accepts no extra arguments. */
static WfValue object_init(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (nargs || (kw && ((WfTuple *)kw)->n))
        return wf_err_format(vm, &wf_exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    return WF_NONE;
}
const WfMethodDef wf_object_init_def = {"__init__", object_init, NULL};

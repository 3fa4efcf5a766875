/* iterobjects.c: the lazy iterators the builtins return: enumerate, zip,
 * map, filter, reversed (by index) and callable_iterator (iter(f, end)).
 * Invariants: each holds only iterators it got from wf_iter and calls
 * their iternext slot directly; enumerate and zip hand out one result
 * tuple and refill it in place while nobody else holds it (refcount 1),
 * as CPython does, so `for i, x in enumerate(xs)` allocates nothing per
 * step. An exhausted reversed/callable_iterator drops its references.
 * Called through the type objects (builtins.c registers them). */
#include <string.h>
#include "builtins.h"
#include "exc.h"
#include "list.h"
#include "range.h"
#include "type.h"

static inline WfValue next_of(WfVM *vm, WfValue it) { return wf_iternext(vm, it); }

static void visit_value(WfValue v, WfVisitFn visit, void *arg) {
    if (WF_IS_OBJ(v)) visit(v.u.o, arg);
}

static void drop_value(WfVM *vm, WfValue *slot) {
    WfValue v = *slot;
    *slot = WF_NULL;
    wf_decref(vm, v);
}

static void drop_obj(WfVM *vm, WfObject **slot) {
    WfObject *o = *slot;
    *slot = NULL;
    wf_obj_xdecref(vm, o);
}

static WfValue self_iter(WfVM *vm, WfValue self) { return wf_ref(self); }

static size_t kwcount(WfObject *kwnames) { return kwnames ? ((WfTuple *)kwnames)->n : 0; }

/* The result tuple of n items to fill, reused when only we hold it. The
 * old items of a reused tuple are returned in old[] for the caller to
 * release once the new ones are in. */
static WfTuple *result_tuple(WfVM *vm, WfObject **cache, size_t n, bool *reused) {
    WfObject *r = *cache;
    if (r && r->refcnt == 1) {
        *reused = true;
        r->refcnt++;
        return (WfTuple *)r;
    }
    *reused = false;
    WfValue t = wf_tuple_new(vm, n);
    return WF_IS_NULL(t) ? NULL : WF_TUPLE(t);
}

/* `it.__next__()` and `it.__iter__()` spelled out, shared by every type
 * here. */
static WfValue m_next(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                      WfObject *kw) {
    if (wf_args_check(vm, "__next__", nargs, kw, 0, 0) < 0) return WF_NULL;
    WfValue r = wf_type_of(self)->iternext(vm, self);
    if (WF_IS_NULL(r) && !wf_err_occurred(vm)) wf_err_raise(vm, WF_OBJ(&wf_exc_StopIteration));
    return r;
}
static WfValue m_iter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                      WfObject *kw) {
    if (wf_args_check(vm, "__iter__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return wf_ref(self);
}
static const WfMethodDef iter_methods[] = {
    {"__next__", m_next, "Implement next(self).", 0},
    {"__iter__", m_iter, "Implement iter(self).", 0},
    {NULL, NULL, NULL, 0}};

#define ITER_TYPE(cname, pyname, ctype, docstr)                 \
    WfType cname = {                                            \
        .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),             \
        .name = pyname,                                         \
        .base = &wf_type_object,                                \
        .flags = WF_TPFLAG_GC,                                  \
        .size = sizeof(ctype),                                  \
        .iter = self_iter,                                      \
        .methods = iter_methods,                                \
        .doc = docstr,

/* ---- enumerate ------------------------------------------------------------ */

typedef struct Enumerate {
    WfObject ob;
    WfValue it;
    WfValue count;       /* the next index: a small int until it overflows */
    WfObject *result;    /* cached 2-tuple, or NULL */
} Enumerate;

static void enum_clear(WfVM *vm, WfObject *o) {
    Enumerate *e = (Enumerate *)o;
    drop_value(vm, &e->it);
    drop_value(vm, &e->count);
    drop_obj(vm, &e->result);
}
static void enum_dealloc(WfVM *vm, WfObject *o) {
    enum_clear(vm, o);
    wf_obj_free(vm, o);
}
static void enum_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    Enumerate *e = (Enumerate *)o;
    visit_value(e->it, visit, arg);
    visit_value(e->count, visit, arg);
    if (e->result) visit(e->result, arg);
}

static WfValue enum_next(WfVM *vm, WfValue self) {
    Enumerate *e = (Enumerate *)self.u.o;
    if (WF_IS_NULL(e->it)) return WF_NULL;
    WfValue item = next_of(vm, e->it);
    if (WF_IS_NULL(item)) return item;
    WfValue idx = e->count;
    if (idx.tag == WF_TAG_INT && idx.u.i < INT64_MAX) {
        e->count = WF_INT(idx.u.i + 1);
    } else {
        WfValue nxt = wf_binop(vm, WF_BIN_ADD, idx, WF_INT(1));
        if (WF_IS_NULL(nxt)) {
            wf_decref(vm, item);
            return nxt;
        }
        e->count = nxt;          /* our reference to idx moves to the tuple */
    }
    bool reused;
    WfTuple *t = result_tuple(vm, &e->result, 2, &reused);
    if (!t) {
        wf_decref(vm, item);
        wf_decref(vm, idx);
        return WF_NULL;
    }
    if (reused) {
        WfValue o0 = t->items[0], o1 = t->items[1];
        t->items[0] = idx;
        t->items[1] = item;
        wf_decref(vm, o0);
        wf_decref(vm, o1);
    } else {
        t->items[0] = idx;
        t->items[1] = item;
        if (!e->result) {
            e->result = &t->ob;
            t->ob.refcnt++;
        }
    }
    return WF_OBJ(t);
}

static WfValue enum_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                        WfObject *kwnames) {
    size_t nkw = kwcount(kwnames);
    WfValue iterable = nargs > 0 ? args[0] : WF_NULL, start = nargs > 1 ? args[1] : WF_NULL;
    if (nargs + nkw > 2)
        return wf_err_format(vm, &wf_exc_TypeError,
                             "enumerate() takes at most 2 arguments (%zu given)", nargs + nkw);
    for (size_t k = 0; k < nkw; k++) {
        const char *key = WF_STR(((WfTuple *)kwnames)->items[k])->data;
        if (strcmp(key, "iterable") == 0 && nargs == 0) iterable = args[nargs + k];
        else if (strcmp(key, "start") == 0 && nargs < 2 && !WF_IS_NULL(iterable))
            start = args[nargs + k];
        else
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "'%s' is an invalid keyword argument for enumerate()", key);
    }
    if (WF_IS_NULL(iterable))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "enumerate() missing required argument 'iterable'");
    WfValue count = WF_INT(0);
    if (!WF_IS_NULL(start)) {
        if (start.tag == WF_TAG_INT || start.tag == WF_TAG_BOOL) {
            count = WF_INT(start.u.i);
        } else if (wf_is_int(start)) {
            count = wf_ref(start);
        } else {
            int64_t n;
            if (wf_index(vm, start, NULL, &n) < 0) return WF_NULL;
            count = WF_INT(n);
        }
    }
    WfValue it = wf_iter(vm, iterable);
    if (WF_IS_NULL(it)) {
        wf_decref(vm, count);
        return it;
    }
    Enumerate *e = (Enumerate *)wf_obj_alloc(vm, type, sizeof(Enumerate));
    if (!e) {
        wf_decref(vm, it);
        wf_decref(vm, count);
        return WF_NULL;
    }
    e->it = it;
    e->count = count;
    e->result = NULL;
    return WF_OBJ(e);
}

ITER_TYPE(wf_type_enumerate, "enumerate", Enumerate,
          "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
          "The enumerate object yields pairs containing a count (from start, which\n"
          "defaults to zero) and a value yielded by the iterable argument.\n\n"
          "enumerate is useful for obtaining an indexed list:\n"
          "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...")
    .dealloc = enum_dealloc, .traverse = enum_traverse, .clear = enum_clear,
    .iternext = enum_next, .new_ = enum_new,
};

/* ---- zip -------------------------------------------------------------------- */

typedef struct Zip {
    WfObject ob;
    WfObject *iters;     /* tuple of iterators; NULL once exhausted */
    WfObject *result;
    bool strict;
} Zip;

static void zip_clear(WfVM *vm, WfObject *o) {
    Zip *z = (Zip *)o;
    drop_obj(vm, &z->iters);
    drop_obj(vm, &z->result);
}
static void zip_dealloc(WfVM *vm, WfObject *o) {
    zip_clear(vm, o);
    wf_obj_free(vm, o);
}
static void zip_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    Zip *z = (Zip *)o;
    if (z->iters) visit(z->iters, arg);
    if (z->result) visit(z->result, arg);
}

/* Iterator i (0-based) ended: with strict=True, every other must end at
 * the same step (CPython's wording for the ValueError). */
static WfValue zip_strict_check(WfVM *vm, Zip *z, size_t i) {
    if (wf_err_occurred(vm)) {
        if (!wf_err_matches(vm, &wf_exc_StopIteration)) return WF_NULL;
        wf_err_clear(vm);
    }
    const char *plural;
    if (i) {
        plural = i == 1 ? " " : "s 1-";
        return wf_err_format(vm, &wf_exc_ValueError, "zip() argument %zu is shorter than argument%s%zu",
                             i + 1, plural, i);
    }
    WfTuple *its = (WfTuple *)z->iters;
    for (i = 1; i < its->n; i++) {
        WfValue item = next_of(vm, its->items[i]);
        if (!WF_IS_NULL(item)) {
            wf_decref(vm, item);
            plural = i == 1 ? " " : "s 1-";
            return wf_err_format(vm, &wf_exc_ValueError,
                                 "zip() argument %zu is longer than argument%s%zu", i + 1, plural, i);
        }
        if (wf_err_occurred(vm)) {
            if (!wf_err_matches(vm, &wf_exc_StopIteration)) return WF_NULL;
            wf_err_clear(vm);
        }
    }
    return WF_NULL;
}

static WfValue zip_next(WfVM *vm, WfValue self) {
    Zip *z = (Zip *)self.u.o;
    if (!z->iters) return WF_NULL;
    WfTuple *its = (WfTuple *)z->iters;
    size_t n = its->n;
    if (n == 0) return WF_NULL;
    bool reused;
    WfTuple *t = result_tuple(vm, &z->result, n, &reused);
    if (!t) return WF_NULL;
    if (!reused)
        for (size_t i = 0; i < n; i++) t->items[i] = WF_NONE;
    for (size_t i = 0; i < n; i++) {
        WfValue item = next_of(vm, its->items[i]);
        if (WF_IS_NULL(item)) {
            wf_obj_decref(vm, &t->ob);
            if (z->strict) return zip_strict_check(vm, z, i);
            return WF_NULL;
        }
        WfValue old = t->items[i];
        t->items[i] = item;
        wf_decref(vm, old);
    }
    if (!reused && !z->result) {
        z->result = &t->ob;
        t->ob.refcnt++;
    }
    return WF_OBJ(t);
}

static WfValue zip_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                       WfObject *kwnames) {
    bool strict = false;
    size_t nkw = kwcount(kwnames);
    if (nkw > 1)
        return wf_err_format(vm, &wf_exc_TypeError,
                             "zip() takes at most 1 keyword argument (%zu given)", nkw);
    if (nkw == 1) {
        const char *key = WF_STR(((WfTuple *)kwnames)->items[0])->data;
        if (strcmp(key, "strict") != 0)
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "'%s' is an invalid keyword argument for zip()", key);
        int s = wf_truthy(vm, args[nargs]);
        if (s < 0) return WF_NULL;
        strict = s;
    }
    WfValue iters = wf_tuple_new(vm, nargs);
    if (WF_IS_NULL(iters)) return iters;
    for (size_t i = 0; i < nargs; i++) WF_TUPLE(iters)->items[i] = WF_NONE;
    for (size_t i = 0; i < nargs; i++) {
        WfValue it = wf_iter(vm, args[i]);
        if (WF_IS_NULL(it)) {
            wf_decref(vm, iters);
            return it;
        }
        WF_TUPLE(iters)->items[i] = it;
    }
    Zip *z = (Zip *)wf_obj_alloc(vm, type, sizeof(Zip));
    if (!z) {
        wf_decref(vm, iters);
        return WF_NULL;
    }
    z->iters = iters.u.o;
    z->result = NULL;
    z->strict = strict;
    return WF_OBJ(z);
}

ITER_TYPE(wf_type_zip, "zip", Zip,
          "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
          "   >>> list(zip('abcdefg', range(3), range(4)))\n"
          "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
          "The zip object yields n-length tuples, where n is the number of iterables\n"
          "passed as positional arguments to zip().  The i-th element in every tuple\n"
          "comes from the i-th iterable argument to zip().  This continues until the\n"
          "shortest argument is exhausted.\n\n"
          "If strict is true and one of the arguments is exhausted before the others,\n"
          "raise a ValueError.")
    .dealloc = zip_dealloc, .traverse = zip_traverse, .clear = zip_clear,
    .iternext = zip_next, .new_ = zip_new,
};

/* ---- map ---------------------------------------------------------------------- */

typedef struct Map {
    WfObject ob;
    WfValue func;
    WfObject *iters;     /* tuple of iterators */
} Map;

static void map_clear(WfVM *vm, WfObject *o) {
    Map *m = (Map *)o;
    drop_value(vm, &m->func);
    drop_obj(vm, &m->iters);
}
static void map_dealloc(WfVM *vm, WfObject *o) {
    map_clear(vm, o);
    wf_obj_free(vm, o);
}
static void map_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    Map *m = (Map *)o;
    visit_value(m->func, visit, arg);
    if (m->iters) visit(m->iters, arg);
}

/* Enough for any call written by hand; more iterables use the heap. */
#define MAP_STACK_ARGS 8

static WfValue map_next(WfVM *vm, WfValue self) {
    Map *m = (Map *)self.u.o;
    if (!m->iters) return WF_NULL;
    WfTuple *its = (WfTuple *)m->iters;
    size_t n = its->n;
    if (n == 1) {
        WfValue item = next_of(vm, its->items[0]);
        if (WF_IS_NULL(item)) return item;
        WfValue r = wf_call(vm, m->func, &item, 1, NULL);
        wf_decref(vm, item);
        return r;
    }
    WfValue small[MAP_STACK_ARGS] = {0}; /* all filled before use; quiets -O2 */
    WfValue *items = n <= MAP_STACK_ARGS ? small : wf_mem_alloc(vm, n * sizeof(WfValue));
    if (!items) return WF_NULL;
    size_t got = 0;
    WfValue r = WF_NULL;
    for (; got < n; got++) {
        items[got] = next_of(vm, its->items[got]);
        if (WF_IS_NULL(items[got])) break;
    }
    if (got == n) r = wf_call(vm, m->func, items, n, NULL);
    for (size_t i = 0; i < got; i++) wf_decref(vm, items[i]);
    if (items != small) wf_mem_free(vm, items);
    return r;
}

static WfValue map_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                       WfObject *kwnames) {
    if (kwcount(kwnames))
        return wf_err_format(vm, &wf_exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2)
        return wf_err_format(vm, &wf_exc_TypeError, "map() must have at least two arguments.");
    WfValue iters = wf_tuple_new(vm, nargs - 1);
    if (WF_IS_NULL(iters)) return iters;
    for (size_t i = 1; i < nargs; i++) WF_TUPLE(iters)->items[i - 1] = WF_NONE;
    for (size_t i = 1; i < nargs; i++) {
        WfValue it = wf_iter(vm, args[i]);
        if (WF_IS_NULL(it)) {
            wf_decref(vm, iters);
            return it;
        }
        WF_TUPLE(iters)->items[i - 1] = it;
    }
    Map *m = (Map *)wf_obj_alloc(vm, type, sizeof(Map));
    if (!m) {
        wf_decref(vm, iters);
        return WF_NULL;
    }
    m->func = wf_ref(args[0]);
    m->iters = iters.u.o;
    return WF_OBJ(m);
}

ITER_TYPE(wf_type_map, "map", Map,
          "map(func, *iterables) --> map object\n\n"
          "Make an iterator that computes the function using arguments from\n"
          "each of the iterables.  Stops when the shortest iterable is exhausted.")
    .dealloc = map_dealloc, .traverse = map_traverse, .clear = map_clear,
    .iternext = map_next, .new_ = map_new,
};

/* ---- filter ------------------------------------------------------------------- */

typedef struct Filter {
    WfObject ob;
    WfValue func;        /* None (or bool): the item's own truth */
    WfValue it;
} Filter;

static void filter_clear(WfVM *vm, WfObject *o) {
    Filter *f = (Filter *)o;
    drop_value(vm, &f->func);
    drop_value(vm, &f->it);
}
static void filter_dealloc(WfVM *vm, WfObject *o) {
    filter_clear(vm, o);
    wf_obj_free(vm, o);
}
static void filter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    Filter *f = (Filter *)o;
    visit_value(f->func, visit, arg);
    visit_value(f->it, visit, arg);
}

static WfValue filter_next(WfVM *vm, WfValue self) {
    Filter *f = (Filter *)self.u.o;
    if (WF_IS_NULL(f->it)) return WF_NULL;
    bool plain = WF_IS_NONE(f->func) ||
                 (WF_IS_OBJ(f->func) && f->func.u.o == &wf_type_bool.ob);
    for (;;) {
        WfValue item = next_of(vm, f->it);
        if (WF_IS_NULL(item)) return item;
        int ok;
        if (plain) {
            ok = wf_truthy(vm, item);
        } else {
            WfValue r = wf_call(vm, f->func, &item, 1, NULL);
            if (WF_IS_NULL(r)) {
                wf_decref(vm, item);
                return r;
            }
            ok = wf_truthy(vm, r);
            wf_decref(vm, r);
        }
        if (ok > 0) return item;
        wf_decref(vm, item);
        if (ok < 0) return WF_NULL;
    }
}

static WfValue filter_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                          WfObject *kwnames) {
    if (wf_args_check(vm, "filter", nargs, kwnames, 2, 2) < 0) return WF_NULL;
    WfValue it = wf_iter(vm, args[1]);
    if (WF_IS_NULL(it)) return it;
    Filter *f = (Filter *)wf_obj_alloc(vm, type, sizeof(Filter));
    if (!f) {
        wf_decref(vm, it);
        return WF_NULL;
    }
    f->func = wf_ref(args[0]);
    f->it = it;
    return WF_OBJ(f);
}

ITER_TYPE(wf_type_filter, "filter", Filter,
          "filter(function or None, iterable) --> filter object\n\n"
          "Return an iterator yielding those items of iterable for which function(item)\n"
          "is true. If function is None, return the items that are true.")
    .dealloc = filter_dealloc, .traverse = filter_traverse, .clear = filter_clear,
    .iternext = filter_next, .new_ = filter_new,
};

/* ---- reversed --------------------------------------------------------------------- */

typedef struct Reversed {
    WfObject ob;
    WfValue seq;         /* WF_NULL once exhausted */
    int64_t index;       /* next index to fetch; -1 when done */
} Reversed;

static void rev_clear(WfVM *vm, WfObject *o) { drop_value(vm, &((Reversed *)o)->seq); }
static void rev_dealloc(WfVM *vm, WfObject *o) {
    rev_clear(vm, o);
    wf_obj_free(vm, o);
}
static void rev_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    visit_value(((Reversed *)o)->seq, visit, arg);
}

static WfValue rev_next(WfVM *vm, WfValue self) {
    Reversed *r = (Reversed *)self.u.o;
    if (WF_IS_NULL(r->seq)) return WF_NULL;
    if (r->index >= 0) {
        if (r->seq.u.o->type == &wf_type_tuple) {
            WfTuple *t = WF_TUPLE(r->seq);
            if ((size_t)r->index < t->n) return wf_ref(t->items[r->index--]);
        } else {
            WfValue item = wf_getitem(vm, r->seq, WF_INT(r->index));
            if (!WF_IS_NULL(item)) {
                r->index--;
                return item;
            }
            if (!wf_err_matches(vm, &wf_exc_IndexError) &&
                !wf_err_matches(vm, &wf_exc_StopIteration))
                return item;
            wf_err_clear(vm);
        }
    }
    r->index = -1;
    drop_value(vm, &r->seq);
    return WF_NULL;
}

static WfValue rev_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                               WfObject *kw) {
    if (wf_args_check(vm, "__length_hint__", nargs, kw, 0, 0) < 0) return WF_NULL;
    Reversed *r = (Reversed *)self.u.o;
    return WF_INT(WF_IS_NULL(r->seq) ? 0 : r->index + 1);
}
static const WfMethodDef rev_methods[] = {
    {"__next__", m_next, "Implement next(self).", 0},
    {"__iter__", m_iter, "Implement iter(self).", 0},
    {"__length_hint__", rev_length_hint, "Private method returning an estimate of len(list(it)).", 0},
    {NULL, NULL, NULL, 0}};

static WfValue rev_by_index(WfVM *vm, WfValue seq, int64_t n) {
    Reversed *r = (Reversed *)wf_obj_alloc(vm, &wf_type_reversed, sizeof(Reversed));
    if (!r) return WF_NULL;
    r->seq = wf_ref(seq);
    r->index = n - 1;
    return WF_OBJ(r);
}

WfValue wf_reversed_new(WfVM *vm, WfValue seq) {
    WfType *t = wf_type_of(seq);
    if (t == &wf_type_list) return wf_list_reversed_iter(vm, seq);
    if (t == &wf_type_range) return wf_range_reversed_iter(vm, seq);
    if (t == &wf_type_tuple) return rev_by_index(vm, seq, (int64_t)WF_TUPLE(seq)->n);
    if (t == &wf_type_str) return rev_by_index(vm, seq, WF_STR(seq)->ncp);
    /* __reversed__: static types list it in their methods; user classes
     * in their namespace (reached through getattr). __reversed__ = None
     * means "not reversible". */
    const WfMethodDef *def;
    const WfGetSetDef *gs;
    bool has_rev = (t->flags & WF_TPFLAG_HEAPTYPE) ||
                   (wf_type_find(t, "__reversed__", &def, &gs) && def);
    if (has_rev) {
        WfObject *name = wf_str_intern_cstr(vm, "__reversed__");
        if (!name) return WF_NULL;
        WfValue meth = wf_getattr_opt(vm, seq, name);
        if (WF_IS_NULL(meth) && wf_err_occurred(vm)) return meth;
        if (!WF_IS_NULL(meth)) {
            if (WF_IS_NONE(meth)) {
                return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not reversible",
                                     t->name);
            }
            WfValue r = wf_call0(vm, meth);
            wf_decref(vm, meth);
            return r;
        }
    }
    if (!t->getitem || (t->flags & WF_TPFLAG_DICT))
        return wf_err_format(vm, &wf_exc_TypeError, "'%s' object is not reversible", t->name);
    int64_t n = wf_len(vm, seq);
    if (n < 0) return WF_NULL;
    return rev_by_index(vm, seq, n);
}

static WfValue rev_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                       WfObject *kwnames) {
    if (kwcount(kwnames))
        return wf_err_format(vm, &wf_exc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_format(vm, &wf_exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    return wf_reversed_new(vm, args[0]);
}

WfType wf_type_reversed = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "reversed",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(Reversed),
    .dealloc = rev_dealloc,
    .traverse = rev_traverse,
    .clear = rev_clear,
    .iter = self_iter,
    .iternext = rev_next,
    .new_ = rev_new,
    .methods = rev_methods,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};

/* ---- callable_iterator --------------------------------------------------------------- */

typedef struct CallIter {
    WfObject ob;
    WfValue func;        /* WF_NULL once exhausted */
    WfValue sentinel;
} CallIter;

static void calliter_clear(WfVM *vm, WfObject *o) {
    CallIter *c = (CallIter *)o;
    drop_value(vm, &c->func);
    drop_value(vm, &c->sentinel);
}
static void calliter_dealloc(WfVM *vm, WfObject *o) {
    calliter_clear(vm, o);
    wf_obj_free(vm, o);
}
static void calliter_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    CallIter *c = (CallIter *)o;
    visit_value(c->func, visit, arg);
    visit_value(c->sentinel, visit, arg);
}

static WfValue calliter_next(WfVM *vm, WfValue self) {
    CallIter *c = (CallIter *)self.u.o;
    if (WF_IS_NULL(c->func)) return WF_NULL;
    WfValue r = wf_call(vm, c->func, NULL, 0, NULL);
    if (WF_IS_NULL(r)) {
        if (wf_err_matches(vm, &wf_exc_StopIteration)) {
            wf_err_clear(vm);
            calliter_clear(vm, self.u.o);
        }
        return r;
    }
    int eq = wf_eq(vm, c->sentinel, r);
    if (eq == 0) return r;
    wf_decref(vm, r);
    if (eq > 0) calliter_clear(vm, self.u.o);
    return WF_NULL;
}

WfType wf_type_callable_iterator = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "callable_iterator",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(CallIter),
    .dealloc = calliter_dealloc,
    .traverse = calliter_traverse,
    .clear = calliter_clear,
    .iter = self_iter,
    .iternext = calliter_next,
    .methods = iter_methods,
};

WfValue wf_callable_iter_new(WfVM *vm, WfValue callable, WfValue sentinel) {
    CallIter *c = (CallIter *)wf_obj_alloc(vm, &wf_type_callable_iterator, sizeof(CallIter));
    if (!c) return WF_NULL;
    c->func = wf_ref(callable);
    c->sentinel = wf_ref(sentinel);
    return WF_OBJ(c);
}

/* scope.c: the scope pass (see scope.h). Two walks: collect() records what
 * each scope binds, uses and declares; analyze() resolves names top-down and
 * pushes free variables up, turning the enclosing function's locals into
 * cells. Comprehensions and generator expressions are function scopes of
 * their own (Python 3), whose first iterable belongs to the enclosing scope. */
#include <stdio.h>
#include <string.h>
#include "scope.h"

struct WfScopeTable {
    WfArena *a;
    WfScope *module;
    const WfAst **keys;
    WfScope **vals;
    int n, cap;
    WfSyntaxError *err;
    bool failed;
    int depth;             /* nesting of the node being visited */
};

/* CPython's compiler gives up past 3 x the default recursion limit of
 * nested syntax (COMPILER_STACK_FRAME_SCALE); the scope pass, the first
 * recursive walk, enforces the same bound for every later stage. */
#define WF_MAX_SYNTAX_DEPTH 3000

static unsigned hash_str(const char *s) {
    unsigned h = 2166136261u;
    while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static unsigned hash_ptr(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0xed5ad4bbu;
    x ^= x >> 11;
    return (unsigned)x;
}

static void map_put(WfScopeTable *t, const WfAst *k, WfScope *v) {
    if ((t->n + 1) * 2 > t->cap) {
        int cap = t->cap ? t->cap * 2 : 64;
        const WfAst **keys = wf_arena_alloc(t->a, sizeof *keys * (size_t)cap);
        WfScope **vals = wf_arena_alloc(t->a, sizeof *vals * (size_t)cap);
        for (int i = 0; i < t->cap; i++) {
            if (!t->keys[i]) continue;
            unsigned j = hash_ptr(t->keys[i]) & (unsigned)(cap - 1);
            while (keys[j]) j = (j + 1) & (unsigned)(cap - 1);
            keys[j] = t->keys[i];
            vals[j] = t->vals[i];
        }
        t->keys = keys;
        t->vals = vals;
        t->cap = cap;
    }
    unsigned j = hash_ptr(k) & (unsigned)(t->cap - 1);
    while (t->keys[j]) j = (j + 1) & (unsigned)(t->cap - 1);
    t->keys[j] = k;
    t->vals[j] = v;
    t->n++;
}

WfScope *wf_scope_of(WfScopeTable *t, const WfAst *node) {
    if (!t->cap) return NULL;
    unsigned j = hash_ptr(node) & (unsigned)(t->cap - 1);
    while (t->keys[j]) {
        if (t->keys[j] == node) return t->vals[j];
        j = (j + 1) & (unsigned)(t->cap - 1);
    }
    return NULL;
}

WfScope *wf_scope_module(WfScopeTable *t) { return t->module; }

const char *wf_mangle(const char *private_name, const char *name, char *buf, size_t n) {
    if (!private_name || name[0] != '_' || name[1] != '_') return name;
    size_t len = strlen(name);
    if ((name[len - 1] == '_' && name[len - 2] == '_') || strchr(name, '.')) return name;
    while (*private_name == '_') private_name++;
    if (!*private_name) return name;
    size_t plen = strlen(private_name);
    if (plen + len + 2 > n) return NULL;
    buf[0] = '_';
    memcpy(buf + 1, private_name, plen);
    memcpy(buf + 1 + plen, name, len + 1);
    return buf;
}

const char *wf_scope_mangle(const WfScope *s, const char *name, char *buf) {
    const char *m = wf_mangle(s->private_name, name, buf, WF_MANGLE_BUF);
    return m ? m : name;
}

WfSymbol *wf_scope_lookup(WfScope *s, const char *name) {
    if (!s->cap) return NULL;
    char buf[WF_MANGLE_BUF];
    name = wf_scope_mangle(s, name, buf);
    unsigned j = hash_str(name) & (unsigned)(s->cap - 1);
    while (s->syms[j]) {
        if (strcmp(s->syms[j]->name, name) == 0) return s->syms[j];
        j = (j + 1) & (unsigned)(s->cap - 1);
    }
    return NULL;
}

static WfSymbol *sym_add(WfScopeTable *t, WfScope *s, const char *name, int line, int col) {
    WfSymbol *sym = wf_scope_lookup(s, name);
    if (sym) return sym;
    char buf[WF_MANGLE_BUF];
    const char *m = wf_scope_mangle(s, name, buf);
    if (m == buf) name = wf_arena_strndup(t->a, buf, strlen(buf));
    if ((s->nsyms + 1) * 2 > s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        WfSymbol **syms = wf_arena_alloc(t->a, sizeof *syms * (size_t)cap);
        for (int i = 0; i < s->cap; i++) {
            if (!s->syms[i]) continue;
            unsigned j = hash_str(s->syms[i]->name) & (unsigned)(cap - 1);
            while (syms[j]) j = (j + 1) & (unsigned)(cap - 1);
            syms[j] = s->syms[i];
        }
        s->syms = syms;
        s->cap = cap;
    }
    sym = wf_arena_alloc(t->a, sizeof *sym);
    sym->name = name;
    sym->slot = -1;
    sym->first_line = line;
    sym->first_col = col;
    unsigned j = hash_str(name) & (unsigned)(s->cap - 1);
    while (s->syms[j]) j = (j + 1) & (unsigned)(s->cap - 1);
    s->syms[j] = sym;
    s->nsyms++;
    if (s->norder == s->ordercap) {
        int cap = s->ordercap ? s->ordercap * 2 : 16;
        WfSymbol **o = wf_arena_alloc(t->a, sizeof *o * (size_t)cap);
        if (s->norder) memcpy(o, s->order, sizeof *o * (size_t)s->norder);
        s->order = o;
        s->ordercap = cap;
    }
    s->order[s->norder++] = sym;
    return sym;
}

static void fail(WfScopeTable *t, const WfAst *n, int line, int col, const char *fmt, const char *arg) {
    if (t->failed) return;
    t->failed = true;
    t->err->set = true;
    t->err->kind = "SyntaxError";
    snprintf(t->err->msg, sizeof t->err->msg, fmt, arg);
    t->err->line = n ? n->line : line;
    t->err->col = n ? n->col : col;
    t->err->end_col = n && n->end_line == n->line && n->end_col > n->col ? n->end_col : 0;
}

static WfScope *scope_new(WfScopeTable *t, WfScopeKind kind, WfAst *node, WfScope *parent,
                          const char *name) {
    WfScope *s = wf_arena_alloc(t->a, sizeof *s);
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    s->private_name = kind == WF_SCOPE_CLASS ? name : parent ? parent->private_name : NULL;
    if (node) map_put(t, node, s);
    if (!parent || parent->kind == WF_SCOPE_MODULE) {
        s->qualname = name;
    } else {
        const char *pq = parent->qualname;
        size_t n = strlen(pq) + strlen(name) + 12;
        char *q = wf_arena_alloc(t->a, n);
        if (parent->kind == WF_SCOPE_FUNCTION)
            snprintf(q, n, "%s.<locals>.%s", pq, name);
        else
            snprintf(q, n, "%s.%s", pq, name);
        s->qualname = q;
    }
    return s;
}

/* ---- collect ----------------------------------------------------------------- */

static void visit_expr(WfScopeTable *t, WfScope *s, WfAst *e);
static void visit_stmts(WfScopeTable *t, WfScope *s, WfAstList *l);

static void bind(WfScopeTable *t, WfScope *s, const char *name, const WfAst *at, unsigned how) {
    WfSymbol *sym = sym_add(t, s, name, at->line, at->col);
    if ((sym->flags & (WF_DEF_GLOBAL | WF_DEF_NONLOCAL)) == 0 || how != WF_DEF_ASSIGN)
        sym->flags |= how;
}

static void use(WfScopeTable *t, WfScope *s, const char *name, const WfAst *at) {
    sym_add(t, s, name, at->line, at->col)->flags |= WF_DEF_USE;
}

static void visit_list(WfScopeTable *t, WfScope *s, WfAstList *l) {
    for (int i = 0; i < l->n; i++) visit_expr(t, s, l->items[i]);
}

/* An assignment target: names bind; attribute and subscript targets only
 * use their object and index. */
static void visit_target(WfScopeTable *t, WfScope *s, WfAst *e) {
    if (!e) return;
    switch (e->kind) {
    case WF_E_NAME: bind(t, s, e->name, e, WF_DEF_ASSIGN); break;
    case WF_E_TUPLE:
    case WF_E_LIST:
        for (int i = 0; i < e->list.n; i++) visit_target(t, s, e->list.items[i]);
        break;
    case WF_E_STARRED: visit_target(t, s, e->left); break;
    default: visit_expr(t, s, e); break;
    }
}

static void visit_params_defaults(WfScopeTable *t, WfScope *s, WfParams *p) {
    if (!p) return;
    for (int i = 0; i < p->nargs; i++)
        if (p->args[i].default_) visit_expr(t, s, p->args[i].default_);
    for (int i = 0; i < p->nkwonly; i++)
        if (p->kwonly[i].default_) visit_expr(t, s, p->kwonly[i].default_);
}

static void bind_params(WfScopeTable *t, WfScope *f, WfParams *p, const WfAst *at) {
    if (!p) return;
    for (int i = 0; i < p->nargs; i++) {
        WfSymbol *sym = wf_scope_lookup(f, p->args[i].name);
        if (sym && (sym->flags & WF_DEF_PARAM)) {
            fail(t, NULL, p->args[i].line, p->args[i].col,
                 "duplicate argument '%s' in function definition", p->args[i].name);
            return;
        }
        bind(t, f, p->args[i].name, at, WF_DEF_PARAM);
    }
    f->argcount = p->nargs;
    for (int i = 0; i < p->nkwonly; i++) bind(t, f, p->kwonly[i].name, at, WF_DEF_PARAM);
    f->kwonlycount = p->nkwonly;
    if (p->vararg) {
        bind(t, f, p->vararg, at, WF_DEF_PARAM);
        f->varargs = true;
    }
    if (p->kwarg) {
        bind(t, f, p->kwarg, at, WF_DEF_PARAM);
        f->varkw = true;
    }
}

static void visit_comprehension(WfScopeTable *t, WfScope *s, WfAst *e, const char *name) {
    /* The outermost iterable is evaluated in the enclosing scope. */
    WfAst *first = e->comps.items[0];
    visit_expr(t, s, first->right);
    WfScope *c = scope_new(t, WF_SCOPE_FUNCTION, e, s, name);
    c->is_comprehension = true;
    bind(t, c, ".0", e, WF_DEF_PARAM);
    c->argcount = 1;
    for (int i = 0; i < e->comps.n; i++) {
        WfAst *g = e->comps.items[i];
        if (i > 0) visit_expr(t, c, g->right);
        visit_target(t, c, g->left);
        visit_list(t, c, &g->list);
    }
    if (e->kind == WF_E_DICTCOMP) {
        visit_expr(t, c, e->left);
        visit_expr(t, c, e->right);
    } else {
        visit_expr(t, c, e->left);
    }
    if (e->kind == WF_E_GENEXP) c->generator = true;
}

static void too_deep(WfScopeTable *t) {
    if (t->failed) return;
    t->failed = true;
    t->err->set = true;
    t->err->kind = "RecursionError";
    snprintf(t->err->msg, sizeof t->err->msg, "maximum recursion depth exceeded during compilation");
}

static void visit_expr_inner(WfScopeTable *t, WfScope *s, WfAst *e);

static void visit_expr(WfScopeTable *t, WfScope *s, WfAst *e) {
    if (!e || t->failed) return;
    if (++t->depth > WF_MAX_SYNTAX_DEPTH) too_deep(t);
    else visit_expr_inner(t, s, e);
    t->depth--;
}

static void visit_expr_inner(WfScopeTable *t, WfScope *s, WfAst *e) {
    switch (e->kind) {
    case WF_E_NAME:
        use(t, s, e->name, e);
        /* Zero-argument super() finds the class through an implicit
         * __class__ cell, as in CPython. */
        if (s->kind == WF_SCOPE_FUNCTION && strcmp(e->name, "super") == 0) use(t, s, "__class__", e);
        break;
    case WF_E_INT: case WF_E_FLOAT: case WF_E_STR: case WF_E_NONE: case WF_E_TRUE:
    case WF_E_FALSE: case WF_E_ELLIPSIS:
        break;
    case WF_E_FSTRING: visit_list(t, s, &e->list); break;
    case WF_E_FORMATTED:
        visit_expr(t, s, e->left);
        visit_expr(t, s, e->right);
        break;
    case WF_E_LISTCOMP: visit_comprehension(t, s, e, "<listcomp>"); break;
    case WF_E_SETCOMP: visit_comprehension(t, s, e, "<setcomp>"); break;
    case WF_E_DICTCOMP: visit_comprehension(t, s, e, "<dictcomp>"); break;
    case WF_E_GENEXP: visit_comprehension(t, s, e, "<genexpr>"); break;
    case WF_E_LAMBDA: {
        visit_params_defaults(t, s, e->params);
        WfScope *f = scope_new(t, WF_SCOPE_FUNCTION, e, s, "<lambda>");
        bind_params(t, f, e->params, e);
        visit_expr(t, f, e->left);
        break;
    }
    case WF_E_YIELD:
    case WF_E_YIELD_FROM:
        if (s->kind != WF_SCOPE_FUNCTION) {
            fail(t, e, 0, 0, "'%s' outside function", "yield");
            return;
        }
        if (s->is_comprehension && s->node) {
            WfAstKind k = s->node->kind;
            fail(t, e, 0, 0, "'yield' inside %s",
                 k == WF_E_LISTCOMP  ? "list comprehension"
                 : k == WF_E_SETCOMP ? "set comprehension"
                 : k == WF_E_DICTCOMP ? "dict comprehension"
                                      : "generator expression");
            return;
        }
        s->generator = true;
        visit_expr(t, s, e->left);
        break;
    case WF_E_DICT:
        visit_list(t, s, &e->keys);
        visit_list(t, s, &e->list);
        break;
    default:
        visit_expr(t, s, e->left);
        visit_expr(t, s, e->right);
        visit_expr(t, s, e->test);
        visit_list(t, s, &e->list);
        visit_list(t, s, &e->keywords);
        visit_list(t, s, &e->comps);
        break;
    }
}

static void declare(WfScopeTable *t, WfScope *s, WfAst *st, unsigned how) {
    for (int i = 0; i < st->nnames; i++) {
        const char *name = st->names[i];
        WfSymbol *sym = wf_scope_lookup(s, name);
        const char *kw = how == WF_DEF_GLOBAL ? "global" : "nonlocal";
        if (sym) {
            char msg[200];
            if (sym->flags & WF_DEF_PARAM) {
                snprintf(msg, sizeof msg, "name '%%s' is parameter and %s", kw);
                fail(t, st, 0, 0, msg, name);
                return;
            }
            if ((how == WF_DEF_GLOBAL && (sym->flags & WF_DEF_NONLOCAL)) ||
                (how == WF_DEF_NONLOCAL && (sym->flags & WF_DEF_GLOBAL))) {
                fail(t, st, 0, 0, "name '%s' is nonlocal and global", name);
                return;
            }
            if (sym->flags & WF_DEF_ASSIGN && !(sym->flags & how)) {
                snprintf(msg, sizeof msg, "name '%%s' is assigned to before %s declaration", kw);
                fail(t, st, 0, 0, msg, name);
                return;
            }
            if (sym->flags & WF_DEF_USE && !(sym->flags & how)) {
                snprintf(msg, sizeof msg, "name '%%s' is used prior to %s declaration", kw);
                fail(t, st, 0, 0, msg, name);
                return;
            }
        }
        if (how == WF_DEF_NONLOCAL && s->kind == WF_SCOPE_MODULE) {
            fail(t, st, 0, 0, "nonlocal declaration not allowed at module level%s", "");
            return;
        }
        WfSymbol *ns = sym_add(t, s, name, st->line, st->col);
        ns->flags |= how;
        if (!ns->decl) ns->decl = st;
    }
}

static void visit_stmt_inner(WfScopeTable *t, WfScope *s, WfAst *st);

static void visit_stmt(WfScopeTable *t, WfScope *s, WfAst *st) {
    if (!st || t->failed) return;
    if (++t->depth > WF_MAX_SYNTAX_DEPTH) too_deep(t);
    else visit_stmt_inner(t, s, st);
    t->depth--;
}

static void visit_stmt_inner(WfScopeTable *t, WfScope *s, WfAst *st) {
    switch (st->kind) {
    case WF_S_EXPR: visit_expr(t, s, st->left); break;
    case WF_S_ASSIGN:
        visit_expr(t, s, st->right);
        for (int i = 0; i < st->list.n; i++) visit_target(t, s, st->list.items[i]);
        break;
    case WF_S_AUGASSIGN:
        visit_expr(t, s, st->right);
        if (st->left->kind == WF_E_NAME) {
            use(t, s, st->left->name, st->left);
            bind(t, s, st->left->name, st->left, WF_DEF_ASSIGN);
        } else {
            visit_expr(t, s, st->left);
        }
        break;
    case WF_S_FOR:
        visit_expr(t, s, st->right);
        visit_target(t, s, st->left);
        visit_stmts(t, s, &st->body);
        visit_stmts(t, s, &st->orelse);
        break;
    case WF_S_DEL:
        for (int i = 0; i < st->list.n; i++) visit_target(t, s, st->list.items[i]);
        break;
    case WF_S_GLOBAL: declare(t, s, st, WF_DEF_GLOBAL); break;
    case WF_S_NONLOCAL: declare(t, s, st, WF_DEF_NONLOCAL); break;
    case WF_S_TRY:
        visit_stmts(t, s, &st->body);
        for (int i = 0; i < st->handlers.n; i++) {
            WfAst *h = st->handlers.items[i];
            visit_expr(t, s, h->left);
            if (h->name) bind(t, s, h->name, h, WF_DEF_ASSIGN);
            visit_stmts(t, s, &h->body);
        }
        visit_stmts(t, s, &st->orelse);
        visit_stmts(t, s, &st->finalbody);
        break;
    case WF_S_FUNCDEF: {
        visit_list(t, s, &st->decorators);
        visit_params_defaults(t, s, st->params);
        bind(t, s, st->name, st, WF_DEF_ASSIGN);
        WfScope *f = scope_new(t, WF_SCOPE_FUNCTION, st, s, st->name);
        bind_params(t, f, st->params, st);
        visit_stmts(t, f, &st->body);
        break;
    }
    case WF_S_CLASSDEF: {
        visit_list(t, s, &st->decorators);
        visit_list(t, s, &st->list);
        visit_list(t, s, &st->keywords);
        bind(t, s, st->name, st, WF_DEF_ASSIGN);
        WfScope *c = scope_new(t, WF_SCOPE_CLASS, st, s, st->name);
        visit_stmts(t, c, &st->body);
        break;
    }
    case WF_S_WITH:
        for (int i = 0; i < st->list.n; i++) {
            WfAst *item = st->list.items[i];
            visit_expr(t, s, item->left);
            visit_target(t, s, item->right);
        }
        visit_stmts(t, s, &st->body);
        break;
    case WF_S_IMPORT:
    case WF_S_IMPORTFROM:
        for (int i = 0; i < st->list.n; i++) {
            WfAst *al = st->list.items[i];
            if (strcmp(al->name, "*") == 0) {
                if (s->kind != WF_SCOPE_MODULE)
                    fail(t, st, 0, 0, "import * only allowed at module level%s", "");
                continue;
            }
            const char *bound = al->asname;
            if (!bound) {
                if (st->kind == WF_S_IMPORT) {
                    const char *dot = strchr(al->name, '.');
                    bound = dot ? wf_arena_strndup(t->a, al->name, (size_t)(dot - al->name)) : al->name;
                } else {
                    bound = al->name;
                }
            }
            bind(t, s, bound, al, WF_DEF_ASSIGN);
        }
        break;
    case WF_S_RETURN:
        if (s->kind != WF_SCOPE_FUNCTION) {
            fail(t, st, 0, 0, "'return' outside function%s", "");
            return;
        }
        visit_expr(t, s, st->left);
        break;
    default:
        visit_expr(t, s, st->left);
        visit_expr(t, s, st->right);
        visit_expr(t, s, st->test);
        visit_list(t, s, &st->list);
        visit_stmts(t, s, &st->body);
        visit_stmts(t, s, &st->orelse);
        visit_stmts(t, s, &st->finalbody);
        break;
    }
}

static void visit_stmts(WfScopeTable *t, WfScope *s, WfAstList *l) {
    for (int i = 0; i < l->n && !t->failed; i++) visit_stmt(t, s, l->items[i]);
}

/* ---- analyze ------------------------------------------------------------------ */

typedef struct NameSet {
    const char **names;
    int n, cap;
} NameSet;

static bool set_has(const NameSet *ns, const char *name) {
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->names[i], name) == 0) return true;
    return false;
}

static void set_add(WfArena *a, NameSet *ns, const char *name) {
    if (set_has(ns, name)) return;
    if (ns->n == ns->cap) {
        int cap = ns->cap ? ns->cap * 2 : 8;
        const char **p = wf_arena_alloc(a, sizeof *p * (size_t)cap);
        if (ns->n) memcpy(p, ns->names, sizeof *p * (size_t)ns->n);
        ns->names = p;
        ns->cap = cap;
    }
    ns->names[ns->n++] = name;
}

static void push_name(WfArena *a, const char ***arr, int *n, const char *name) {
    const char **p = wf_arena_alloc(a, sizeof *p * (size_t)(*n + 1));
    if (*n) memcpy(p, *arr, sizeof *p * (size_t)*n);
    p[*n] = name;
    *arr = p;
    (*n)++;
}

/* Children are found through the node map; collect them in source order. */
typedef struct ScopeList {
    WfScope **items;
    int n, cap;
} ScopeList;

static void analyze(WfScopeTable *t, WfScope *s, const NameSet *bound, NameSet *free_out,
                    ScopeList *all);

static void resolve_own(WfScopeTable *t, WfScope *s, const NameSet *bound) {
    for (int i = 0; i < s->norder; i++) {
        WfSymbol *sym = s->order[i];
        unsigned f = sym->flags;
        if (f & WF_DEF_GLOBAL) {
            sym->kind = WF_SYM_GLOBAL_EXPLICIT;
        } else if (f & WF_DEF_NONLOCAL) {
            if (!bound || !set_has(bound, sym->name)) {
                fail(t, sym->decl, sym->first_line, sym->first_col, "no binding for nonlocal '%s' found",
                     sym->name);
                return;
            }
            sym->kind = WF_SYM_FREE;
        } else if (s->kind == WF_SCOPE_MODULE) {
            sym->kind = (f & (WF_DEF_ASSIGN | WF_DEF_PARAM)) ? WF_SYM_NAME : WF_SYM_GLOBAL_IMPLICIT;
        } else if (f & (WF_DEF_ASSIGN | WF_DEF_PARAM)) {
            sym->kind = s->kind == WF_SCOPE_CLASS ? WF_SYM_NAME : WF_SYM_LOCAL;
        } else if (bound && set_has(bound, sym->name)) {
            sym->kind = WF_SYM_FREE;
        } else {
            sym->kind = WF_SYM_GLOBAL_IMPLICIT;
        }
    }
}

static void find_children(WfScopeTable *t, WfScope *s, ScopeList *out) {
    out->n = 0;
    for (int i = 0; i < t->cap; i++) {
        if (t->keys[i] && t->vals[i]->parent == s) {
            if (out->n == out->cap) {
                int cap = out->cap ? out->cap * 2 : 8;
                WfScope **p = wf_arena_alloc(t->a, sizeof *p * (size_t)cap);
                if (out->n) memcpy(p, out->items, sizeof *p * (size_t)out->n);
                out->items = p;
                out->cap = cap;
            }
            out->items[out->n++] = t->vals[i];
        }
    }
}

static void analyze(WfScopeTable *t, WfScope *s, const NameSet *bound, NameSet *free_out,
                    ScopeList *all) {
    resolve_own(t, s, bound);
    if (t->failed) return;
    NameSet newbound = {0};
    if (bound)
        for (int i = 0; i < bound->n; i++) set_add(t->a, &newbound, bound->names[i]);
    if (s->kind == WF_SCOPE_FUNCTION) {
        for (int i = 0; i < s->norder; i++) {
            WfSymbol *sym = s->order[i];
            if (sym->kind == WF_SYM_LOCAL) set_add(t->a, &newbound, sym->name);
        }
    }
    if (s->kind == WF_SCOPE_CLASS) set_add(t->a, &newbound, "__class__");
    ScopeList kids = {0};
    find_children(t, s, &kids);
    NameSet child_free = {0};
    for (int i = 0; i < kids.n && !t->failed; i++) {
        NameSet cf = {0};
        analyze(t, kids.items[i], s->kind == WF_SCOPE_MODULE ? NULL : &newbound, &cf, all);
        for (int j = 0; j < cf.n; j++) set_add(t->a, &child_free, cf.names[j]);
    }
    if (t->failed) return;
    for (int i = 0; i < child_free.n; i++) {
        const char *name = child_free.names[i];
        WfSymbol *sym = wf_scope_lookup(s, name);
        if (s->kind == WF_SCOPE_FUNCTION && sym && (sym->kind == WF_SYM_LOCAL || sym->kind == WF_SYM_CELL)) {
            sym->kind = WF_SYM_CELL;
            continue;
        }
        if (s->kind == WF_SCOPE_MODULE) continue;
        if (s->kind == WF_SCOPE_CLASS && strcmp(name, "__class__") == 0) {
            sym = sym_add(t, s, name, 0, 0);
            sym->kind = WF_SYM_CELL;
            continue;
        }
        if (sym && sym->kind == WF_SYM_FREE) continue;
        if (sym && s->kind == WF_SCOPE_CLASS && sym->kind == WF_SYM_NAME) {
            /* The class binds the name too; methods still see the enclosing
             * function's variable through the class's free slot. */
            set_add(t->a, free_out, name);
            continue;
        }
        if (!sym || sym->kind == WF_SYM_GLOBAL_IMPLICIT) {
            sym = sym_add(t, s, name, 0, 0);
            sym->kind = WF_SYM_FREE;
        }
    }
    /* Slot assignment: parameters first in declaration order. */
    if (s->kind == WF_SCOPE_FUNCTION) {
        WfParams *p = s->node && s->node->params ? s->node->params : NULL;
        if (s->is_comprehension) {
            push_name(t->a, &s->locals, &s->nlocals, ".0");
        } else if (p) {
            for (int i = 0; i < p->nargs; i++) push_name(t->a, &s->locals, &s->nlocals, p->args[i].name);
            for (int i = 0; i < p->nkwonly; i++)
                push_name(t->a, &s->locals, &s->nlocals, p->kwonly[i].name);
            if (p->vararg) push_name(t->a, &s->locals, &s->nlocals, p->vararg);
            if (p->kwarg) push_name(t->a, &s->locals, &s->nlocals, p->kwarg);
        }
        for (int i = 0; i < s->nlocals; i++) wf_scope_lookup(s, s->locals[i])->slot = i;
        for (int i = 0; i < s->norder; i++) {
            WfSymbol *sym = s->order[i];
            if (sym->kind == WF_SYM_LOCAL && sym->slot < 0) {
                sym->slot = s->nlocals;
                push_name(t->a, &s->locals, &s->nlocals, sym->name);
            }
        }
    }
    for (int i = 0; i < s->norder; i++) {
        WfSymbol *sym = s->order[i];
        if (sym->kind == WF_SYM_CELL) push_name(t->a, &s->cells, &s->ncells, sym->name);
    }
    for (int i = 0; i < s->norder; i++) {
        WfSymbol *sym = s->order[i];
        if (sym->kind == WF_SYM_FREE) {
            push_name(t->a, &s->frees, &s->nfrees, sym->name);
            set_add(t->a, free_out, sym->name);
        }
    }
    for (int i = 0; i < s->ncells; i++) wf_scope_lookup(s, s->cells[i])->slot = s->nlocals + i;
    for (int i = 0; i < s->nfrees; i++)
        wf_scope_lookup(s, s->frees[i])->slot = s->nlocals + s->ncells + i;
    /* A class's own free names pass through to the methods; nothing else
     * to do: names it binds stay NAME. */
    (void)all;
}

WfScopeTable *wf_scope_build(WfArena *a, WfModuleAst *mod, WfSyntaxError *err) {
    WfScopeTable *t = wf_arena_alloc(a, sizeof *t);
    t->a = a;
    t->err = err;
    t->module = scope_new(t, WF_SCOPE_MODULE, NULL, NULL, "<module>");
    visit_stmts(t, t->module, &mod->body);
    if (t->failed) return NULL;
    NameSet fr = {0};
    ScopeList all = {0};
    analyze(t, t->module, NULL, &fr, &all);
    return t->failed ? NULL : t;
}

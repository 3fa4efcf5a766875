/* scope.h: the scope pass. It walks the AST once, records every name each
 * function, lambda, comprehension and class binds, uses or declares, and
 * resolves each name to local, cell, free or global as CPython's symtable
 * does. The compiler then asks for a node's scope and a name's slot. All
 * tables live in the parse's arena. */
#ifndef WF_SCOPE_H
#define WF_SCOPE_H
#include "ast.h"

typedef enum WfScopeKind { WF_SCOPE_MODULE, WF_SCOPE_FUNCTION, WF_SCOPE_CLASS } WfScopeKind;

typedef enum WfSymKind {
    WF_SYM_LOCAL,           /* function local: a fast slot */
    WF_SYM_CELL,            /* function local captured by an inner scope */
    WF_SYM_FREE,            /* variable of an enclosing function */
    WF_SYM_GLOBAL_EXPLICIT, /* declared `global` */
    WF_SYM_GLOBAL_IMPLICIT, /* not bound here nor in an enclosing function */
    WF_SYM_NAME             /* module/class body: the namespace dict */
} WfSymKind;

enum {
    WF_DEF_ASSIGN = 1, WF_DEF_PARAM = 2, WF_DEF_GLOBAL = 4, WF_DEF_NONLOCAL = 8,
    WF_DEF_USE = 16
};

typedef struct WfSymbol {
    const char *name;
    unsigned flags;
    WfSymKind kind;
    int slot;              /* local slot, or cell/free slot (absolute) */
    int first_line, first_col;
    const WfAst *decl;     /* the global/nonlocal statement, for errors */
} WfSymbol;

typedef struct WfScope WfScope;
struct WfScope {
    WfScopeKind kind;
    WfAst *node;            /* FUNCDEF, LAMBDA, comprehension, CLASSDEF; NULL for module */
    WfScope *parent;
    WfSymbol **syms;        /* open-addressing table by name */
    int nsyms, cap;
    WfSymbol **order;       /* symbols in first-seen order */
    int norder, ordercap;
    const char **locals;    /* slot order: params first */
    int nlocals;
    const char **cells;
    int ncells;
    const char **frees;
    int nfrees;
    int argcount, kwonlycount;
    bool varargs, varkw;
    bool generator;
    bool is_comprehension;
    const char *qualname;
    const char *private_name;   /* the innermost enclosing class's name
                                   (its body included), or NULL */
};

typedef struct WfScopeTable WfScopeTable;

/* Runs the pass; NULL with err filled on a SyntaxError ("nonlocal
 * declaration not allowed at module level", "'yield' outside function",
 * "no binding for nonlocal 'x' found", ...). */
WfScopeTable *wf_scope_build(WfArena *a, WfModuleAst *mod, WfSyntaxError *err);
WfScope *wf_scope_module(WfScopeTable *t);
WfScope *wf_scope_of(WfScopeTable *t, const WfAst *node);
/* Looks name up in s, after private name mangling. */
WfSymbol *wf_scope_lookup(WfScope *s, const char *name);
/* CPython's private name mangling (_Py_Mangle): in the scope of class C an
 * identifier __x (not ending in "__", no dot) means _C__x, with C's
 * leading underscores stripped (a class named only underscores mangles
 * nothing). Returns name itself, or the mangled name written into buf
 * (size n); NULL when it does not fit. Mangling is idempotent. */
const char *wf_mangle(const char *private_name, const char *name, char *buf, size_t n);
/* The same for s's private name, into buf (WF_MANGLE_BUF bytes); names
 * too long for it are left as they are. */
#define WF_MANGLE_BUF 512
const char *wf_scope_mangle(const WfScope *s, const char *name, char *buf);
#endif

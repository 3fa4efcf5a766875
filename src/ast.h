/* ast.h: the syntax tree the parser builds and the scope pass and compiler
 * read. Nodes live in the parse's arena (arena.h) and are never freed one by
 * one. Every node carries the 1-based line and 0-based column (in code
 * points) of its first token, which SyntaxErrors, the line table and
 * tracebacks use. The parser (grammar/parse.y) builds nodes only through the
 * constructors in ast.c; the compiler only reads them. */
#ifndef WF_AST_H
#define WF_AST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct WfAst WfAst;

/* A growable array of node pointers, allocated in the arena. */
typedef struct WfAstList {
    int n, cap;
    WfAst **items;
} WfAstList;

typedef enum WfAstKind {
    /* ---- expressions ---- */
    WF_E_NAME,       /* name */
    WF_E_INT,        /* int_ (fits int64) or big (decimal digits, no '_') */
    WF_E_FLOAT,      /* fval */
    WF_E_STR,        /* str / len: decoded UTF-8, may hold NUL bytes */
    WF_E_NONE,
    WF_E_TRUE,
    WF_E_FALSE,
    WF_E_ELLIPSIS,
    WF_E_FSTRING,    /* list: WF_E_STR pieces and WF_E_FORMATTED fields */
    WF_E_FORMATTED,  /* value, conversion ('r','s','a' or 0), spec (WF_E_FSTRING or NULL) */
    WF_E_BINOP,      /* op, left, right */
    WF_E_UNARY,      /* op, operand (in left) */
    WF_E_BOOLOP,     /* op (WF_OP_AND/OR), list of >= 2 values */
    WF_E_COMPARE,    /* left, cmpops[i] against list.items[i] */
    WF_E_CALL,       /* func (left), list of args (may be WF_E_STARRED),
                        keywords: list of WF_E_KEYWORD */
    WF_E_KEYWORD,    /* name (NULL for **value), value (left) */
    WF_E_ATTR,       /* value (left), name */
    WF_E_SUBSCRIPT,  /* value (left), index (right; may be WF_E_SLICE or a
                        WF_E_TUPLE containing slices) */
    WF_E_SLICE,      /* lower, upper, step: any may be NULL */
    WF_E_LIST,       /* list of elements (may be WF_E_STARRED) */
    WF_E_TUPLE,      /* list of elements (may be WF_E_STARRED) */
    WF_E_SET,        /* list of elements (may be WF_E_STARRED) */
    WF_E_DICT,       /* keys and values lists, same length; a NULL key means
                        `**value` spread */
    WF_E_LISTCOMP,   /* elt (left), comps: list of WF_E_COMPREHENSION */
    WF_E_SETCOMP,    /* elt (left), comps */
    WF_E_GENEXP,     /* elt (left), comps */
    WF_E_DICTCOMP,   /* key (left), value (right), comps */
    WF_E_COMPREHENSION, /* target (left), iter (right), ifs (list) */
    WF_E_LAMBDA,     /* params, body expression (left) */
    WF_E_IFEXP,      /* test, body (left), orelse (right) */
    WF_E_STARRED,    /* value (left): `*x` in a call, display or target */
    WF_E_DOUBLESTARRED, /* value (left): only inside call keyword lists */
    WF_E_YIELD,      /* value (left) or NULL */
    WF_E_YIELD_FROM, /* value (left) */

    /* ---- statements ---- */
    WF_S_EXPR,       /* value (left) */
    WF_S_ASSIGN,     /* targets: list (a = b = value has 2), value (right) */
    WF_S_AUGASSIGN,  /* target (left), op, value (right) */
    WF_S_IF,         /* test, body, orelse (an elif is a nested WF_S_IF) */
    WF_S_WHILE,      /* test, body, orelse */
    WF_S_FOR,        /* target (left), iter (right), body, orelse */
    WF_S_BREAK,
    WF_S_CONTINUE,
    WF_S_PASS,
    WF_S_RETURN,     /* value (left) or NULL */
    WF_S_DEL,        /* list of targets */
    WF_S_ASSERT,     /* test, msg (left) or NULL */
    WF_S_GLOBAL,     /* names */
    WF_S_NONLOCAL,   /* names */
    WF_S_TRY,        /* body, handlers (list of WF_S_HANDLER), orelse, finalbody */
    WF_S_HANDLER,    /* type (left) or NULL for bare except, name or NULL, body */
    WF_S_RAISE,      /* exc (left) or NULL, cause (right) or NULL */
    WF_S_FUNCDEF,    /* name, params, body, decorators */
    WF_S_CLASSDEF,   /* name, list (bases, may hold WF_E_STARRED),
                        keywords (WF_E_KEYWORD), body, decorators */
    WF_S_WITH,       /* items: list of WF_S_WITHITEM, body */
    WF_S_WITHITEM,   /* context expr (left), optional target (right) */
    WF_S_IMPORT,     /* aliases: list of WF_S_ALIAS */
    WF_S_IMPORTFROM, /* module (name, may be NULL for `from . import x`),
                        level, aliases; a single alias named "*" is import * */
    WF_S_ALIAS,      /* name (dotted, e.g. "a.b.c"), asname or NULL */
    WF_S_PRINT,      /* Python 2 `print a, b` / `print a,` / `print`:
                        list of values, trailing_comma */
    WF_AST_KIND_COUNT
} WfAstKind;

typedef enum WfOp {
    /* binary arithmetic; the order matches the VM's binary-op table */
    WF_OP_ADD, WF_OP_SUB, WF_OP_MUL, WF_OP_TRUEDIV, WF_OP_FLOORDIV,
    WF_OP_MOD, WF_OP_POW, WF_OP_LSHIFT, WF_OP_RSHIFT, WF_OP_BITAND,
    WF_OP_BITOR, WF_OP_BITXOR, WF_OP_MATMUL,
    /* unary */
    WF_OP_NEG, WF_OP_POS, WF_OP_INVERT, WF_OP_NOT,
    /* boolean */
    WF_OP_AND, WF_OP_OR,
    /* comparisons; the first six match the rich-compare order */
    WF_OP_LT, WF_OP_LE, WF_OP_EQ, WF_OP_NE, WF_OP_GT, WF_OP_GE,
    WF_OP_IN, WF_OP_NOT_IN, WF_OP_IS, WF_OP_IS_NOT
} WfOp;

/* Parameters of a def or lambda. A default of NULL means none; defaults
 * of positional parameters must be a suffix (the parser checks that with
 * CPython's message). */
typedef struct WfParam {
    const char *name;
    WfAst *default_;
    int line, col;
} WfParam;

typedef struct WfParams {
    WfParam *args;        /* positional-or-keyword */
    int nargs;
    const char *vararg;   /* *args name, or NULL */
    WfParam *kwonly;      /* after * or *args */
    int nkwonly;
    const char *kwarg;    /* **kwargs name, or NULL */
} WfParams;

struct WfAst {
    WfAstKind kind;
    int line, col;        /* 1-based line, 0-based column in code points */
    int end_line, end_col;/* of the last token, when the parser knows it */
    WfOp op;
    WfAst *left, *right;  /* meaning per kind, see WfAstKind */
    WfAst *test;
    WfAstList list;       /* elements / args / values / targets / pieces */
    WfAstList keywords;   /* call and class keywords */
    WfAstList keys;       /* dict keys */
    WfAstList comps;      /* comprehension clauses / ifs of a clause */
    WfAstList body, orelse, finalbody, handlers, decorators;
    const char *name;     /* identifier (interned per parse) or NULL */
    const char *asname;
    const char **names;   /* global / nonlocal names */
    int nnames;
    WfParams *params;
    WfOp *cmpops;         /* WF_E_COMPARE: list.n operators */
    int level;            /* relative import level */
    bool trailing_comma;  /* WF_S_PRINT */
    bool parenthesized;   /* an expression written inside ( ) */
    int conversion;       /* WF_E_FORMATTED */
    int64_t int_;
    const char *big;      /* WF_E_INT that does not fit int64 */
    double fval;
    const char *str;      /* WF_E_STR bytes (NUL-terminated too) */
    size_t len;
    /* Added by the front end: when parenthesized, the position including
     * the outermost parentheses (line/col above exclude them, as in
     * CPython); a parent node starts and ends where these say. */
    int pline, pcol, pend_line, pend_col;
};

/* The whole parse result. mode says what the source was parsed as. */
typedef enum WfParseMode {
    WF_PARSE_FILE,        /* a module: statements to EOF */
    WF_PARSE_SINGLE,      /* one interactive statement (the prompt) */
    WF_PARSE_EVAL         /* one expression (eval(), f-string fields) */
} WfParseMode;

typedef struct WfModuleAst {
    WfAstList body;       /* statements; for EVAL mode one WF_S_EXPR */
} WfModuleAst;

/* A SyntaxError (or IndentationError / TabError) found anywhere in the front
 * end: scope and compile errors use the same record. Columns are 0-based
 * code-point offsets into the line; the report puts the caret at col+1 and,
 * when end_col > col+1, a run of carets up to end_col as CPython 3.11 does. */
typedef struct WfSyntaxError {
    const char *kind;     /* "SyntaxError", "IndentationError", "TabError" */
    char msg[256];
    int line, col, end_col;
    bool set;
    bool incomplete;      /* the input ended inside a block or bracket:
                             the prompt asks for a continuation line */
} WfSyntaxError;

/* Parses src (len bytes, need not be NUL-terminated) into arena nodes.
 * Returns NULL and fills err on a syntax error. Never crashes, never reads
 * past len, for any bytes at all. */
WfModuleAst *wf_parse(WfArena *arena, const char *src, size_t len,
                      WfParseMode mode, WfSyntaxError *err);

/* Writes CPython's report for err to f: `  File "NAME", line N`, the
 * stripped source line, the caret line and `KIND: msg`. */
void wf_syntax_error_print(void *file_ptr, const char *filename,
                           const char *src, size_t len,
                           const WfSyntaxError *err);

/* Builders used by the grammar actions (ast.c). */
WfAst *wf_ast_new(WfArena *a, WfAstKind kind, int line, int col);
void wf_ast_list_push(WfArena *a, WfAstList *l, WfAst *node);

#endif

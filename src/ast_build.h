/* ast_build.h: the AST builders the grammar actions (grammar/parse.y) call,
 * and the parse state they share with the driver (parser.c). Builders live
 * in ast.c; they allocate in the parse's arena, fill positions from tokens,
 * decode literals and check what the grammar accepts too loosely
 * (assignment targets, argument order), recording CPython 3.11's message
 * on the first error. Nothing here is used outside the front end. */
#ifndef WF_AST_BUILD_H
#define WF_AST_BUILD_H
#include "ast.h"
#include "lexer.h"

/* A list being collected by a rule (statements, arguments, items). Its
 * first member matches WfAst's so parser.c can tell the two apart on the
 * parser stack; it never enters the finished tree. */
#define WF_SEQ ((WfAstKind)WF_AST_KIND_COUNT)
typedef struct WfSeq {
    WfAstKind kind;         /* always WF_SEQ */
    bool comma;             /* a comma was seen */
    int line, col, end_line, end_col;
    WfAstList list;
} WfSeq;

/* Adjacent string literal tokens, decoded together by wf_b_strings. */
typedef struct WfStrList {
    WfTok *toks;
    int n, cap;
} WfStrList;

typedef struct WfParseRoot WfParseRoot; /* shared by nested parses */

typedef struct WfParser {
    WfArena *arena;
    WfParseRoot *root;
    WfLexer *lx;
    WfParseMode mode;
    bool failed;            /* err holds the first immediate error */
    bool accepted;
    bool overflow;
    bool syntax;            /* the grammar rejected the token `last` */
    bool hard;              /* err came from decoding a literal, which
                               CPython does while parsing: it stands even
                               if the grammar then rejects the token */
    WfSyntaxError err;
    bool has_deferred;      /* an error CPython finds after parsing (in its
                               compiler); reported if the parse succeeds */
    WfSyntaxError deferred;
    WfAstList body;         /* the module's statements */
    int fdepth;             /* f-string nesting depth of this parse */
    bool fstring_field;     /* parsing an f-string field expression */
    WfTok last;             /* the last token fed to the parser */
} WfParser;

/* ---- errors ---- */
/* Records an error at a code-point range of the source (end exclusive;
 * end_line > line means "to the end of the first line"). CPython 3.11
 * reports parser errors in byte columns; the conversion happens here. */
void wf_b_error_at(WfParser *p, const char *kind, int line, int col,
                   int end_line, int end_col, const char *fmt, ...);
void wf_b_error_node(WfParser *p, const WfAst *n, const char *fmt, ...);
void wf_b_error_tok(WfParser *p, const WfTok *t, const char *fmt, ...);
void wf_b_deferred_node(WfParser *p, const WfAst *n, const char *fmt, ...);
int wf_b_byte_col(WfParser *p, int line, int col);
/* "function call", "literal", ...: the name CPython's messages use. */
const char *wf_b_expr_name(const WfAst *e);

/* ---- generic ---- */
WfSeq *wf_b_seq(WfParser *p, WfAst *first);
WfSeq *wf_b_push(WfParser *p, WfSeq *seq, WfAst *item);
WfSeq *wf_b_cat(WfParser *p, WfSeq *seq, WfSeq *more);
WfSeq *wf_b_seq_end(WfParser *p, WfSeq *seq, const WfTok *t);
WfSeq *wf_b_mark_comma(WfSeq *seq);
void wf_b_module(WfParser *p, WfSeq *stmts);
void wf_b_eval(WfParser *p, WfAst *e);

/* ---- atoms ---- */
WfAst *wf_b_name(WfParser *p, const WfTok *t);
WfAst *wf_b_number(WfParser *p, const WfTok *t);
WfAst *wf_b_const(WfParser *p, WfAstKind k, const WfTok *t);
WfStrList *wf_b_strlist(WfParser *p, WfStrList *l, const WfTok *t);
WfAst *wf_b_strings(WfParser *p, WfStrList *l, const WfTok *next);
WfAst *wf_b_paren(WfParser *p, const WfTok *l, WfSeq *inner,
                  const WfTok *r);
WfAst *wf_b_paren_yield(WfParser *p, const WfTok *l, WfAst *y,
                        const WfTok *r);
WfAst *wf_b_display(WfParser *p, WfAstKind kind, const WfTok *l,
                    WfSeq *items, const WfTok *r);
WfAst *wf_b_display_comp(WfParser *p, WfAstKind kind, const WfTok *l,
                         WfAst *elt, WfAst *val, WfSeq *comps,
                         const WfTok *r);
WfAst *wf_b_dict_display(WfParser *p, const WfTok *l, WfAst *dict,
                         const WfTok *r);
WfAst *wf_b_comp(WfParser *p, WfAstKind kind, WfAst *elt, WfAst *val,
                 WfSeq *comps);
WfAst *wf_b_dict_item(WfParser *p, WfAst *dict, WfAst *key, WfAst *val);
WfAst *wf_b_dict_spread(WfParser *p, WfAst *dict, const WfTok *star,
                        WfAst *val);

/* ---- operators ---- */
WfAst *wf_b_binop(WfParser *p, WfAst *l, WfOp op, WfAst *r);
WfAst *wf_b_unary(WfParser *p, const WfTok *t, WfOp op, WfAst *e);
WfAst *wf_b_boolop(WfParser *p, WfAst *l, WfOp op, WfAst *r);
WfAst *wf_b_compare(WfParser *p, WfAst *l, int op, WfAst *r);
WfAst *wf_b_ifexp(WfParser *p, WfAst *body, WfAst *test, WfAst *orelse);
WfAst *wf_b_starred(WfParser *p, const WfTok *t, WfAst *e);
WfAst *wf_b_tuple(WfParser *p, WfSeq *seq);
WfAst *wf_b_yield(WfParser *p, const WfTok *t, WfAst *value);
WfAst *wf_b_yield_from(WfParser *p, const WfTok *t, WfAst *value);
WfAst *wf_b_lambda(WfParser *p, const WfTok *t, WfParams *params,
                   WfAst *body);

/* ---- trailers ---- */
WfAst *wf_b_attr(WfParser *p, WfAst *value, const WfTok *name);
WfAst *wf_b_subscript(WfParser *p, WfAst *value, WfAst *index,
                      const WfTok *r);
WfAst *wf_b_subscript_index(WfParser *p, WfSeq *seq);
WfAst *wf_b_slice(WfParser *p, WfAst *lo, const WfTok *colon, WfAst *hi,
                  WfAst *step, const WfTok *next);
WfAst *wf_b_call(WfParser *p, WfAst *func, const WfTok *l, WfSeq *args,
                 const WfTok *r);
WfAst *wf_b_arg_keyword(WfParser *p, WfAst *key, const WfTok *eq,
                        WfAst *value);
WfAst *wf_b_arg_genexp(WfParser *p, WfAst *elt, WfSeq *comps);
WfAst *wf_b_arg_keyword_genexp(WfParser *p, WfAst *key, const WfTok *eq,
                               WfAst *value);
WfAst *wf_b_arg_star(WfParser *p, const WfTok *t, WfAst *value,
                     bool double_star);

/* ---- comprehensions ---- */
WfAst *wf_b_comp_for(WfParser *p, const WfTok *t, WfSeq *target,
                     WfAst *iter);
WfSeq *wf_b_comp_if(WfParser *p, WfSeq *comps, WfAst *cond);

/* ---- statements ---- */
WfAst *wf_b_expr_stmt(WfParser *p, WfAst *e);
WfAst *wf_b_assign(WfParser *p, WfSeq *chain);
WfAst *wf_b_augassign(WfParser *p, WfAst *target, int op, WfAst *value);
WfAst *wf_b_annassign(WfParser *p, WfAst *target, WfAst *ann,
                      WfAst *value);
WfAst *wf_b_simple(WfParser *p, WfAstKind k, const WfTok *t);
WfAst *wf_b_return(WfParser *p, const WfTok *t, WfAst *value);
WfAst *wf_b_raise(WfParser *p, const WfTok *t, WfAst *exc, WfAst *cause);
WfAst *wf_b_del(WfParser *p, const WfTok *t, WfSeq *targets);
WfAst *wf_b_assert(WfParser *p, const WfTok *t, WfAst *test, WfAst *msg);
WfAst *wf_b_names(WfParser *p, WfAstKind k, const WfTok *t, WfSeq *seq);
WfAst *wf_b_print(WfParser *p, const WfTok *t, WfSeq *seq, bool comma);
WfAst *wf_b_alias(WfParser *p, WfSeq *dotted, const WfTok *as);
WfAst *wf_b_alias_name(WfParser *p, const WfTok *name, const WfTok *as);
WfAst *wf_b_import(WfParser *p, const WfTok *t, WfSeq *aliases);
WfAst *wf_b_import_from(WfParser *p, const WfTok *t, int level,
                        WfSeq *module, WfSeq *aliases);
WfAst *wf_b_import_star(WfParser *p, const WfTok *star);
void wf_b_import_trailing_comma(WfParser *p, const WfTok *next);

WfSeq *wf_b_if(WfParser *p, const WfTok *t, WfAst *test, WfSeq *body);
WfSeq *wf_b_elif(WfParser *p, WfSeq *head, const WfTok *t, WfAst *test,
                 WfSeq *body);
WfAst *wf_b_if_done(WfParser *p, WfSeq *head, WfSeq *orelse);
WfAst *wf_b_while(WfParser *p, const WfTok *t, WfAst *test, WfSeq *body,
                  WfSeq *orelse);
WfAst *wf_b_for(WfParser *p, const WfTok *t, WfSeq *target, WfAst *iter,
                WfSeq *body, WfSeq *orelse);
WfAst *wf_b_handler(WfParser *p, const WfTok *t, WfAst *type,
                    const WfTok *name, WfSeq *body);
WfAst *wf_b_try(WfParser *p, const WfTok *t, WfSeq *body, WfSeq *handlers,
                WfSeq *orelse, WfSeq *finalbody);
WfAst *wf_b_with_item(WfParser *p, WfAst *ctx, WfAst *target);
WfAst *wf_b_with(WfParser *p, const WfTok *t, WfSeq *items, WfSeq *body,
                 bool parenthesized);
WfAst *wf_b_param(WfParser *p, const WfTok *name, int kind,
                  WfAst *dflt, const WfTok *star);
WfAst *wf_b_param_default(WfParser *p, WfAst *param, WfAst *dflt);
WfAst *wf_b_param_star(WfParser *p, WfAst *param, int kind,
                       const WfTok *star);
WfParams *wf_b_params(WfParser *p, WfSeq *seq);
WfAst *wf_b_funcdef(WfParser *p, const WfTok *t, const WfTok *name,
                    WfParams *params, WfSeq *body);
WfAst *wf_b_classdef(WfParser *p, const WfTok *t, const WfTok *name,
                     WfSeq *args, const WfTok *rpar, WfSeq *body);
WfAst *wf_b_decorated(WfParser *p, WfSeq *decorators, WfAst *def);

/* Parameter kinds for wf_b_param. */
enum { WF_PK_PLAIN, WF_PK_STAR, WF_PK_DSTAR };

/* Parser-stack helpers generated into parse.c (parse.y %code). */
void *wf_lemon_alloc(void);
void wf_lemon_free(void *parser);
void wf_lemon_reset(void *parser);
void wf_lemon_feed(void *parser, int major, WfTok tok, WfParser *p);
bool wf_lemon_would_shift(void *parser, int major);
void *wf_lemon_top_node(void *parser, int depth);
int wf_lemon_top_major(void *parser, int depth);

/* parser.c: parses an f-string field's text as an expression. text must
 * stay valid; (line, col, bcol) is where text starts in the source. */
WfAst *wf_parse_field(WfParser *p, const char *text, size_t len, int line,
                      int col, int bcol);
/* parser.c: the per-parse identifier table: equal names share a pointer. */
const char *wf_parse_intern(WfParser *p, const char *s, size_t len);

#endif

/* parser.c: wf_parse, the front end's entry point. Feeds the lexer's tokens
 * to the lemon parser (parse.y) and, when the grammar rejects a token,
 * works out what CPython 3.11 would say: it replays the input up to that
 * token into a fresh parser and asks the parse tables what could have come
 * next (a ':', a ',', an indented block, 'except', 'else' ...), then, as
 * CPython does, keeps tokenizing to let a later tokenizer error win.
 * Also owns the per-parse identifier table and the parsing of f-string
 * fields, which recurses into the same machinery. Called by the compiler
 * and the tools; everything it allocates lives in the caller's arena
 * except the lemon parsers and tables, freed before returning. */
#include "ast_build.h"
#include "parse.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* f-string fields nest at most this deep in source (each level needs a
 * new kind of quote); the bound only guards the C stack. */
#define WF_MAX_FIELD_DEPTH 8

struct WfParseRoot {
    WfArena *arena;
    const char *buf, *end;     /* the top-level lexer's buffer */
    int cache_line;            /* line start cache for byte columns */
    const char *cache_ptr;
    const char **tab;          /* identifier table, open addressing */
    size_t cap, n;
    void *pool[WF_MAX_FIELD_DEPTH + 2];  /* lemon parsers by depth; the
                                            last one explains errors */
};

/* ---- identifiers ---------------------------------------------------------- */

static size_t hash_name(const char *s, size_t n) {
    size_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static const char *intern_raw(WfParseRoot *r, const char *s, size_t n) {
    if (r->n * 2 >= r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        const char **tab = calloc(cap, sizeof *tab);
        if (!tab) {
            fputs("weft: out of memory in the parser\n", stderr);
            abort();
        }
        for (size_t i = 0; i < r->cap; i++) {
            const char *e = r->tab[i];
            if (!e) continue;
            size_t j = hash_name(e, strlen(e)) & (cap - 1);
            while (tab[j]) j = (j + 1) & (cap - 1);
            tab[j] = e;
        }
        free(r->tab);
        r->tab = tab;
        r->cap = cap;
    }
    size_t j = hash_name(s, n) & (r->cap - 1);
    while (r->tab[j]) {
        const char *e = r->tab[j];
        if (strncmp(e, s, n) == 0 && e[n] == 0) return e;
        j = (j + 1) & (r->cap - 1);
    }
    const char *e = wf_arena_strndup(r->arena, s, n);
    r->tab[j] = e;
    r->n++;
    return e;
}

const char *wf_parse_intern(WfParser *p, const char *s, size_t n) {
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) ascii = false;
    if (ascii) return intern_raw(p->root, s, n);
    /* non-ASCII identifiers are NFKC-normalized, as in CPython */
    char *tmp = malloc(n + 1);
    if (!tmp) return intern_raw(p->root, s, n);
    memcpy(tmp, s, n);
    tmp[n] = 0;
    utf8proc_uint8_t *norm = utf8proc_NFKC((const utf8proc_uint8_t *)tmp);
    free(tmp);
    if (!norm) return intern_raw(p->root, s, n);
    const char *r = intern_raw(p->root, (const char *)norm,
                               strlen((const char *)norm));
    free(norm);
    return r;
}

/* ---- byte columns ----------------------------------------------------------- */

/* Byte offset of code-point column col on line `line` of the source, or for
 * col == -1 the line's size with its newline, less one (where CPython's
 * caret run ends for an error spanning lines). */
int wf_b_byte_col(WfParser *p, int line, int col) {
    WfParseRoot *r = p->root;
    if (line < 1 || !r->buf) return col;
    if (r->cache_line < 1 || r->cache_line > line) {
        r->cache_line = 1;
        r->cache_ptr = r->buf;
    }
    const char *s = r->cache_ptr;
    for (int l = r->cache_line; l < line; l++) {
        const char *nl = memchr(s, '\n', (size_t)(r->end - s));
        if (!nl) return col;
        s = nl + 1;
    }
    r->cache_line = line;
    r->cache_ptr = s;
    const char *e = memchr(s, '\n', (size_t)(r->end - s));
    if (!e) e = r->end;
    if (col == -1) return (int)(e - s) + (e < r->end ? 1 : 0) - 1;
    const char *q = s;
    for (int c = 0; c < col && q < e;) {
        q++;
        while (q < e && ((unsigned char)*q & 0xC0) == 0x80) q++;
        c++;
    }
    return (int)(q - s);
}

/* ---- the parsing loop ------------------------------------------------------ */

static void *get_parser(WfParser *p, int depth) {
    void **slot = &p->root->pool[depth];
    if (!*slot) {
        *slot = wf_lemon_alloc();
        if (!*slot) {
            fputs("weft: out of memory in the parser\n", stderr);
            abort();
        }
    } else {
        wf_lemon_reset(*slot);
    }
    return *slot;
}

static void set_err(WfSyntaxError *e, const char *kind, int line, int col,
                    int end_col, const char *fmt, ...) {
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->line = line;
    e->col = col;
    e->end_col = end_col;
    e->set = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

static int mode_token(WfParseMode m) {
    return m == WF_PARSE_SINGLE ? TK_MODE_SINGLE
         : m == WF_PARSE_EVAL ? TK_MODE_EVAL : TK_MODE_FILE;
}

/* What the statement being parsed started with. */
typedef struct Ctx {
    WfTok head;            /* first token of the current statement */
    WfTok head_next;       /* the token after it */
    bool block_colon;      /* its header's ':' was seen */
    WfTok prev, prev2;     /* the two tokens before the current one */
    bool lambda_open;      /* in a lambda's parameters */
    int lambda_level;      /* the bracket depth of that lambda */
    long count;            /* tokens fed after the mode token */
} Ctx;

static void ctx_note(Ctx *c, const WfTok *t) {
    if (c->count > 0 && c->prev.type == c->head.type &&
        c->prev.s == c->head.s)
        c->head_next = *t;
    if (t->flags & WF_TF_STMT_START) {
        c->head = *t;
        c->block_colon = false;
    }
    if (t->flags & WF_TF_BLOCK_COLON) c->block_colon = true;
    if (t->type == TK_LAMBDA) {
        c->lambda_open = true;
        c->lambda_level = t->level;
    } else if (t->type == TK_COLON && t->level == c->lambda_level) {
        c->lambda_open = false;
    }
    c->prev2 = c->prev;
    c->prev = *t;
    c->count++;
}

/* Feeds tokens until the parse ends. With stop >= 0, stops before the
 * token of that index (the error analysis replay) and returns it in *at.
 * Returns 1 when accepted, 0 on an error (p->failed, lexer error in
 * *lexerr), 2 when stopped. */
static int feed_loop(WfParser *p, void *ps, WfLexer *lx, Ctx *c, long stop,
                     WfTok *at, bool *lexerr) {
    WfTok t;
    memset(&t, 0, sizeof t);
    wf_lemon_feed(ps, mode_token(p->mode), t, p);
    for (;;) {
        wf_lexer_next(lx, &t);
        if (stop >= 0 && c->count == stop) {
            *at = t;
            return 2;
        }
        if (t.type == WF_TOK_ERROR) {
            *lexerr = true;
            p->last = t;
            return 0;
        }
        p->last = t;
        wf_lemon_feed(ps, t.type, t, p);
        if (p->overflow) return 0;
        if (p->failed) {
            /* an action's error found while reducing for a token the
             * grammar then rejects gives way to the syntax error, as in
             * CPython, whose checks run only where the grammar matched */
            if (p->hard) p->syntax = false;
            else if (p->syntax) p->err.set = false;
            if (at) *at = t;
            return 0;
        }
        ctx_note(c, &t);
        if (t.type == TK_ENDMARKER) {
            memset(&t, 0, sizeof t);
            wf_lemon_feed(ps, 0, t, p);
            if (p->failed || p->overflow) return 0;
            return p->accepted ? 1 : 0;
        }
    }
}

static bool starts_expression(int type) {
    switch (type) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR:
    case TK_LSQB: case TK_LBRACE: case TK_MINUS: case TK_PLUS:
    case TK_TILDE: case TK_NOT: case TK_LAMBDA: case TK_NONE:
    case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS: case TK_AWAIT:
        return true;
    default:
        return false;
    }
}

/* The expression CPython's invalid_expression calls `a`: the disjunction
 * that ends the list element before the missing comma. */
static const WfAst *comma_left(const void *top) {
    if (!top) return NULL;
    const WfAst *e;
    if (*(const WfAstKind *)top == WF_SEQ) {
        const WfSeq *s = top;
        if (s->list.n == 0) return NULL;
        e = s->list.items[s->list.n - 1];
    } else {
        e = top;
        if (e->kind == WF_E_DICT && e->list.n > 0)
            e = e->list.items[e->list.n - 1];
    }
    for (int guard = 0; e && guard < 1000; guard++) {
        if (e->level == -1) return NULL; /* a parameter */
        switch (e->kind) {
        case WF_E_KEYWORD: case WF_E_STARRED: case WF_E_LAMBDA:
        case WF_S_WITHITEM:
            e = e->left;
            continue;
        case WF_E_IFEXP:
            e = e->right;
            continue;
        case WF_E_SLICE:
            e = e->test ? e->test : e->right ? e->right : e->left;
            continue;
        default:
            break;
        }
        break;
    }
    if (!e || (int)e->kind >= (int)WF_S_EXPR) return NULL;
    return e;
}

static const WfAst *leftmost(const WfAst *e) {
    for (int guard = 0; guard < 100000; guard++) {
        switch (e->kind) {
        case WF_E_BINOP: case WF_E_CALL: case WF_E_ATTR: case WF_E_SUBSCRIPT:
        case WF_E_COMPARE: case WF_E_IFEXP:
            if (e->parenthesized || !e->left) return e;
            e = e->left;
            continue;
        case WF_E_BOOLOP:
            if (e->parenthesized || e->list.n == 0) return e;
            e = e->list.items[0];
            continue;
        default:
            return e;
        }
    }
    return e;
}

static const char *header_name(int type) {
    switch (type) {
    case TK_IF: return "'if' statement";
    case TK_ELIF: return "'elif' statement";
    case TK_ELSE: return "'else' statement";
    case TK_WHILE: return "'while' statement";
    case TK_FOR: return "'for' statement";
    case TK_TRY: return "'try' statement";
    case TK_EXCEPT: return "'except' statement";
    case TK_FINALLY: return "'finally' statement";
    case TK_WITH: return "'with' statement";
    case TK_DEF: return "function definition";
    case TK_CLASS: return "class definition";
    default: return NULL;
    }
}

/* Error at a token's own range, in bytes (to the end of its first line
 * for a token spanning lines, like CPython). */
static void err_tok(WfParser *p, WfSyntaxError *e, const char *kind,
                    const WfTok *t, const char *msg) {
    set_err(e, kind, t->line, t->bcol,
            t->end_line > t->line ? wf_b_byte_col(p, t->line, -1)
                                  : t->end_bcol,
            "%s", msg);
}

/* Explains the syntax error at token index k (token `bad`): replays the
 * input into a fresh parser up to it, then asks the tables. */
static void explain(WfParser *top, long k, const WfTok *bad,
                    WfSyntaxError *out, WfLexer *src_lx, int *furthest) {
    WfParser p;
    memset(&p, 0, sizeof p);
    p.arena = top->arena;
    p.root = top->root;
    p.mode = top->mode;
    p.fdepth = top->fdepth;
    p.fstring_field = top->fstring_field;
    WfLexer lx;
    wf_lexer_init(&lx, top->arena, src_lx->buf, (size_t)(src_lx->end - src_lx->buf),
                  src_lx->eval);
    lx.line_base = src_lx->line_base;
    lx.col_base = src_lx->col_base;
    lx.bcol_base = src_lx->bcol_base;
    p.lx = &lx;
    void *ps = get_parser(&p, top->fdepth);
    Ctx c;
    memset(&c, 0, sizeof c);
    WfTok t;
    bool lexerr = false;
    int r = feed_loop(&p, ps, &lx, &c, k, &t, &lexerr);
    /* the default: CPython's generic message at the offending token */
    if (bad->type == TK_ENDMARKER)
        set_err(out, "SyntaxError", bad->line, -1, -1, "invalid syntax");
    else
        err_tok(top, out, "SyntaxError", bad, "invalid syntax");
    if (r != 2) goto done; /* cannot happen: the replay is deterministic */

    if (t.type != TK_EXCEPT && t.type != TK_FINALLY &&
        wf_lemon_would_shift(ps, TK_EXCEPT) &&
        wf_lemon_would_shift(ps, TK_FINALLY)) {
        if (t.type == TK_INDENT || t.type == TK_DEDENT)
            set_err(out, "SyntaxError", t.line, t.bcol - 1, -2,
                    "expected 'except' or 'finally' block");
        else
            err_tok(top, out, "SyntaxError", &t,
                    "expected 'except' or 'finally' block");
        goto done;
    }
    if (t.type == TK_INDENT) {
        set_err(out, "IndentationError", t.line, t.bcol - 1, -2,
                "unexpected indent");
        goto done;
    }
    /* DEDENT and ENDMARKER made at the end of input have no column when
     * CPython reads a file; a DEDENT elsewhere sits before the line's
     * first character */
    int dcol = (t.flags & WF_TF_EOF) ? -1 : t.bcol - 1;
    if (c.prev.type == TK_NEWLINE && c.prev2.type == TK_COLON &&
        (c.prev2.flags & WF_TF_BLOCK_COLON) && header_name(c.head.type)) {
        const char *what = header_name(c.head.type);
        if (t.type == TK_DEDENT || t.type == TK_ENDMARKER)
            set_err(out, "IndentationError", t.line, dcol, -2,
                    "expected an indented block after %s on line %d", what,
                    c.head.line);
        else
            set_err(out, "IndentationError", t.line, t.bcol, t.end_bcol,
                    "expected an indented block after %s on line %d", what,
                    c.head.line);
        goto done;
    }
    if (p.mode == WF_PARSE_SINGLE && (t.flags & WF_TF_LINE_START) &&
        c.prev.type == TK_NEWLINE && wf_lemon_would_shift(ps, TK_ENDMARKER)) {
        err_tok(top, out, "SyntaxError", &c.prev,
                "multiple statements found while compiling a single "
                "statement");
        goto done;
    }
    int h = c.head.type;
    if (!c.block_colon && header_name(h) && t.level == 0 &&
        wf_lemon_would_shift(ps, TK_COLON)) {
        bool forced = h == TK_DEF || h == TK_ELSE || h == TK_TRY ||
                      h == TK_FINALLY;
        if (forced || t.type == TK_NEWLINE) {
            err_tok(top, out, "SyntaxError", &t, "expected ':'");
            goto done;
        }
    }
    if (h == TK_DEF && c.prev2.type == TK_DEF && t.type != TK_LPAR &&
        wf_lemon_would_shift(ps, TK_LPAR)) {
        err_tok(top, out, "SyntaxError", &t, "expected '('");
        goto done;
    }
    if (t.type == TK_DEDENT) {
        set_err(out, "IndentationError", t.line, dcol, -2,
                "unexpected unindent");
        goto done;
    }
    if (t.open == '{' && (t.type == TK_RBRACE || t.type == TK_COMMA)) {
        /* CPython's invalid_kvpair and invalid_double_starred_kvpairs */
        if (c.prev.type == TK_COLON) {
            err_tok(top, out, "SyntaxError", &c.prev,
                    "expression expected after dictionary key and ':'");
            goto done;
        }
        if (wf_lemon_would_shift(ps, TK_COLON)) {
            WfTok colon = t;
            colon.type = TK_COLON;
            wf_lemon_feed(ps, TK_COLON, colon, &p);
            const WfAst *key = wf_lemon_top_node(ps, 1);
            if (!p.failed && key && wf_lemon_top_major(ps, 2) == TK_COMMA) {
                int ecol = wf_b_byte_col(top, key->end_line, key->end_col);
                set_err(out, "SyntaxError", key->end_line, ecol - 1, -1,
                        "':' expected after dictionary key");
            }
            goto done;
        }
    }
    if (c.prev.type == TK_EQUAL && (t.type == TK_COMMA || t.type == TK_RPAR) &&
        h == TK_DEF && c.prev.level == 1) {
        err_tok(top, out, "SyntaxError", &c.prev,
                "expected default value expression");
        goto done;
    }
    bool def_param = h == TK_DEF && t.level == 1 &&
                     (c.prev.type == TK_LPAR || c.prev.type == TK_COMMA);
    bool lambda_param = c.lambda_open && t.level == c.lambda_level &&
                        (c.prev.type == TK_LAMBDA || c.prev.type == TK_COMMA);
    if (t.type == TK_LPAR && (def_param || lambda_param) &&
        wf_lemon_would_shift(ps, TK_NAME)) {
        /* CPython's invalid_parameters: def f((a, b)), lambda (x): */
        WfTok cur;
        bool want_name = true, ok = false;
        for (long guard = 0; guard < 1000000; guard++) {
            wf_lexer_next(&lx, &cur);
            if (want_name && cur.type == TK_NAME) {
                want_name = false;
            } else if (!want_name && cur.type == TK_COMMA) {
                want_name = true;
            } else {
                ok = cur.type == TK_RPAR && guard > 0;
                break;
            }
        }
        if (ok)
            set_err(out, "SyntaxError", t.line, t.bcol,
                    cur.end_line > t.line ? wf_b_byte_col(top, t.line, -1)
                                          : cur.end_bcol,
                    def_param ? "Function parameters cannot be parenthesized"
                              : "Lambda expression parameters cannot be "
                                "parenthesized");
        goto done;
    }
    if (h == TK_EXCEPT && !c.block_colon && t.type == TK_COMMA &&
        t.level == 0) {
        /* CPython's invalid_except_stmt: except A, B[ as c]: */
        WfTok cur = t, last = c.prev;
        int depth = 0;
        for (long guard = 0; guard < 1000000; guard++) {
            wf_lexer_next(&lx, &cur);
            if (cur.type == WF_TOK_ERROR || cur.type == TK_NEWLINE ||
                cur.type == TK_ENDMARKER)
                break;
            if (depth == 0 && cur.type == TK_COLON) {
                set_err(out, "SyntaxError", c.head_next.line, c.head_next.bcol,
                        last.end_line > c.head_next.line
                            ? wf_b_byte_col(top, c.head_next.line, -1)
                            : last.end_bcol,
                        "multiple exception types must be parenthesized");
                break;
            }
            if (cur.type == TK_LPAR || cur.type == TK_LSQB || cur.type == TK_LBRACE)
                depth++;
            else if (cur.type == TK_RPAR || cur.type == TK_RSQB ||
                     cur.type == TK_RBRACE)
                depth--;
            last = cur;
        }
        goto done;
    }
    if (t.type == TK_EQUAL && wf_lemon_would_shift(ps, TK_EQEQUAL) &&
        ((t.level == 0 && !c.block_colon &&
          (h == TK_IF || h == TK_ELIF || h == TK_WHILE || h == TK_AT)) ||
         t.level > 0)) {
        /* CPython's invalid_named_expression: `if x = 1:`, `(x = 1)` */
        WfTok eq = t;
        eq.type = TK_EQEQUAL;
        wf_lemon_feed(ps, TK_EQEQUAL, eq, &p);
        int before = wf_lemon_top_major(ps, 2);
        const WfAst *a = wf_lemon_top_node(ps, 1);
        if (p.failed || !a || *(const WfAstKind *)a == WF_SEQ ||
            !(before == TK_IF || before == TK_ELIF || before == TK_WHILE ||
              before == TK_AT ||
              before == TK_LPAR || before == TK_LSQB || before == TK_LBRACE ||
              before == TK_COMMA || before == TK_WITH_LPAR))
            goto done;
        if (t.level == 0 && before != h) goto done;
        if (t.level > 0 && before == TK_IF) goto done; /* comprehension if */
        bool plain_name = a->kind == WF_E_NAME && !a->parenthesized;
        if (!plain_name &&
            (a->kind == WF_E_LIST || a->kind == WF_E_TRUE ||
             a->kind == WF_E_FALSE || a->kind == WF_E_NONE ||
             ((a->kind == WF_E_TUPLE || a->kind == WF_E_GENEXP) &&
              a->parenthesized)))
            goto done; /* CPython does not even read the value */
        /* b: the bitwise_or after the '=' */
        WfTok cur, end = t;
        bool have = false, operand = true;
        int depth = 0;
        for (long guard = 0; guard < 1000000; guard++) {
            wf_lexer_next(&lx, &cur);
            if (cur.type == WF_TOK_ERROR) {
                *out = lx.error;
                goto done;
            }
            int ty = cur.type;
            bool opener = ty == TK_LPAR || ty == TK_LSQB || ty == TK_LBRACE;
            bool closer = ty == TK_RPAR || ty == TK_RSQB || ty == TK_RBRACE;
            if (depth == 0) {
                bool unary = ty == TK_MINUS || ty == TK_PLUS || ty == TK_TILDE;
                bool binop = ty == TK_VBAR || ty == TK_CIRCUMFLEX ||
                             ty == TK_AMPER || ty == TK_LEFTSHIFT ||
                             ty == TK_RIGHTSHIFT || ty == TK_PLUS ||
                             ty == TK_MINUS || ty == TK_STAR ||
                             ty == TK_SLASH || ty == TK_PERCENT ||
                             ty == TK_DOUBLESLASH || ty == TK_AT ||
                             ty == TK_DOUBLESTAR || ty == TK_DOT;
                if (operand) {
                    if (!unary && (!starts_expression(ty) || ty == TK_NOT ||
                                   ty == TK_LAMBDA))
                        break;
                } else if (!binop && ty != TK_LPAR && ty != TK_LSQB) {
                    break;
                }
                if (!operand && binop) operand = true;
                else if (operand && !unary && !opener) operand = false;
            }
            if (!wf_lemon_would_shift(ps, ty)) break;
            wf_lemon_feed(ps, ty, cur, &p);
            if (p.failed) break;
            if (opener) depth++;
            if (closer && --depth == 0) operand = false;
            if (depth == 0 && !operand) {
                end = cur;
                have = true;
            }
        }
        if (!have || cur.type == TK_EQUAL || cur.type == TK_COLONEQUAL)
            goto done;
        if (plain_name) {
            int col = wf_b_byte_col(top, a->line, a->col);
            int ecol = end.end_line > a->line ? wf_b_byte_col(top, a->line, -1)
                                              : end.end_bcol;
            set_err(out, "SyntaxError", a->line, col, ecol,
                    "invalid syntax. Maybe you meant '==' or ':=' instead "
                    "of '='?");
        } else {
            int col = wf_b_byte_col(top, a->line, a->col);
            int ecol = a->end_line > a->line ? wf_b_byte_col(top, a->line, -1)
                                             : wf_b_byte_col(top, a->end_line, a->end_col);
            set_err(out, "SyntaxError", a->line, col, ecol,
                    "cannot assign to %s here. Maybe you meant '==' instead "
                    "of '='?",
                    wf_b_expr_name(a));
        }
        goto done;
    }
    if (!(t.flags & WF_TF_STMT_START) && t.type != TK_COLON &&
        t.type != TK_ELSE && wf_lemon_would_shift(ps, TK_ELSE)) {
        WfTok fake = t;
        fake.type = TK_ELSE;
        wf_lemon_feed(ps, TK_ELSE, fake, &p);
        const WfAst *b = wf_lemon_top_node(ps, 1);
        const WfAst *a = wf_lemon_top_node(ps, 3);
        if (!p.failed && a && b && wf_lemon_top_major(ps, 2) == TK_IF) {
            int col = wf_b_byte_col(top, a->line, a->col);
            int end = b->end_line > a->line ? wf_b_byte_col(top, a->line, -1)
                                            : wf_b_byte_col(top, b->end_line, b->end_col);
            set_err(out, "SyntaxError", a->line, col, end,
                    "expected 'else' after 'if' expression");
        }
        goto done;
    }
    if (starts_expression(t.type) && wf_lemon_would_shift(ps, TK_COMMA)) {
        /* CPython's invalid_expression: two expressions in a row. It
         * parses the second one wherever it is, so a tokenizer error in it
         * wins; the comma hint itself is only given inside brackets. */
        WfTok comma = t;
        comma.type = TK_COMMA;
        wf_lemon_feed(ps, TK_COMMA, comma, &p);
        if (p.failed) goto done;
        const WfAst *a = comma_left(wf_lemon_top_node(ps, 1));
        if (!a) goto done;
        const WfAst *lm = leftmost(a);
        if (lm->kind == WF_E_NAME && lm->line == a->line && lm->col == a->col &&
            (!strcmp(lm->name, "_") || !strcmp(lm->name, "match") ||
             !strcmp(lm->name, "case")))
            goto done;
        if (a->kind == WF_E_NAME && !a->parenthesized && t.type == TK_STRING)
            goto done;
        bool legacy = a->kind == WF_E_NAME &&
                      (!strcmp(a->name, "print") || !strcmp(a->name, "exec"));
        /* b: the longest expression from t on, in the same brackets,
         * parsed on its own as CPython's expression_without_invalid is */
        int base = t.level;
        WfTok cur = t, end = t;
        bool have = false;
        WfParser bq;
        memset(&bq, 0, sizeof bq);
        bq.arena = top->arena;
        bq.root = top->root;
        bq.mode = WF_PARSE_EVAL;
        bq.fdepth = WF_MAX_FIELD_DEPTH + 1;
        bq.fstring_field = top->fstring_field;
        void *xp = get_parser(&bq, WF_MAX_FIELD_DEPTH + 1);
        WfTok zero;
        memset(&zero, 0, sizeof zero);
        wf_lemon_feed(xp, TK_MODE_EVAL, zero, &bq);
        for (int guard = 0; guard < 1000000; guard++) {
            if (cur.type == WF_TOK_ERROR) {
                *out = lx.error;
                goto done;
            }
            if (cur.level == base) {
                int ty = cur.type;
                if (ty == TK_COMMA || ty == TK_RPAR || ty == TK_RSQB ||
                    ty == TK_RBRACE || ty == TK_NEWLINE ||
                    ty == TK_ENDMARKER || ty == TK_SEMI || ty == TK_FOR)
                    break;
            }
            if (!wf_lemon_would_shift(xp, cur.type)) break;
            wf_lemon_feed(xp, cur.type, cur, &bq);
            if (bq.failed) break;
            bool closes = cur.type == TK_RPAR || cur.type == TK_RSQB ||
                          cur.type == TK_RBRACE;
            int after = cur.level + (closes ? -1 : 0) +
                        ((cur.type == TK_LPAR || cur.type == TK_LSQB ||
                          cur.type == TK_LBRACE) ? 1 : 0);
            if (after == base && wf_lemon_would_shift(xp, TK_ENDMARKER)) {
                end = cur;
                have = true;
            }
            wf_lexer_next(&lx, &cur);
        }
        /* the token after b has been read as well */
        if (cur.type == WF_TOK_ERROR) {
            *out = lx.error;
            goto done;
        }
        if (!have || legacy || t.level == 0) goto done;
        int col = wf_b_byte_col(top, a->line, a->col);
        int ecol = end.end_line > a->line ? wf_b_byte_col(top, a->line, -1)
                                          : end.end_bcol;
        set_err(out, "SyntaxError", a->line, col, ecol,
                "invalid syntax. Perhaps you forgot a comma?");
        goto done;
    }
done:
    /* the line of the last token read, for post_check */
    *furthest = lx.last_line;
    wf_lexer_free(&lx);
}

/* CPython keeps tokenizing after a parser error: a tokenizer error further
 * on wins, and so does an unclosed bracket opened before the error line. */
static void post_check(WfParser *p, WfLexer *lx, WfSyntaxError *e,
                       int err_line) {
    if (p->mode == WF_PARSE_SINGLE || p->fstring_field) return;
    for (long guard = 0;; guard++) {
        WfTok t;
        wf_lexer_next(lx, &t);
        if (t.type == TK_ENDMARKER) return;
        if (t.type == WF_TOK_ERROR) {
            if (lx->error_replaces ||
                ((t.flags & WF_TF_EOF_BRACKET) && err_line > lx->error.line))
                *e = lx->error;
            return;
        }
    }
}

static bool eof_lexer_error(const WfLexer *lx) {
    const char *m = lx->error.msg;
    return strstr(m, "was never closed") || !strcmp(m, "unexpected EOF while parsing") ||
           !strncmp(m, "unterminated triple-quoted", 26);
}

/* Runs one parse (top level or f-string field). Returns true on success;
 * otherwise p->err holds the error. */
static bool run(WfParser *p, WfLexer *lx, bool *incomplete) {
    void *ps = get_parser(p, p->fdepth);
    Ctx c;
    memset(&c, 0, sizeof c);
    bool lexerr = false;
    WfTok bad;
    memset(&bad, 0, sizeof bad);
    int r = feed_loop(p, ps, lx, &c, -1, &bad, &lexerr);
    if (r == 1) {
        if (p->has_deferred) {
            p->err = p->deferred;
            return false;
        }
        return true;
    }
    if (p->overflow) {
        set_err(&p->err, "RecursionError", 0, -1, -1,
                "maximum recursion depth exceeded during compilation");
        return false;
    }
    if (lexerr) {
        p->err = lx->error;
        if (incomplete && eof_lexer_error(lx)) *incomplete = true;
        return false;
    }
    if (p->syntax) {
        if (incomplete && (bad.flags & WF_TF_EOF)) *incomplete = true;
        /* After an INDENT or DEDENT it rejects, CPython's parser has
         * fetched one more token: a tokenizer error there is what it
         * reports (the expression analysis in explain reads further) */
        WfTok next;
        if (bad.type == TK_INDENT || bad.type == TK_DEDENT)
            wf_lexer_next(lx, &next);
        else
            next.type = 0;
        /* (only the errors its parser raises, not those the tokenizer
         * raises itself) */
        if (next.type == WF_TOK_ERROR && !lx->error_replaces) {
            p->err = lx->error;
            if (incomplete && eof_lexer_error(lx)) *incomplete = true;
            return false;
        }
        WfSyntaxError e;
        int furthest = 0;
        explain(p, c.count, &bad, &e, lx, &furthest);
        p->err = e;
        if (!strcmp(e.msg, "unexpected indent") ||
            !strcmp(e.msg, "unexpected unindent"))
            return false;
        post_check(p, lx, &p->err,
                   furthest > p->last.line ? furthest : p->last.line);
        return false;
    }
    post_check(p, lx, &p->err, p->last.line);
    return false;
}

/* Prefixes CPython's "f-string: " to errors found in a field. */
static void field_prefix(WfSyntaxError *e) {
    if (!strncmp(e->msg, "f-string", 8)) return;
    char buf[sizeof e->msg];
    size_t n = strlen(e->msg);
    if (n > sizeof buf - 11) n = sizeof buf - 11;
    memcpy(buf, "f-string: ", 10);
    memcpy(buf + 10, e->msg, n);
    buf[10 + n] = 0;
    memcpy(e->msg, buf, sizeof buf);
}

WfAst *wf_parse_field(WfParser *p, const char *text, size_t len, int line,
                      int col, int bcol) {
    if (p->fdepth >= WF_MAX_FIELD_DEPTH) {
        wf_b_error_at(p, "SyntaxError", line, col, line, col,
                      "f-string: expressions nested too deeply");
        p->hard = true;
        return NULL;
    }
    char *buf = wf_arena_alloc(p->arena, len + 3);
    buf[0] = '(';
    memcpy(buf + 1, text, len);
    buf[len + 1] = ')';
    WfParser q;
    memset(&q, 0, sizeof q);
    q.arena = p->arena;
    q.root = p->root;
    q.mode = WF_PARSE_EVAL;
    q.fdepth = p->fdepth + 1;
    q.fstring_field = true;
    WfLexer lx;
    wf_lexer_init_at(&lx, p->arena, buf, len + 2, line, col - 1, bcol - 1);
    q.lx = &lx;
    bool ok = run(&q, &lx, NULL);
    wf_lexer_free(&lx);
    if (!ok) {
        if (!p->failed) {
            p->failed = true;
            p->hard = true;
            p->err = q.err;
            field_prefix(&p->err);
        }
        return NULL;
    }
    if (q.has_deferred && !p->has_deferred) {
        p->has_deferred = true;
        p->deferred = q.deferred;
    }
    WfAst *e = q.body.items[0]->left;
    e->parenthesized = false; /* the parentheses wf_parse_field added */
    return e;
}

WfModuleAst *wf_parse(WfArena *arena, const char *src, size_t len,
                      WfParseMode mode, WfSyntaxError *err) {
    memset(err, 0, sizeof *err);
    WfParseRoot root;
    memset(&root, 0, sizeof root);
    root.arena = arena;
    WfLexer lx;
    wf_lexer_init(&lx, arena, src ? src : "", src ? len : 0,
                  mode == WF_PARSE_EVAL);
    root.buf = lx.buf;
    root.end = lx.end;
    WfParser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.root = &root;
    p.mode = mode;
    p.lx = &lx;
    bool incomplete = false;
    bool ok = run(&p, &lx, &incomplete);
    wf_lexer_free(&lx);
    for (size_t i = 0; i < sizeof root.pool / sizeof root.pool[0]; i++)
        if (root.pool[i]) wf_lemon_free(root.pool[i]);
    free(root.tab);
    if (!ok) {
        *err = p.err;
        err->set = true;
        err->incomplete = mode == WF_PARSE_SINGLE && incomplete;
        return NULL;
    }
    WfModuleAst *m = wf_arena_alloc(arena, sizeof *m);
    m->body = p.body;
    return m;
}

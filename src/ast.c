/* ast.c: builds the syntax tree for the grammar actions (ast_build.h):
 * nodes and lists in the arena, positions from tokens, literal decoding
 * (ints with a small base converter for the ones past int64, floats,
 * string escapes, f-strings with their fields parsed by the same parser)
 * and the checks CPython 3.11's parser makes that an LALR grammar leaves
 * to its actions: assignment, deletion and loop targets, call argument and
 * parameter order, starred expressions. Invariant: a builder never returns
 * NULL for a node the grammar needs, even after recording an error; the
 * driver stops feeding tokens at the first error. Called from parse.c. */
#include "ast_build.h"
#include "parse.h"
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- nodes and lists --------------------------------------------------- */

WfAst *wf_ast_new(WfArena *a, WfAstKind kind, int line, int col) {
    WfAst *n = wf_arena_alloc(a, sizeof *n);
    n->kind = kind;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

void wf_ast_list_push(WfArena *a, WfAstList *l, WfAst *node) {
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        WfAst **items = wf_arena_alloc(a, (size_t)cap * sizeof *items);
        if (l->n) memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = node;
}

static WfAst *node_tok(WfParser *p, WfAstKind k, const WfTok *t) {
    WfAst *n = wf_ast_new(p->arena, k, t->line, t->col);
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

/* A parent starts and ends with its children's parentheses. */
static WfAst *node_at(WfParser *p, WfAstKind k, const WfAst *first) {
    bool par = first->parenthesized;
    WfAst *n = wf_ast_new(p->arena, k, par ? first->pline : first->line,
                          par ? first->pcol : first->col);
    n->end_line = par ? first->pend_line : first->end_line;
    n->end_col = par ? first->pend_col : first->end_col;
    return n;
}

static void end_at(WfAst *n, const WfAst *last) {
    if (!last) return;
    bool par = last->parenthesized;
    n->end_line = par ? last->pend_line : last->end_line;
    n->end_col = par ? last->pend_col : last->end_col;
}

static void set_parens(WfAst *n, const WfTok *l, const WfTok *r) {
    n->parenthesized = true;
    n->pline = l->line;
    n->pcol = l->col;
    n->pend_line = r->end_line;
    n->pend_col = r->end_col;
}

static void end_tok(WfAst *n, const WfTok *t) {
    n->end_line = t->end_line;
    n->end_col = t->end_col;
}

static void push(WfParser *p, WfAstList *l, WfAst *n) {
    wf_ast_list_push(p->arena, l, n);
}

static WfAstList seq_items(WfSeq *seq) {
    WfAstList l = {0, 0, NULL};
    if (seq) l = seq->list;
    return l;
}

static void end_seq(WfAst *n, const WfSeq *s) {
    if (!s) return;
    n->end_line = s->end_line;
    n->end_col = s->end_col;
}

/* ---- errors ------------------------------------------------------------ */

static void verror(WfParser *p, WfSyntaxError *e, const char *kind, int line,
                   int col, int end_line, int end_col, const char *fmt,
                   va_list ap) {
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->set = true;
    e->line = line;
    e->col = wf_b_byte_col(p, line, col);
    if (end_col < 0) {
        e->end_col = end_col;
    } else if (end_line > line) {
        /* CPython underlines to the end of the first line */
        e->end_col = wf_b_byte_col(p, line, -1);
    } else {
        e->end_col = wf_b_byte_col(p, line, end_col);
    }
    char buf[sizeof e->msg];
    vsnprintf(buf, sizeof buf, fmt, ap);
    size_t at = 0;
    if (p->fstring_field && strncmp(buf, "f-string", 8) != 0) {
        memcpy(e->msg, "f-string: ", 10);
        at = 10;
    }
    size_t n = strlen(buf);
    if (n > sizeof e->msg - 1 - at) n = sizeof e->msg - 1 - at;
    memcpy(e->msg + at, buf, n);
    e->msg[at + n] = 0;
}

void wf_b_error_at(WfParser *p, const char *kind, int line, int col,
                   int end_line, int end_col, const char *fmt, ...) {
    if (p->failed) return;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    verror(p, &p->err, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
}

void wf_b_error_node(WfParser *p, const WfAst *n, const char *fmt, ...) {
    if (p->failed) return;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    verror(p, &p->err, "SyntaxError", n->line, n->col, n->end_line,
           n->end_col, fmt, ap);
    va_end(ap);
}

void wf_b_error_tok(WfParser *p, const WfTok *t, const char *fmt, ...) {
    if (p->failed) return;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    verror(p, &p->err, "SyntaxError", t->line, t->col, t->end_line,
           t->end_col, fmt, ap);
    va_end(ap);
    if (t->col < 0) p->err.col = p->err.end_col = -1;
}

void wf_b_deferred_node(WfParser *p, const WfAst *n, const char *fmt, ...) {
    if (p->has_deferred) return;
    p->has_deferred = true;
    va_list ap;
    va_start(ap, fmt);
    verror(p, &p->deferred, "SyntaxError", n->line, n->col, n->end_line,
           n->end_col, fmt, ap);
    va_end(ap);
}

/* Errors at the token after a literal, where CPython reports problems it
 * finds while decoding strings. */
static void error_after(WfParser *p, const WfTok *next, const char *fmt,
                        ...) {
    if (p->failed) return;
    p->failed = true;
    p->hard = true;
    va_list ap;
    va_start(ap, fmt);
    verror(p, &p->err, "SyntaxError", next->line, next->col, next->end_line,
           next->end_col, fmt, ap);
    va_end(ap);
    if (next->col < 0) p->err.col = p->err.end_col = -1;
}

/* ---- names --------------------------------------------------------------- */

/* A set of interned names (compared by pointer), for the duplicate
 * keyword and parameter checks; linear however many names there are. */
typedef struct NameSet {
    const char **tab;
    size_t cap;
} NameSet;

/* Adds name; returns true if it was already there. */
static bool nameset_add(NameSet *s, const char *name, size_t hint) {
    if (!s->tab) {
        size_t cap = 16;
        while (cap < hint * 2) cap *= 2;
        s->tab = calloc(cap, sizeof *s->tab);
        if (!s->tab) return false;
        s->cap = cap;
    }
    size_t h = ((uintptr_t)name >> 4) * 0x9E3779B97F4A7C15u;
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->tab[i]) {
            s->tab[i] = name;
            return false;
        }
        if (s->tab[i] == name) return true;
    }
}

WfAst *wf_b_name(WfParser *p, const WfTok *t) {
    WfAst *n = node_tok(p, WF_E_NAME, t);
    n->name = wf_parse_intern(p, t->s, (size_t)t->len);
    return n;
}

/* ---- numbers ------------------------------------------------------------- */

/* Bound on non-decimal literals past int64, whose conversion to decimal
 * digits is quadratic: 40000 hex digits convert in a few milliseconds. */
#define WF_MAX_BIG_DIGITS 40000

static const char *to_decimal(WfParser *p, const char *d, size_t n,
                              int base) {
    /* little-endian limbs in base 1e9; digits taken a chunk at a time so
     * that limb * chunk multiplier stays below 2^64 */
    int per = base == 16 ? 7 : base == 8 ? 9 : 28;
    size_t cap = n * 4 / 29 + 2;
    uint32_t *limb = malloc(cap * sizeof *limb);
    if (!limb) return "0";
    size_t nl = 0;
    for (size_t i = 0; i < n;) {
        uint64_t mul = 1, add = 0;
        for (int k = 0; k < per && i < n; k++, i++) {
            int c = d[i];
            int v = c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
            mul *= (uint64_t)base;
            add = add * (uint64_t)base + (uint64_t)v;
        }
        uint64_t carry = add;
        for (size_t j = 0; j < nl; j++) {
            uint64_t x = (uint64_t)limb[j] * mul + carry;
            limb[j] = (uint32_t)(x % 1000000000u);
            carry = x / 1000000000u;
        }
        while (carry) {
            limb[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    char *out = wf_arena_alloc(p->arena, nl * 9 + 2);
    char *o = out;
    if (nl == 0) {
        *o++ = '0';
    } else {
        o += sprintf(o, "%u", limb[nl - 1]);
        for (size_t j = nl - 1; j-- > 0;) o += sprintf(o, "%09u", limb[j]);
    }
    *o = 0;
    free(limb);
    return out;
}

WfAst *wf_b_number(WfParser *p, const WfTok *t) {
    WfAst *n = node_tok(p, WF_E_INT, t);
    char *d = wf_arena_alloc(p->arena, (size_t)t->len + 1);
    size_t m = 0;
    for (int i = 0; i < t->len; i++)
        if (t->s[i] != '_') d[m++] = t->s[i];
    d[m] = 0;
    int base = 10;
    const char *digits = d;
    if (m > 1 && d[0] == '0') {
        char c = (char)(d[1] | 32);
        if (c == 'x') base = 16;
        else if (c == 'o') base = 8;
        else if (c == 'b') base = 2;
        if (base != 10) digits += 2;
    }
    if (base == 10 && strpbrk(d, ".eE")) {
        n->kind = WF_E_FLOAT;
        n->fval = strtod(d, NULL);
        return n;
    }
    size_t nd = strlen(digits);
    uint64_t v = 0;
    bool big = false;
    for (size_t i = 0; i < nd; i++) {
        int c = digits[i];
        uint64_t dv = (uint64_t)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
        if (v > (UINT64_MAX - dv) / (uint64_t)base) {
            big = true;
            break;
        }
        v = v * (uint64_t)base + dv;
    }
    if (!big && v <= (uint64_t)INT64_MAX) {
        n->int_ = (int64_t)v;
        return n;
    }
    while (nd > 1 && *digits == '0') digits++, nd--;
    if (base == 10) {
        n->big = digits;
    } else if (nd > WF_MAX_BIG_DIGITS) {
        wf_b_error_tok(p, t, "integer literal too large");
        p->hard = true;
    } else {
        n->big = to_decimal(p, digits, nd, base);
    }
    return n;
}

WfAst *wf_b_const(WfParser *p, WfAstKind k, const WfTok *t) {
    return node_tok(p, k, t);
}

/* ---- strings ------------------------------------------------------------- */

static char *put_utf8(char *o, uint32_t c) {
    /* lone surrogates (from \ud800) are written as their 3-byte form */
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | (c >> 6));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (c >> 18));
        *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    return o;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 32;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Decodes the escapes of s[0..n) (not raw) into out, which has room for n
 * bytes. Returns the length, or -1 after recording CPython's unicode error
 * at the token after the literal. */
static long decode_escapes(WfParser *p, const char *s, size_t n, char *out,
                           const WfTok *next) {
    char *o = out;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c != '\\' || i + 1 >= n) {
            *o++ = c;
            i++;
            continue;
        }
        size_t start = i;
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': *o++ = '\\'; break;
        case '\'': *o++ = '\''; break;
        case '"': *o++ = '"'; break;
        case 'a': *o++ = '\a'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'v': *o++ = '\v'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (uint32_t)(s[i++] - '0');
            o = put_utf8(o, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            int k = 0;
            for (; k < want && i < n && hexval((unsigned char)s[i]) >= 0; k++)
                v = v * 16 + (uint32_t)hexval((unsigned char)s[i++]);
            if (k < want) {
                error_after(p, next,
                            "(unicode error) 'unicodeescape' codec can't "
                            "decode bytes in position %zu-%zu: truncated "
                            "\\%s escape",
                            start, i - 1,
                            e == 'x' ? "xXX" : e == 'u' ? "uXXXX"
                                                        : "UXXXXXXXX");
                return -1;
            }
            if (v > 0x10FFFF) {
                error_after(p, next,
                            "(unicode error) 'unicodeescape' codec can't "
                            "decode bytes in position %zu-%zu: illegal "
                            "Unicode character",
                            start, i - 1);
                return -1;
            }
            o = put_utf8(o, v);
            break;
        }
        case 'N': {
            size_t j = i;
            if (j < n && s[j] == '{') {
                while (j < n && s[j] != '}') j++;
            }
            error_after(p, next,
                        "(unicode error) 'unicodeescape' codec can't decode "
                        "bytes in position %zu-%zu: \\N{...} escapes are "
                        "not supported",
                        start, j < n ? j : n - 1);
            return -1;
        }
        default:
            /* unknown escapes stay as written (CPython warns) */
            *o++ = '\\';
            i--;
            break;
        }
    }
    return (long)(o - out);
}

typedef struct StrTok {
    const char *body;  /* between the quotes */
    size_t n;
    bool raw, f, bytes;
    int quote;         /* quote length, 1 or 3 */
} StrTok;

static StrTok split_string(const WfTok *t) {
    StrTok st = {0};
    const char *s = t->s;
    const char *e = t->s + t->len;
    while (*s != '\'' && *s != '"') {
        char c = (char)(*s | 32);
        if (c == 'r') st.raw = true;
        else if (c == 'f') st.f = true;
        else if (c == 'b') st.bytes = true;
        s++;
    }
    st.quote = (e - s >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    st.body = s + st.quote;
    st.n = (size_t)(e - s - 2 * st.quote);
    return st;
}

/* The pieces of a string being assembled: literal text and fields. */
typedef struct Pieces {
    WfAstList list;
    char *buf;         /* pending literal text */
    size_t n, cap;
    bool any_field;
    int line, col;     /* position of the pending text */
} Pieces;

static void pieces_text(WfParser *p, Pieces *ps, const char *s, size_t n) {
    if (ps->n + n + 1 > ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 64;
        while (cap < ps->n + n + 1) cap *= 2;
        char *b = wf_arena_alloc(p->arena, cap);
        if (ps->n) memcpy(b, ps->buf, ps->n);
        ps->buf = b;
        ps->cap = cap;
    }
    memcpy(ps->buf + ps->n, s, n);
    ps->n += n;
    ps->buf[ps->n] = 0;
}

static WfAst *str_node(WfParser *p, const char *s, size_t n, int line,
                       int col) {
    WfAst *str = wf_ast_new(p->arena, WF_E_STR, line, col);
    char *b = wf_arena_alloc(p->arena, n + 1);
    memcpy(b, s, n);
    str->str = b;
    str->len = n;
    return str;
}

static void pieces_flush(WfParser *p, Pieces *ps) {
    if (ps->n == 0) return;
    push(p, &ps->list, str_node(p, ps->buf, ps->n, ps->line, ps->col));
    ps->n = 0;
}

/* Literal text of a string or f-string part, escapes decoded. */
static bool pieces_literal(WfParser *p, Pieces *ps, const char *s, size_t n,
                           bool raw, const WfTok *next) {
    if (raw) {
        pieces_text(p, ps, s, n);
        return true;
    }
    char *tmp = wf_arena_alloc(p->arena, n + 1);
    long m = decode_escapes(p, s, n, tmp, next);
    if (m < 0) return false;
    pieces_text(p, ps, tmp, (size_t)m);
    return true;
}

/* Where in a token a scan stands: line and columns of p. Scans move
 * forward, so positions inside a long f-string cost linear time. */
typedef struct TokPos {
    const WfTok *tok;
    const char *p;
    int line, col, bcol;
} TokPos;

static void pos_in(TokPos *tp, const char *s, int *line, int *col,
                   int *bcol) {
    if (!tp->p || tp->p > s) {
        tp->p = tp->tok->s;
        tp->line = tp->tok->line;
        tp->col = tp->tok->col;
        tp->bcol = tp->tok->bcol;
    }
    for (const char *q = tp->p; q < s; q++) {
        if (*q == '\n') {
            tp->line++;
            tp->col = tp->bcol = 0;
        } else {
            tp->bcol++;
            if (((unsigned char)*q & 0xC0) != 0x80) tp->col++;
        }
    }
    tp->p = s;
    *line = tp->line;
    *col = tp->col;
    *bcol = tp->bcol;
}

typedef struct FCtx {
    TokPos pos;           /* in the f-string token */
    const WfTok *next;    /* the token after the literals, for errors */
    bool raw;
    const char *end;      /* end of the body */
} FCtx;

static bool fparse(WfParser *p, FCtx *c, const char **str, int lvl,
                   Pieces *ps);

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* One replacement field; *str is at its '{'. CPython 3.11's
 * fstring_find_expr, message for message. */
static bool ffield(WfParser *p, FCtx *c, const char **str, int lvl,
                   Pieces *ps) {
    const char *end = c->end;
    const WfTok *next = c->next;
    if (lvl >= 2) {
        error_after(p, next, "f-string: expressions nested too deeply");
        return false;
    }
    (*str)++;
    const char *expr_start = *str;
    char quote = 0;
    int qsize = 0, qend = 0;
    char stack[WF_MAX_LEVEL];
    int depth = 0;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            error_after(p, next,
                        "f-string expression part cannot include a "
                        "backslash");
            return false;
        }
        if (quote) {
            if (ch == quote) {
                if (qsize == 3) {
                    if (++qend == 3) quote = 0, qend = 0;
                } else {
                    quote = 0;
                }
            } else {
                qend = 0;
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                qsize = 3;
                *str += 2;
            } else {
                qsize = 1;
            }
            qend = 0;
            quote = ch;
            continue;
        }
        if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= WF_MAX_LEVEL) {
                error_after(p, next, "f-string: too many nested parenthesis");
                return false;
            }
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#') {
            error_after(p, next,
                        "f-string expression part cannot include '#'");
            return false;
        }
        if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' ||
                           ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char nx = (*str)[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') &&
                    nx == '=') {
                    (*str)++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        }
        if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                error_after(p, next, "f-string: unmatched '%c'", ch);
                return false;
            }
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                error_after(p, next,
                            "f-string: closing parenthesis '%c' does not "
                            "match opening parenthesis '%c'",
                            ch, open);
                return false;
            }
        }
    }
    const char *expr_end = *str;
    if (quote) {
        error_after(p, next, "f-string: unterminated string");
        return false;
    }
    if (depth) {
        error_after(p, next, "f-string: unmatched '%c'", stack[depth - 1]);
        return false;
    }
    if (*str >= end) goto unexpected_end;
    bool blank = true;
    for (const char *q = expr_start; q < expr_end; q++)
        if (!is_space(*q)) blank = false;
    if (blank) {
        error_after(p, next, "f-string: empty expression not allowed");
        return false;
    }
    int line, col, bcol;
    pos_in(&c->pos, expr_start, &line, &col, &bcol);
    WfAst *value = wf_parse_field(p, expr_start,
                                  (size_t)(expr_end - expr_start), line, col,
                                  bcol);
    if (!value) return false;
    const char *expr_text_end = NULL;
    if (**str == '=') {
        (*str)++;
        while (*str < end && is_space(**str)) (*str)++;
        if (*str >= end) goto unexpected_end;
        expr_text_end = *str;
    }
    int conversion = 0;
    if (**str == '!') {
        (*str)++;
        if (*str >= end) goto unexpected_end;
        conversion = (unsigned char)**str;
        (*str)++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            error_after(p, next,
                        "f-string: invalid conversion character: expected "
                        "'s', 'r', or 'a'");
            return false;
        }
    }
    WfAst *spec = NULL;
    if (*str < end && **str == ':') {
        (*str)++;
        if (*str >= end) goto unexpected_end;
        Pieces sp;
        memset(&sp, 0, sizeof sp);
        pos_in(&c->pos, *str, &sp.line, &sp.col, &bcol);
        if (!fparse(p, c, str, lvl + 1, &sp)) return false;
        pieces_flush(p, &sp);
        if (sp.list.n > 0) {
            spec = wf_ast_new(p->arena, WF_E_FSTRING, sp.list.items[0]->line,
                              sp.list.items[0]->col);
            spec->list = sp.list;
        }
    }
    if (*str >= end || **str != '}') goto unexpected_end;
    (*str)++;
    if (expr_text_end) {
        pieces_text(p, ps, expr_start, (size_t)(expr_text_end - expr_start));
        if (!spec && !conversion) conversion = 'r';
    }
    pieces_flush(p, ps);
    WfAst *f = node_at(p, WF_E_FORMATTED, value);
    f->left = value;
    f->right = spec;
    f->conversion = conversion;
    push(p, &ps->list, f);
    ps->any_field = true;
    return true;
unexpected_end:
    error_after(p, next, "f-string: expecting '}'");
    return false;
}

/* Literal text and fields up to the end of the body (lvl 0) or up to the
 * '}' closing a format spec (lvl > 0): CPython's fstring_parse. */
static bool fparse(WfParser *p, FCtx *c, const char **str, int lvl,
                   Pieces *ps) {
    const char *end = c->end;
    for (;;) {
        const char *s = *str;
        const char *lit = s;
        bool brace = false;
        for (; s < end; s++) {
            char ch = *s;
            if (!c->raw && ch == '\\' && s + 1 < end) {
                s++;
                ch = *s;
                if (ch == 'N' && s + 1 < end && s[1] == '{') {
                    s += 2;
                    while (s < end && *s != '}') s++;
                    if (s >= end) break;
                    continue;
                }
                /* "\{" keeps its backslash and still opens a field */
                if (ch != '{' && ch != '}') continue;
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0) {
                    if (s + 1 < end && s[1] == ch) {
                        brace = true;
                        break;
                    }
                    if (ch == '}') {
                        error_after(p, c->next,
                                    "f-string: single '}' is not allowed");
                        return false;
                    }
                }
                break;
            }
        }
        if (s > end) s = end;
        if (s > lit) {
            if (ps->n == 0) {
                int b;
                pos_in(&c->pos, lit, &ps->line, &ps->col, &b);
            }
            if (!pieces_literal(p, ps, lit, (size_t)(s - lit), c->raw,
                                c->next))
                return false;
        }
        if (brace) {
            if (ps->n == 0) {
                int b;
                pos_in(&c->pos, s, &ps->line, &ps->col, &b);
            }
            pieces_text(p, ps, s, 1);
            *str = s + 2;
            continue;
        }
        *str = s;
        if (s >= end || *s == '}') break;
        if (!ffield(p, c, str, lvl, ps)) return false;
    }
    if (lvl != 0 && (*str >= end || **str != '}')) {
        error_after(p, c->next, "f-string: expecting '}'");
        return false;
    }
    return true;
}

WfStrList *wf_b_strlist(WfParser *p, WfStrList *l, const WfTok *t) {
    if (!l) l = wf_arena_alloc(p->arena, sizeof *l);
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        WfTok *toks = wf_arena_alloc(p->arena, (size_t)cap * sizeof *toks);
        if (l->n) memcpy(toks, l->toks, (size_t)l->n * sizeof *toks);
        l->toks = toks;
        l->cap = cap;
    }
    l->toks[l->n++] = *t;
    return l;
}

WfAst *wf_b_strings(WfParser *p, WfStrList *l, const WfTok *next) {
    const WfTok *first = &l->toks[0], *last = &l->toks[l->n - 1];
    WfAst *res = node_tok(p, WF_E_STR, first);
    end_tok(res, last);
    res->str = "";
    bool bytes = false, text = false;
    for (int i = 0; i < l->n; i++) {
        StrTok st = split_string(&l->toks[i]);
        if (st.bytes) bytes = true;
        else text = true;
    }
    if (bytes && text) {
        error_after(p, next, "cannot mix bytes and nonbytes literals");
        return res;
    }
    if (bytes) {
        wf_b_error_tok(p, first, "bytes literals are not supported");
        p->hard = true;
        return res;
    }
    Pieces ps;
    memset(&ps, 0, sizeof ps);
    ps.line = first->line;
    ps.col = first->col;
    for (int i = 0; i < l->n; i++) {
        const WfTok *t = &l->toks[i];
        StrTok st = split_string(t);
        if (!st.f) {
            if (ps.n == 0) ps.line = t->line, ps.col = t->col;
            if (!pieces_literal(p, &ps, st.body, st.n, st.raw, next))
                return res;
            continue;
        }
        FCtx c = {{t, NULL, 0, 0, 0}, next, st.raw, st.body + st.n};
        const char *s = st.body;
        if (!fparse(p, &c, &s, 0, &ps)) return res;
    }
    if (!ps.any_field) {
        res->str = ps.n ? ps.buf : "";
        res->len = ps.n;
        return res;
    }
    pieces_flush(p, &ps);
    res->kind = WF_E_FSTRING;
    res->list = ps.list;
    return res;
}

/* ---- generic ------------------------------------------------------------- */

WfSeq *wf_b_seq_end(WfParser *p, WfSeq *seq, const WfTok *t) {
    (void)p;
    seq->end_line = t->end_line;
    seq->end_col = t->end_col;
    return seq;
}

WfSeq *wf_b_seq(WfParser *p, WfAst *first) {
    WfSeq *s = wf_arena_alloc(p->arena, sizeof *s);
    s->kind = WF_SEQ;
    bool par = first->parenthesized;
    s->line = par ? first->pline : first->line;
    s->col = par ? first->pcol : first->col;
    s->end_line = par ? first->pend_line : first->end_line;
    s->end_col = par ? first->pend_col : first->end_col;
    push(p, &s->list, first);
    return s;
}

WfSeq *wf_b_push(WfParser *p, WfSeq *seq, WfAst *item) {
    push(p, &seq->list, item);
    bool par = item->parenthesized;
    seq->end_line = par ? item->pend_line : item->end_line;
    seq->end_col = par ? item->pend_col : item->end_col;
    return seq;
}

WfSeq *wf_b_cat(WfParser *p, WfSeq *seq, WfSeq *more) {
    for (int i = 0; i < more->list.n; i++) push(p, &seq->list, more->list.items[i]);
    seq->end_line = more->end_line;
    seq->end_col = more->end_col;
    return seq;
}

WfSeq *wf_b_mark_comma(WfSeq *seq) {
    seq->comma = true;
    return seq;
}

void wf_b_module(WfParser *p, WfSeq *stmts) {
    if (stmts) p->body = stmts->list;
}

/* A bare `*x` where a value is wanted: CPython's compiler rejects it. */
static void value_starred(WfParser *p, WfAst *e) {
    if (e && e->kind == WF_E_STARRED)
        wf_b_deferred_node(p, e, "can't use starred expression here");
}

void wf_b_eval(WfParser *p, WfAst *e) {
    value_starred(p, e);
    WfAst *s = node_at(p, WF_S_EXPR, e);
    s->left = e;
    p->body.n = 0;
    push(p, &p->body, s);
}

/* ---- displays ------------------------------------------------------------ */

/* A tuple node made from a list's items. */
static WfAst *tuple_of(WfParser *p, WfSeq *s) {
    WfAst *t = wf_ast_new(p->arena, WF_E_TUPLE, s->line, s->col);
    t->end_line = s->end_line;
    t->end_col = s->end_col;
    t->list = s->list;
    return t;
}

WfAst *wf_b_paren(WfParser *p, const WfTok *l, WfSeq *inner,
                  const WfTok *r) {
    WfAst *n;
    if (!inner) {
        n = node_tok(p, WF_E_TUPLE, l);
    } else if (inner->comma) {
        n = tuple_of(p, inner);
        n->line = l->line;
        n->col = l->col;
    } else {
        n = inner->list.items[0];
        if (n->kind == WF_E_STARRED) {
            wf_b_error_node(p, n, "cannot use starred expression here");
            return n;
        }
        set_parens(n, l, r);
        return n;
    }
    end_tok(n, r);
    set_parens(n, l, r);
    return n;
}

WfAst *wf_b_paren_yield(WfParser *p, const WfTok *l, WfAst *y,
                        const WfTok *r) {
    (void)p;
    set_parens(y, l, r);
    return y;
}

WfAst *wf_b_display(WfParser *p, WfAstKind kind, const WfTok *l,
                    WfSeq *items, const WfTok *r) {
    WfAst *n = node_tok(p, kind, l);
    n->list = seq_items(items);
    end_tok(n, r);
    return n;
}

WfAst *wf_b_display_comp(WfParser *p, WfAstKind kind, const WfTok *l,
                         WfAst *elt, WfAst *val, WfSeq *comps,
                         const WfTok *r) {
    WfAst *n = wf_b_comp(p, kind, elt, val, comps);
    n->line = l->line;
    n->col = l->col;
    end_tok(n, r);
    if (kind == WF_E_GENEXP) set_parens(n, l, r);
    return n;
}

WfAst *wf_b_dict_display(WfParser *p, const WfTok *l, WfAst *dict,
                         const WfTok *r) {
    WfAst *n = dict ? dict : node_tok(p, WF_E_DICT, l);
    n->line = l->line;
    n->col = l->col;
    end_tok(n, r);
    return n;
}

WfAst *wf_b_comp(WfParser *p, WfAstKind kind, WfAst *elt, WfAst *val,
                 WfSeq *comps) {
    if (elt->kind == WF_E_STARRED) {
        wf_b_error_node(p, elt,
                        "iterable unpacking cannot be used in comprehension");
    }
    WfAst *n = node_at(p, kind, elt);
    n->left = elt;
    n->right = val;
    n->comps = comps->list;
    end_seq(n, comps);
    return n;
}

WfAst *wf_b_dict_item(WfParser *p, WfAst *dict, WfAst *key, WfAst *val) {
    if (!dict) dict = node_at(p, WF_E_DICT, key);
    push(p, &dict->keys, key);
    push(p, &dict->list, val);
    end_at(dict, val);
    return dict;
}

WfAst *wf_b_dict_spread(WfParser *p, WfAst *dict, const WfTok *star,
                        WfAst *val) {
    if (!dict) dict = node_tok(p, WF_E_DICT, star);
    push(p, &dict->keys, NULL);
    push(p, &dict->list, val);
    end_at(dict, val);
    return dict;
}

/* ---- operators ----------------------------------------------------------- */

WfAst *wf_b_binop(WfParser *p, WfAst *l, WfOp op, WfAst *r) {
    WfAst *n = node_at(p, WF_E_BINOP, l);
    n->op = op;
    n->left = l;
    n->right = r;
    end_at(n, r);
    return n;
}

WfAst *wf_b_unary(WfParser *p, const WfTok *t, WfOp op, WfAst *e) {
    WfAst *n = node_tok(p, WF_E_UNARY, t);
    n->op = op;
    n->left = e;
    end_at(n, e);
    return n;
}

WfAst *wf_b_boolop(WfParser *p, WfAst *l, WfOp op, WfAst *r) {
    WfAst *n = l;
    if (!(l->kind == WF_E_BOOLOP && l->op == op && !l->parenthesized)) {
        n = node_at(p, WF_E_BOOLOP, l);
        n->op = op;
        push(p, &n->list, l);
    }
    push(p, &n->list, r);
    end_at(n, r);
    return n;
}

WfAst *wf_b_compare(WfParser *p, WfAst *l, int op, WfAst *r) {
    WfAst *n = l;
    if (!(l->kind == WF_E_COMPARE && !l->parenthesized)) {
        n = node_at(p, WF_E_COMPARE, l);
        n->left = l;
    }
    int cap = n->list.cap;
    push(p, &n->list, r);
    if (n->list.cap != cap) {
        /* cmpops grows with the comparator list, so chains stay linear */
        WfOp *ops = wf_arena_alloc(p->arena,
                                   (size_t)n->list.cap * sizeof *ops);
        if (n->list.n > 1)
            memcpy(ops, n->cmpops, (size_t)(n->list.n - 1) * sizeof *ops);
        n->cmpops = ops;
    }
    n->cmpops[n->list.n - 1] = (WfOp)op;
    end_at(n, r);
    return n;
}

WfAst *wf_b_ifexp(WfParser *p, WfAst *body, WfAst *test, WfAst *orelse) {
    WfAst *n = node_at(p, WF_E_IFEXP, body);
    n->test = test;
    n->left = body;
    n->right = orelse;
    end_at(n, orelse);
    return n;
}

WfAst *wf_b_starred(WfParser *p, const WfTok *t, WfAst *e) {
    WfAst *n = node_tok(p, WF_E_STARRED, t);
    n->left = e;
    end_at(n, e);
    return n;
}

WfAst *wf_b_tuple(WfParser *p, WfSeq *seq) {
    return tuple_of(p, seq);
}

WfAst *wf_b_yield(WfParser *p, const WfTok *t, WfAst *value) {
    value_starred(p, value);
    WfAst *n = node_tok(p, WF_E_YIELD, t);
    n->left = value;
    end_at(n, value);
    return n;
}

WfAst *wf_b_yield_from(WfParser *p, const WfTok *t, WfAst *value) {
    WfAst *n = node_tok(p, WF_E_YIELD_FROM, t);
    n->left = value;
    end_at(n, value);
    return n;
}

static WfParams *empty_params(WfParser *p) {
    return wf_arena_alloc(p->arena, sizeof(WfParams));
}

WfAst *wf_b_lambda(WfParser *p, const WfTok *t, WfParams *params,
                   WfAst *body) {
    WfAst *n = node_tok(p, WF_E_LAMBDA, t);
    n->params = params ? params : empty_params(p);
    n->left = body;
    end_at(n, body);
    return n;
}

/* ---- trailers ------------------------------------------------------------ */

WfAst *wf_b_attr(WfParser *p, WfAst *value, const WfTok *name) {
    WfAst *n = node_at(p, WF_E_ATTR, value);
    n->left = value;
    n->name = wf_parse_intern(p, name->s, (size_t)name->len);
    end_tok(n, name);
    return n;
}

WfAst *wf_b_subscript(WfParser *p, WfAst *value, WfAst *index,
                      const WfTok *r) {
    if (index->kind == WF_E_STARRED) {
        /* a[*b] indexes with the tuple (*b,) */
        WfAst *t = node_at(p, WF_E_TUPLE, index);
        push(p, &t->list, index);
        index = t;
    }
    WfAst *n = node_at(p, WF_E_SUBSCRIPT, value);
    n->left = value;
    n->right = index;
    end_tok(n, r);
    return n;
}

WfAst *wf_b_subscript_index(WfParser *p, WfSeq *seq) {
    return tuple_of(p, seq);
}

WfAst *wf_b_slice(WfParser *p, WfAst *lo, const WfTok *colon, WfAst *hi,
                  WfAst *step, const WfTok *next) {
    WfAst *n = lo ? node_at(p, WF_E_SLICE, lo) : node_tok(p, WF_E_SLICE, colon);
    n->left = lo;
    n->right = hi;
    n->test = step;
    if (next->line > 0 && next->col >= 0) {
        n->end_line = next->line;
        n->end_col = next->col;
    }
    return n;
}

/* The name CPython's messages use for an expression. */
const char *wf_b_expr_name(const WfAst *e) {
    switch (e->kind) {
    case WF_E_ATTR: return "attribute";
    case WF_E_SUBSCRIPT: return "subscript";
    case WF_E_STARRED: return "starred";
    case WF_E_NAME: return "name";
    case WF_E_LIST: return "list";
    case WF_E_TUPLE: return "tuple";
    case WF_E_LAMBDA: return "lambda";
    case WF_E_CALL: return "function call";
    case WF_E_BOOLOP: case WF_E_BINOP: case WF_E_UNARY: return "expression";
    case WF_E_GENEXP: return "generator expression";
    case WF_E_YIELD: case WF_E_YIELD_FROM: return "yield expression";
    case WF_E_LISTCOMP: return "list comprehension";
    case WF_E_SETCOMP: return "set comprehension";
    case WF_E_DICTCOMP: return "dict comprehension";
    case WF_E_DICT: return "dict literal";
    case WF_E_SET: return "set display";
    case WF_E_FSTRING: case WF_E_FORMATTED: return "f-string expression";
    case WF_E_NONE: return "None";
    case WF_E_TRUE: return "True";
    case WF_E_FALSE: return "False";
    case WF_E_ELLIPSIS: return "ellipsis";
    case WF_E_INT: case WF_E_FLOAT: case WF_E_STR: return "literal";
    case WF_E_COMPARE: return "comparison";
    case WF_E_IFEXP: return "conditional expression";
    default: return "expression";
    }
}

WfAst *wf_b_call(WfParser *p, WfAst *func, const WfTok *l, WfSeq *args,
                 const WfTok *r) {
    WfAst *n = node_at(p, WF_E_CALL, func);
    n->left = func;
    end_tok(n, r);
    if (!args) return n;
    if (args->list.n == 1 && !args->comma && l &&
        args->list.items[0]->kind == WF_E_GENEXP &&
        !args->list.items[0]->parenthesized) {
        /* f(x for x in y): the call's parentheses are the genexp's */
        WfAst *g = args->list.items[0];
        g->line = l->line;
        g->col = l->col;
        end_tok(g, r);
    }
    bool kw = false, kwunpack = false;
    int nargs = args->list.n;
    NameSet seen = {NULL, 0};
    for (int i = 0; i < nargs && !p->failed; i++) {
        WfAst *a = args->list.items[i];
        if (a->kind == WF_E_GENEXP && !a->parenthesized && !l) {
            /* class C(x for x in y): CPython's grammar stops at 'for' */
            WfAst at = *a->comps.items[0];
            at.end_line = at.line;
            at.end_col = at.col + 3;
            wf_b_error_node(p, &at, "invalid syntax");
            break;
        }
        if (a->kind == WF_E_GENEXP && !a->parenthesized &&
            (nargs > 1 || args->comma)) {
            wf_b_error_node(p, a, "Generator expression must be parenthesized");
            break;
        }
        if (a->kind == WF_E_KEYWORD) {
            if (!a->name) kwunpack = true;
            kw = true;
            if (a->name && nameset_add(&seen, a->name, (size_t)nargs))
                wf_b_deferred_node(p, a, "keyword argument repeated: %s",
                                   a->name);
            push(p, &n->keywords, a);
        } else if (a->kind == WF_E_STARRED) {
            if (kwunpack) {
                /* CPython 3.11 underlines the arguments before the '*' */
                WfAst range = *args->list.items[0];
                end_at(&range, args->list.items[i - 1]);
                wf_b_error_node(p, &range,
                                "iterable argument unpacking follows "
                                "keyword argument unpacking");
                break;
            }
            push(p, &n->list, a);
        } else {
            if (kw) {
                wf_b_error_tok(p, r,
                               kwunpack ? "positional argument follows "
                                          "keyword argument unpacking"
                                        : "positional argument follows "
                                          "keyword argument");
                break;
            }
            push(p, &n->list, a);
        }
    }
    free(seen.tab);
    return n;
}

WfAst *wf_b_arg_keyword(WfParser *p, WfAst *key, const WfTok *eq,
                        WfAst *value) {
    WfAst *n = node_at(p, WF_E_KEYWORD, key);
    n->left = value;
    end_at(n, value);
    if (key->kind == WF_E_NAME && !key->parenthesized) {
        n->name = key->name;
        return n;
    }
    WfAst range = *key;
    end_tok(&range, eq);
    if (key->kind == WF_E_TRUE || key->kind == WF_E_FALSE ||
        key->kind == WF_E_NONE)
        wf_b_error_node(p, &range, "cannot assign to %s", wf_b_expr_name(key));
    else
        wf_b_error_node(p, &range,
                        "expression cannot contain assignment, perhaps you "
                        "meant \"==\"?");
    return n;
}

WfAst *wf_b_arg_keyword_genexp(WfParser *p, WfAst *key, const WfTok *eq,
                               WfAst *value) {
    WfAst *n = wf_b_arg_keyword(p, key, eq, value);
    WfAst range = *key;
    end_tok(&range, eq);
    wf_b_error_node(p, &range,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of "
                    "'='?");
    return n;
}

WfAst *wf_b_arg_genexp(WfParser *p, WfAst *elt, WfSeq *comps) {
    return wf_b_comp(p, WF_E_GENEXP, elt, NULL, comps);
}

WfAst *wf_b_arg_star(WfParser *p, const WfTok *t, WfAst *value,
                     bool double_star) {
    if (!double_star) return wf_b_starred(p, t, value);
    WfAst *n = node_tok(p, WF_E_KEYWORD, t);
    n->left = value;
    end_at(n, value);
    return n;
}

/* ---- targets ------------------------------------------------------------- */

enum { T_STORE, T_DEL };

/* CPython's _PyPegen_get_invalid_target: the first sub-expression that
 * cannot be assigned to (or deleted), or NULL. */
static const WfAst *invalid_target(const WfAst *e, int type) {
    switch (e->kind) {
    case WF_E_LIST:
    case WF_E_TUPLE:
        for (int i = 0; i < e->list.n; i++) {
            const WfAst *c = invalid_target(e->list.items[i], type);
            if (c) return c;
        }
        return NULL;
    case WF_E_STARRED:
        if (type == T_DEL) return e;
        return invalid_target(e->left, type);
    case WF_E_NAME:
    case WF_E_SUBSCRIPT:
    case WF_E_ATTR:
        return NULL;
    default:
        return e;
    }
}

/* The checks CPython's compiler makes on a store target. */
static void starred_targets(WfParser *p, const WfAst *t, bool top) {
    if (t->kind == WF_E_STARRED) {
        if (top)
            wf_b_deferred_node(p, t, "starred assignment target must be in "
                                     "a list or tuple");
        starred_targets(p, t->left, false);
        return;
    }
    if (t->kind != WF_E_TUPLE && t->kind != WF_E_LIST) return;
    int stars = 0;
    for (int i = 0; i < t->list.n; i++) {
        const WfAst *c = t->list.items[i];
        if (c->kind == WF_E_STARRED) {
            if (++stars == 2)
                wf_b_deferred_node(p, t, "multiple starred expressions in "
                                         "assignment");
            starred_targets(p, c->left, false);
        } else {
            starred_targets(p, c, false);
        }
    }
}

/* A for / comprehension / with target: "cannot assign to ...". */
static bool store_target(WfParser *p, const WfAst *t) {
    const WfAst *bad = invalid_target(t, T_STORE);
    if (bad) {
        wf_b_error_node(p, bad, "cannot assign to %s", wf_b_expr_name(bad));
        return false;
    }
    starred_targets(p, t, true);
    return true;
}

/* A target list from an exprlist: one item, or a tuple. */
static WfAst *target_of(WfParser *p, WfSeq *seq) {
    if (seq->list.n == 1 && !seq->comma) return seq->list.items[0];
    return tuple_of(p, seq);
}

/* Is e an expression CPython's grammar reaches as a bitwise_or? */
static bool is_bitwise_or(const WfAst *e) {
    if (e->parenthesized) return true;
    switch (e->kind) {
    case WF_E_BOOLOP: case WF_E_COMPARE: case WF_E_IFEXP: case WF_E_LAMBDA:
    case WF_E_STARRED: case WF_E_YIELD: case WF_E_YIELD_FROM:
    case WF_E_TUPLE: case WF_E_GENEXP:
        return false;
    case WF_E_UNARY:
        return e->op != WF_OP_NOT;
    default:
        return true;
    }
}

/* The bitwise_or an expression starts with, if any. */
static const WfAst *leading_bitwise_or(const WfAst *e) {
    while (!is_bitwise_or(e)) {
        switch (e->kind) {
        case WF_E_TUPLE: case WF_E_BOOLOP:
            if (e->list.n == 0) return NULL;
            e = e->list.items[0];
            break;
        case WF_E_COMPARE: case WF_E_IFEXP:
            e = e->left;
            break;
        default:
            return NULL;
        }
    }
    return e;
}

WfAst *wf_b_assign(WfParser *p, WfSeq *chain) {
    int n = chain->list.n;
    WfAst **it = chain->list.items;
    WfAst *value = it[n - 1];
    WfAst *s = node_at(p, WF_S_ASSIGN, it[0]);
    end_at(s, value);
    s->right = value;
    int bad = -1;
    const WfAst *inv = NULL;
    for (int i = 0; i < n - 1 && bad < 0; i++) {
        WfAst *t = it[i];
        if ((t->kind == WF_E_YIELD || t->kind == WF_E_YIELD_FROM) &&
            !t->parenthesized) {
            bad = i;
        } else if ((inv = invalid_target(t, T_STORE))) {
            bad = i;
        }
    }
    if (bad >= 0) {
        /* CPython's invalid_named_expression fires first when the item just
         * before the first '=' is a bitwise_or and so is the start of what
         * follows, unless a further '=' comes right after it. */
        WfAst *e = it[0];
        if (e->kind == WF_E_TUPLE && !e->parenthesized && e->list.n > 0)
            e = e->list.items[e->list.n - 1];
        const WfAst *y = leading_bitwise_or(it[1]);
        bool excluded = e->kind == WF_E_LIST || e->kind == WF_E_TRUE ||
                        e->kind == WF_E_FALSE || e->kind == WF_E_NONE ||
                        ((e->kind == WF_E_TUPLE || e->kind == WF_E_GENEXP) &&
                         e->parenthesized);
        if (y && !(y == it[1] && n >= 3) && !excluded && is_bitwise_or(e)) {
            if (e->kind == WF_E_NAME && !e->parenthesized) {
                WfAst range = *e;
                end_at(&range, y);
                wf_b_error_node(p, &range,
                                "invalid syntax. Maybe you meant '==' or ':=' "
                                "instead of '='?");
            } else {
                wf_b_error_node(p, e,
                                "cannot assign to %s here. Maybe you meant "
                                "'==' instead of '='?",
                                wf_b_expr_name(e));
            }
        } else if (!inv) {
            wf_b_error_node(p, it[bad],
                            "assignment to yield expression not possible");
        } else {
            wf_b_error_node(p, inv, "cannot assign to %s", wf_b_expr_name(inv));
        }
        return s;
    }
    for (int i = 0; i < n - 1; i++) {
        starred_targets(p, it[i], true);
        push(p, &s->list, it[i]);
    }
    value_starred(p, value);
    return s;
}

WfAst *wf_b_augassign(WfParser *p, WfAst *target, int op, WfAst *value) {
    WfAst *s = node_at(p, WF_S_AUGASSIGN, target);
    s->left = target;
    s->op = (WfOp)op;
    s->right = value;
    end_at(s, value);
    if (target->kind != WF_E_NAME && target->kind != WF_E_ATTR &&
        target->kind != WF_E_SUBSCRIPT) {
        wf_b_error_node(p, target,
                        "'%s' is an illegal expression for augmented "
                        "assignment",
                        wf_b_expr_name(target));
        return s;
    }
    value_starred(p, value);
    return s;
}

WfAst *wf_b_annassign(WfParser *p, WfAst *target, WfAst *ann,
                      WfAst *value) {
    (void)ann;
    if (target->kind == WF_E_TUPLE && !target->parenthesized) {
        wf_b_error_node(p, target->list.n ? target->list.items[0] : target,
                        "only single target (not tuple) can be annotated");
    } else if ((target->kind == WF_E_TUPLE || target->kind == WF_E_LIST) &&
               target->parenthesized == (target->kind == WF_E_TUPLE)) {
        wf_b_error_node(p, target,
                        "only single target (not %s) can be annotated",
                        wf_b_expr_name(target));
    } else if (target->kind != WF_E_NAME && target->kind != WF_E_ATTR &&
               target->kind != WF_E_SUBSCRIPT) {
        wf_b_error_node(p, target, "illegal target for annotation");
    }
    if (!value) {
        /* `x: T` only declares; weft keeps no annotations */
        WfAst *s = node_at(p, WF_S_PASS, target);
        end_at(s, ann);
        return s;
    }
    value_starred(p, value);
    WfAst *s = node_at(p, WF_S_ASSIGN, target);
    push(p, &s->list, target);
    s->right = value;
    end_at(s, value);
    return s;
}

/* ---- simple statements --------------------------------------------------- */

WfAst *wf_b_expr_stmt(WfParser *p, WfAst *e) {
    value_starred(p, e);
    WfAst *s = node_at(p, WF_S_EXPR, e);
    s->left = e;
    return s;
}

WfAst *wf_b_simple(WfParser *p, WfAstKind k, const WfTok *t) {
    return node_tok(p, k, t);
}

WfAst *wf_b_return(WfParser *p, const WfTok *t, WfAst *value) {
    value_starred(p, value);
    WfAst *s = node_tok(p, WF_S_RETURN, t);
    s->left = value;
    end_at(s, value);
    return s;
}

WfAst *wf_b_raise(WfParser *p, const WfTok *t, WfAst *exc, WfAst *cause) {
    WfAst *s = node_tok(p, WF_S_RAISE, t);
    s->left = exc;
    s->right = cause;
    end_at(s, exc);
    end_at(s, cause);
    return s;
}

WfAst *wf_b_del(WfParser *p, const WfTok *t, WfSeq *targets) {
    WfAst *s = node_tok(p, WF_S_DEL, t);
    for (int i = 0; i < targets->list.n; i++) {
        WfAst *e = targets->list.items[i];
        const WfAst *bad = invalid_target(e, T_DEL);
        if (bad) {
            wf_b_error_node(p, bad, "cannot delete %s", wf_b_expr_name(bad));
            return s;
        }
        push(p, &s->list, e);
    }
    end_seq(s, targets);
    return s;
}

WfAst *wf_b_assert(WfParser *p, const WfTok *t, WfAst *test, WfAst *msg) {
    WfAst *s = node_tok(p, WF_S_ASSERT, t);
    s->test = test;
    s->left = msg;
    end_at(s, test);
    end_at(s, msg);
    return s;
}

WfAst *wf_b_names(WfParser *p, WfAstKind k, const WfTok *t, WfSeq *seq) {
    WfAst *s = node_tok(p, k, t);
    s->nnames = seq->list.n;
    s->names = wf_arena_alloc(p->arena, (size_t)s->nnames * sizeof *s->names);
    for (int i = 0; i < s->nnames; i++) s->names[i] = seq->list.items[i]->name;
    end_seq(s, seq);
    return s;
}

WfAst *wf_b_print(WfParser *p, const WfTok *t, WfSeq *seq, bool comma) {
    WfAst *s = node_tok(p, WF_S_PRINT, t);
    s->list = seq_items(seq);
    s->trailing_comma = comma;
    end_seq(s, seq);
    return s;
}

/* "a.b.c" from the names of a dotted name, joined once. */
static const char *dotted_string(WfParser *p, WfSeq *d) {
    if (d->list.n == 1) return d->list.items[0]->name;
    size_t n = 0;
    for (int i = 0; i < d->list.n; i++) n += strlen(d->list.items[i]->name) + 1;
    char *buf = malloc(n);
    if (!buf) return d->list.items[0]->name;
    size_t o = 0;
    for (int i = 0; i < d->list.n; i++) {
        size_t k = strlen(d->list.items[i]->name);
        if (i) buf[o++] = '.';
        memcpy(buf + o, d->list.items[i]->name, k);
        o += k;
    }
    const char *r = wf_parse_intern(p, buf, o);
    free(buf);
    return r;
}

WfAst *wf_b_alias(WfParser *p, WfSeq *dotted, const WfTok *as) {
    WfAst *a = wf_ast_new(p->arena, WF_S_ALIAS, dotted->line, dotted->col);
    a->name = dotted_string(p, dotted);
    a->end_line = dotted->end_line;
    a->end_col = dotted->end_col;
    if (as) {
        a->asname = wf_parse_intern(p, as->s, (size_t)as->len);
        end_tok(a, as);
    }
    return a;
}

WfAst *wf_b_alias_name(WfParser *p, const WfTok *name, const WfTok *as) {
    WfAst *a = node_tok(p, WF_S_ALIAS, name);
    a->name = wf_parse_intern(p, name->s, (size_t)name->len);
    if (as) {
        a->asname = wf_parse_intern(p, as->s, (size_t)as->len);
        end_tok(a, as);
    }
    return a;
}

WfAst *wf_b_import(WfParser *p, const WfTok *t, WfSeq *aliases) {
    WfAst *s = node_tok(p, WF_S_IMPORT, t);
    s->list = aliases->list;
    end_seq(s, aliases);
    return s;
}

WfAst *wf_b_import_from(WfParser *p, const WfTok *t, int level,
                        WfSeq *module, WfSeq *aliases) {
    WfAst *s = node_tok(p, WF_S_IMPORTFROM, t);
    s->name = module ? dotted_string(p, module) : NULL;
    s->level = level;
    s->list = aliases->list;
    end_seq(s, aliases);
    return s;
}

WfAst *wf_b_import_star(WfParser *p, const WfTok *star) {
    WfAst *a = node_tok(p, WF_S_ALIAS, star);
    a->name = wf_parse_intern(p, "*", 1);
    return a;
}

void wf_b_import_trailing_comma(WfParser *p, const WfTok *next) {
    if (next->type != TK_NEWLINE) return; /* the grammar reports that */
    error_after(p, next,
                "trailing comma not allowed without surrounding parentheses");
}

/* ---- compound statements ------------------------------------------------- */

static void set_body(WfAstList *dst, WfSeq *seq) { *dst = seq_items(seq); }

WfSeq *wf_b_if(WfParser *p, const WfTok *t, WfAst *test, WfSeq *body) {
    WfAst *s = node_tok(p, WF_S_IF, t);
    s->test = test;
    set_body(&s->body, body);
    end_seq(s, body);
    /* the head: [outermost if, innermost if] while elifs are added */
    WfSeq *h = wf_b_seq(p, s);
    push(p, &h->list, s);
    return h;
}

WfSeq *wf_b_elif(WfParser *p, WfSeq *head, const WfTok *t, WfAst *test,
                 WfSeq *body) {
    WfAst *s = node_tok(p, WF_S_IF, t);
    s->test = test;
    set_body(&s->body, body);
    end_seq(s, body);
    WfAst *inner = head->list.items[1];
    push(p, &inner->orelse, s);
    head->list.items[1] = s;
    head->end_line = s->end_line;
    head->end_col = s->end_col;
    return head;
}

WfAst *wf_b_if_done(WfParser *p, WfSeq *head, WfSeq *orelse) {
    (void)p;
    WfAst *outer = head->list.items[0], *inner = head->list.items[1];
    if (orelse) {
        set_body(&inner->orelse, orelse);
        head->end_line = orelse->end_line;
        head->end_col = orelse->end_col;
    }
    /* every if of the chain ends where the chain ends */
    for (WfAst *s = outer;;) {
        end_seq(s, head);
        if (s == inner) break;
        s = s->orelse.items[0];
    }
    return outer;
}

WfAst *wf_b_while(WfParser *p, const WfTok *t, WfAst *test, WfSeq *body,
                  WfSeq *orelse) {
    WfAst *s = node_tok(p, WF_S_WHILE, t);
    s->test = test;
    set_body(&s->body, body);
    set_body(&s->orelse, orelse);
    end_seq(s, orelse ? orelse : body);
    return s;
}

WfAst *wf_b_for(WfParser *p, const WfTok *t, WfSeq *target, WfAst *iter,
                WfSeq *body, WfSeq *orelse) {
    WfAst *s = node_tok(p, WF_S_FOR, t);
    s->left = target_of(p, target);
    store_target(p, s->left);
    value_starred(p, iter);
    s->right = iter;
    set_body(&s->body, body);
    set_body(&s->orelse, orelse);
    end_seq(s, orelse ? orelse : body);
    return s;
}

WfAst *wf_b_handler(WfParser *p, const WfTok *t, WfAst *type,
                    const WfTok *name, WfSeq *body) {
    WfAst *s = node_tok(p, WF_S_HANDLER, t);
    s->left = type;
    if (name) s->name = wf_parse_intern(p, name->s, (size_t)name->len);
    set_body(&s->body, body);
    end_seq(s, body);
    return s;
}

WfAst *wf_b_try(WfParser *p, const WfTok *t, WfSeq *body, WfSeq *handlers,
                WfSeq *orelse, WfSeq *finalbody) {
    WfAst *s = node_tok(p, WF_S_TRY, t);
    set_body(&s->body, body);
    set_body(&s->handlers, handlers);
    set_body(&s->orelse, orelse);
    set_body(&s->finalbody, finalbody);
    end_seq(s, body);
    end_seq(s, handlers);
    end_seq(s, orelse);
    end_seq(s, finalbody);
    return s;
}

WfAst *wf_b_with_item(WfParser *p, WfAst *ctx, WfAst *target) {
    WfAst *s = node_at(p, WF_S_WITHITEM, ctx);
    s->left = ctx;
    s->right = target;
    if (target) {
        store_target(p, target);
        end_at(s, target);
    }
    return s;
}

WfAst *wf_b_with(WfParser *p, const WfTok *t, WfSeq *items, WfSeq *body,
                 bool parenthesized) {
    (void)parenthesized;
    WfAst *s = node_tok(p, WF_S_WITH, t);
    s->list = items->list;
    set_body(&s->body, body);
    end_seq(s, body);
    return s;
}

WfAst *wf_b_param(WfParser *p, const WfTok *name, int kind, WfAst *dflt,
                  const WfTok *star) {
    WfAstKind k = kind == WF_PK_STAR ? WF_E_STARRED
                : kind == WF_PK_DSTAR ? WF_E_DOUBLESTARRED : WF_E_NAME;
    /* positioned on its first token, as CPython's parameter errors are */
    WfAst *n = node_tok(p, k, star ? star : name);
    n->level = -1; /* marks a parameter for parser.c's error analysis */
    if (name) n->name = wf_parse_intern(p, name->s, (size_t)name->len);
    n->left = dflt;
    if (name) {
        n->test = wf_ast_new(p->arena, WF_E_NAME, name->line, name->col);
        n->test->end_line = name->end_line;
        n->test->end_col = name->end_col;
    }
    return n;
}

WfAst *wf_b_param_default(WfParser *p, WfAst *param, WfAst *dflt) {
    (void)p;
    param->left = dflt;
    return param;
}

WfAst *wf_b_param_star(WfParser *p, WfAst *param, int kind,
                       const WfTok *star) {
    (void)p;
    param->kind = kind == WF_PK_STAR ? WF_E_STARRED : WF_E_DOUBLESTARRED;
    param->line = star->line;
    param->col = star->col;
    param->end_line = star->end_line;
    param->end_col = star->end_col;
    return param;
}

/* Checks parameter order with CPython's messages and fills WfParams. */
WfParams *wf_b_params(WfParser *p, WfSeq *seq) {
    WfParams *ps = empty_params(p);
    WfParams *res = ps;
    int n = seq->list.n;
    WfAst **it = seq->list.items;
    ps->args = wf_arena_alloc(p->arena, (size_t)n * sizeof *ps->args);
    ps->kwonly = wf_arena_alloc(p->arena, (size_t)n * sizeof *ps->kwonly);
    bool star = false, dstar = false, dflt = false;
    const WfAst *bare = NULL;
    for (int i = 0; i < n; i++) {
        WfAst *a = it[i];
        if (dstar) {
            wf_b_error_node(p, a, "arguments cannot follow var-keyword "
                                  "argument");
            return res;
        }
        if (a->kind == WF_E_DOUBLESTARRED) {
            if (bare) {
                wf_b_error_node(p, bare, "named arguments must follow bare *");
                return res;
            }
            dstar = true;
            ps->kwarg = a->name;
        } else if (a->kind == WF_E_STARRED) {
            if (star) {
                if (a->name) wf_b_error_node(p, a, "* argument may appear only once");
                else wf_b_error_node(p, a, "invalid syntax");
                return res;
            }
            star = true;
            if (a->name) ps->vararg = a->name;
            else bare = a;
        } else {
            WfParam *pp = star ? &ps->kwonly[ps->nkwonly++]
                               : &ps->args[ps->nargs++];
            pp->name = a->name;
            pp->default_ = a->left;
            pp->line = a->line;
            pp->col = a->col;
            bare = NULL;
            if (!star) {
                if (a->left) dflt = true;
                else if (dflt) {
                    wf_b_error_node(p, a, "non-default argument follows "
                                          "default argument");
                    return res;
                }
            }
        }
    }
    if (bare) {
        wf_b_error_node(p, bare, "named arguments must follow bare *");
        return res;
    }
    /* duplicates: CPython's symbol table reports them after parsing */
    NameSet seen = {NULL, 0};
    for (int i = 0; i < n; i++) {
        if (it[i]->name && nameset_add(&seen, it[i]->name, (size_t)n)) {
            wf_b_deferred_node(p, it[i]->test ? it[i]->test : it[i],
                               "duplicate argument '%s' in function "
                               "definition",
                               it[i]->name);
            break;
        }
    }
    free(seen.tab);
    return res;
}

WfAst *wf_b_funcdef(WfParser *p, const WfTok *t, const WfTok *name,
                    WfParams *params, WfSeq *body) {
    WfAst *s = node_tok(p, WF_S_FUNCDEF, t);
    s->name = wf_parse_intern(p, name->s, (size_t)name->len);
    s->params = params ? params : empty_params(p);
    set_body(&s->body, body);
    end_seq(s, body);
    return s;
}

WfAst *wf_b_classdef(WfParser *p, const WfTok *t, const WfTok *name,
                     WfSeq *args, const WfTok *rpar, WfSeq *body) {
    WfAst *s = node_tok(p, WF_S_CLASSDEF, t);
    s->name = wf_parse_intern(p, name->s, (size_t)name->len);
    if (args) {
        WfAst *call = wf_b_call(p, s, NULL, args, rpar);
        s->list = call->list;
        s->keywords = call->keywords;
    }
    set_body(&s->body, body);
    end_seq(s, body);
    return s;
}

WfAst *wf_b_decorated(WfParser *p, WfSeq *decorators, WfAst *def) {
    (void)p;
    def->decorators = decorators->list;
    return def;
}

/* ---- comprehensions ------------------------------------------------------ */

WfAst *wf_b_comp_for(WfParser *p, const WfTok *t, WfSeq *target,
                     WfAst *iter) {
    WfAst *c = node_tok(p, WF_E_COMPREHENSION, t);
    c->left = target_of(p, target);
    store_target(p, c->left);
    c->right = iter;
    end_at(c, iter);
    return c;
}

WfSeq *wf_b_comp_if(WfParser *p, WfSeq *comps, WfAst *cond) {
    WfAst *last = comps->list.items[comps->list.n - 1];
    push(p, &last->list, cond);
    end_at(last, cond);
    bool par = cond->parenthesized;
    comps->end_line = par ? cond->pend_line : cond->end_line;
    comps->end_col = par ? cond->pend_col : cond->end_col;
    return comps;
}

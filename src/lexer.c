/* lexer.c: turns the raw tokens of grammar/lex.re into the parser's token
 * stream (see lexer.h). Owns indentation (INDENT/DEDENT from an indent
 * stack, tabs to the next multiple of 8 with CPython's TabError check),
 * implicit line joining inside brackets, `\` continuation, blank and
 * comment-only lines, the bracket stack and its errors, number and string
 * scanning, identifier validation, the Python-2 `print` keyword and the
 * `with (` marker. Invariant: the buffer ends with one NUL and holds no
 * other, so every scan stops at lx->end. Messages, lines and columns follow
 * CPython 3.11's tokenizer (Parser/tokenizer.c); called by parser.c. */
#include "lexer.h"
#include "parse.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- positions ------------------------------------------------------ */

/* Code points from the start of the current line to p (p on that line).
 * Tokens arrive left to right, so a cache makes this linear per line. */
static int cp_count(WfLexer *lx, const char *p) {
    if (lx->cp_ptr < lx->line_start || lx->cp_ptr > p) {
        lx->cp_ptr = lx->line_start;
        lx->cp_n = 0;
    }
    const char *q = lx->cp_ptr;
    int n = lx->cp_n;
    for (; q < p; q++) n += ((unsigned char)*q & 0xC0) != 0x80;
    lx->cp_ptr = p;
    lx->cp_n = n;
    return n;
}

static int pos_line(WfLexer *lx) { return lx->line + lx->line_base; }
static int pos_col(WfLexer *lx, const char *p) {
    return cp_count(lx, p) + (lx->line == 1 ? lx->col_base : 0);
}
static int pos_bcol(WfLexer *lx, const char *p) {
    return (int)(p - lx->line_start) + (lx->line == 1 ? lx->bcol_base : 0);
}

static void newline_at(WfLexer *lx, const char *after) {
    lx->line++;
    lx->line_start = after;
}

/* Where CPython's tokenizer stands at end of input: on the last line, just
 * past its (possibly implicit) newline. Returns the line; *bcol is the
 * line's length in bytes without the newline. */
static int eof_pos(WfLexer *lx, int *bcol) {
    const char *ls = lx->line_start;
    if (ls == lx->end && ls > lx->buf) {
        /* the input ends with '\n': the last line is the one before */
        const char *p = ls - 1;
        while (p > lx->buf && p[-1] != '\n') p--;
        *bcol = (int)(ls - 1 - p) + (lx->line - 1 == 1 ? lx->bcol_base : 0);
        return lx->line - 1 + lx->line_base;
    }
    *bcol = (int)(lx->end - ls) + (lx->line == 1 ? lx->bcol_base : 0);
    return pos_line(lx);
}

/* ---- errors --------------------------------------------------------- */

static void fail(WfLexer *lx, const char *kind, bool replaces, int line,
                 int col, int end_col, const char *fmt, ...) {
    if (lx->failed) return;
    lx->failed = true;
    lx->error_replaces = replaces;
    WfSyntaxError *e = &lx->error;
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

/* CPython's tokenizer syntaxerror(): the caret goes under the last character
 * consumed, i.e. the one before p; columns in code points. */
#define TOKERR(lx, p, ...)                                                   \
    fail(lx, "SyntaxError", true, pos_line(lx), pos_col(lx, p) - 1,          \
         pos_col(lx, p) - 1, __VA_ARGS__)

/* ---- set up ---------------------------------------------------------- */

/* Length of the UTF-8 sequence at p (bytes left: n), or 0 if invalid. */
static int utf8_len(const unsigned char *p, size_t n) {
    unsigned c = p[0];
    if (c < 0x80) return 1;
    int len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
    else return 0;
    if ((size_t)len > n) return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

/* Line number (universal newlines) of byte offset off. */
static int line_of(const char *src, size_t off) {
    int line = 1;
    for (size_t i = 0; i < off; i++) {
        if (src[i] == '\n' || (src[i] == '\r' && (i + 1 >= off || src[i + 1] != '\n')))
            line++;
    }
    return line;
}

static void init_common(WfLexer *lx, WfArena *a, const char *src,
                        size_t len) {
    memset(lx, 0, sizeof *lx);
    lx->arena = a;
    lx->line = 1;
    lx->atbol = true;
    lx->last_type = TK_NEWLINE;
    if (len > (size_t)0x3fffffff) {
        /* columns and lengths are ints; nobody writes a 1 GiB program */
        fail(lx, "SyntaxError", true, 0, -1, -1, "source code too large");
        len = 0;
    }
    /* Reject NUL bytes and invalid UTF-8 up front, as CPython does when it
     * reads a file, then copy with "\r\n" and "\r" folded into "\n". */
    const unsigned char *s = (const unsigned char *)src;
    const unsigned char *nul = len ? memchr(s, 0, len) : NULL;
    size_t scan = nul ? (size_t)(nul - s) : len;
    for (size_t i = 0; i < scan;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int n = utf8_len(s + i, len - i);
        if (!n) {
            /* printed without a source line; the printer adds the file */
            fail(lx, "SyntaxError", true, 0, -1, -1,
                 "Non-UTF-8 code starting with '\\x%02x' on line %d, but "
                 "no encoding declared; see https://peps.python.org/pep-0263/ "
                 "for details",
                 s[i], line_of(src, i));
            break;
        }
        i += (size_t)n;
    }
    if (nul && !lx->failed)
        fail(lx, "SyntaxError", true, line_of(src, scan), -2, -2,
             "source code cannot contain null bytes");
    char *buf = wf_arena_alloc(a, len + 2);
    size_t o = 0;
    size_t i = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) i = 3; /* BOM */
    if (!lx->failed) {
        if (!memchr(src + i, '\r', len - i)) {
            memcpy(buf, src + i, len - i);
            o = len - i;
        } else {
            for (; i < len; i++) {
                char c = src[i];
                if (c == '\r') {
                    if (i + 1 < len && src[i + 1] == '\n') i++;
                    c = '\n';
                }
                buf[o++] = c;
            }
        }
    }
    buf[o] = 0;
    lx->buf = lx->cur = lx->line_start = lx->cp_ptr = buf;
    lx->end = buf + o;
    lx->qcap = 0;
}

void wf_lexer_init(WfLexer *lx, WfArena *a, const char *src, size_t len,
                   bool eval) {
    init_common(lx, a, src, len);
    lx->eval = eval;
}

void wf_lexer_init_at(WfLexer *lx, WfArena *a, const char *src, size_t len,
                      int line, int col, int bcol) {
    init_common(lx, a, src, len);
    lx->eval = true;
    lx->line_base = line - 1;
    lx->col_base = col;
    lx->bcol_base = bcol;
}

void wf_lexer_free(WfLexer *lx) {
    free(lx->q);
    lx->q = NULL;
    lx->qn = lx->qhead = lx->qcap = 0;
}

/* ---- numbers (CPython's tok_get number branch, verbatim in spirit) ---- */

static bool is_id_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (c >= '0' && c <= '9') || c >= 128;
}
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Does the text at p spell `rest` followed by a non-identifier char? */
static bool lookahead(const char *p, const char *rest) {
    size_t n = strlen(rest);
    if (strncmp(p, rest, n) != 0) return false;
    return !is_id_char((unsigned char)p[n]);
}

/* p points at c, the character after a number. Returns false (after
 * failing) when the number runs into an identifier; the few keywords that
 * may legally follow a number (`1if x else y`) end it silently, where
 * CPython 3.11 only warns. */
static bool end_of_number(WfLexer *lx, const char *p, const char *kind) {
    int c = (unsigned char)*p;
    bool kw = false;
    if (c == 'a') kw = lookahead(p + 1, "nd");
    else if (c == 'e') kw = lookahead(p + 1, "lse");
    else if (c == 'f') kw = lookahead(p + 1, "or");
    else if (c == 'i') kw = p[1] == 'f' || p[1] == 'n' || p[1] == 's';
    else if (c == 'o') kw = lookahead(p + 1, "r");
    else if (c == 'n') kw = lookahead(p + 1, "ot");
    if (kw) return true;
    if (is_id_char(c)) {
        TOKERR(lx, p, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits and single underscores after a first digit; returns the position
 * of the first char that is neither, or NULL after an error. */
static const char *decimal_tail(WfLexer *lx, const char *p) {
    for (;;) {
        while (is_digit((unsigned char)*p)) p++;
        if (*p != '_') return p;
        p++;
        if (!is_digit((unsigned char)*p)) {
            TOKERR(lx, p, "invalid decimal literal");
            return NULL;
        }
    }
}

/* Scans the number starting at s. Returns its end, or NULL on error. */
static const char *scan_number(WfLexer *lx, const char *s, bool *imag) {
    const char *p = s;
    *imag = false;
    if (*p == '.') {
        p++;
        goto fraction;
    }
    if (*p == '0') {
        p++;
        char c = *p;
        if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' ||
            c == 'B') {
            int base = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : 2;
            const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
            p++;
            do {
                if (*p == '_') p++;
                int d = (unsigned char)*p;
                bool ok = base == 16 ? is_xdigit(d) : base == 8 ? (d >= '0' && d < '8') : (d == '0' || d == '1');
                if (!ok) {
                    if (base != 16 && is_digit(d)) {
                        TOKERR(lx, p + 1, "invalid digit '%c' in %s literal", d, kind);
                    } else {
                        TOKERR(lx, p, "invalid %s literal", kind);
                    }
                    return NULL;
                }
                for (;;) {
                    d = (unsigned char)*p;
                    ok = base == 16 ? is_xdigit(d) : base == 8 ? (d >= '0' && d < '8') : (d == '0' || d == '1');
                    if (!ok) break;
                    p++;
                }
            } while (*p == '_');
            if (base != 16 && is_digit((unsigned char)*p)) {
                TOKERR(lx, p + 1, "invalid digit '%c' in %s literal", *p, kind);
                return NULL;
            }
            if (!end_of_number(lx, p, kind)) return NULL;
            return p;
        }
        /* zeros, maybe an old-style octal */
        bool nonzero = false;
        for (;;) {
            if (*p == '_') {
                p++;
                if (!is_digit((unsigned char)*p)) {
                    TOKERR(lx, p, "invalid decimal literal");
                    return NULL;
                }
            }
            if (*p != '0') break;
            p++;
        }
        const char *zeros_end = p + 1;
        if (is_digit((unsigned char)*p)) {
            nonzero = true;
            p = decimal_tail(lx, p);
            if (!p) return NULL;
        }
        if (*p == '.') {
            p++;
            goto fraction;
        }
        if (*p == 'e' || *p == 'E') goto exponent;
        if (*p == 'j' || *p == 'J') goto imaginary;
        if (nonzero) {
            int line = pos_line(lx);
            fail(lx, "SyntaxError", true, line, pos_col(lx, s),
                 pos_col(lx, zeros_end) - 1,
                 "leading zeros in decimal integer literals are not "
                 "permitted; use an 0o prefix for octal integers");
            return NULL;
        }
        if (!end_of_number(lx, p, "decimal")) return NULL;
        return p;
    }
    p = decimal_tail(lx, p);
    if (!p) return NULL;
    if (*p == '.') {
        p++;
    fraction:
        if (is_digit((unsigned char)*p)) {
            p = decimal_tail(lx, p);
            if (!p) return NULL;
        }
    }
    if (*p == 'e' || *p == 'E') {
    exponent:;
        const char *e = p;
        p++;
        if (*p == '+' || *p == '-') {
            p++;
            if (!is_digit((unsigned char)*p)) {
                TOKERR(lx, p, "invalid decimal literal");
                return NULL;
            }
        } else if (!is_digit((unsigned char)*p)) {
            /* "1e" is the number 1 followed by a name, unless e starts a
             * keyword (end_of_number decides) */
            if (!end_of_number(lx, e, "decimal")) return NULL;
            return e;
        }
        p = decimal_tail(lx, p);
        if (!p) return NULL;
    }
    if (*p == 'j' || *p == 'J') {
    imaginary:
        p++;
        *imag = true;
        if (!end_of_number(lx, p, "imaginary")) return NULL;
        return p;
    }
    if (!end_of_number(lx, p, "decimal")) return NULL;
    return p;
}

/* ---- strings --------------------------------------------------------- */

/* s is the token start (prefix included), q the opening quote. Scans to the
 * closing quote, crossing lines; returns the end or NULL on error. */
static const char *scan_string(WfLexer *lx, const char *s, const char *q) {
    char quote = *q;
    int first_line = lx->line;
    const char *first_line_start = lx->line_start;
    const char *p = q + 1;
    int size = 1;
    if (p[0] == quote && p[1] == quote) {
        size = 3;
        p += 2;
    } else if (p[0] == quote) {
        return p + 1; /* empty string */
    }
    int endq = 0;
    while (endq != size) {
        char c = *p;
        if ((c == 0 && p == lx->end) || (size == 1 && c == '\n')) {
            int detected = lx->line + lx->line_base;
            if (c == 0 && p == lx->end) {
                int b;
                detected = eof_pos(lx, &b);
            }
            lx->line = first_line;
            lx->line_start = first_line_start;
            int col = pos_col(lx, s);
            fail(lx, "SyntaxError", true, pos_line(lx), col, col,
                 size == 3 ? "unterminated triple-quoted string literal "
                             "(detected at line %d)"
                           : "unterminated string literal (detected at "
                             "line %d)",
                 detected);
            return NULL;
        }
        p++;
        if (c == quote) {
            endq++;
        } else {
            endq = 0;
            if (c == '\n') {
                newline_at(lx, p);
            } else if (c == '\\') {
                if (*p == '\n') {
                    p++;
                    newline_at(lx, p);
                } else if (p < lx->end) {
                    p++;
                }
            }
        }
    }
    return p;
}

/* ---- identifiers ------------------------------------------------------ */

static bool is_id_start_cp(utf8proc_int32_t c) {
    if (c == '_') return true;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
        return true;
    default:
        /* Other_ID_Start */
        return c == 0x1885 || c == 0x1886 || c == 0x2118 || c == 0x212E ||
               c == 0x309B || c == 0x309C;
    }
}

static bool is_id_cont_cp(utf8proc_int32_t c) {
    if (is_id_start_cp(c)) return true;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_PC:
        return true;
    default:
        /* Other_ID_Continue */
        return c == 0x00B7 || c == 0x0387 || (c >= 0x1369 && c <= 0x1371) ||
               c == 0x19DA;
    }
}

/* Python's str.isprintable() for one code point. */
static bool is_printable_cp(utf8proc_int32_t c) {
    if (c == ' ') return true;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

static void bad_char(WfLexer *lx, const char *p, utf8proc_int32_t c,
                     int clen) {
    if (is_printable_cp(c)) {
        char buf[8];
        memcpy(buf, p, (size_t)clen);
        buf[clen] = 0;
        TOKERR(lx, p + clen, "invalid character '%s' (U+%04X)", buf,
               (unsigned)c);
    } else {
        TOKERR(lx, p + clen, "invalid non-printable character U+%04X",
               (unsigned)c);
    }
}

/* Checks an identifier holding non-ASCII bytes (already valid UTF-8). */
static bool check_identifier(WfLexer *lx, const char *s, const char *e) {
    bool first = true;
    for (const char *p = s; p < e;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p,
                                              e - p, &c);
        if (n <= 0) n = 1, c = 0xFFFD;
        if (first ? !is_id_start_cp(c) : !is_id_cont_cp(c)) {
            bad_char(lx, p, c, (int)n);
            return false;
        }
        first = false;
        p += n;
    }
    return true;
}

/* ---- the token layer ----------------------------------------------- */

static void error_token(WfLexer *lx, WfTok *t) {
    memset(t, 0, sizeof *t);
    t->type = WF_TOK_ERROR;
    t->line = t->end_line = lx->error.line;
    t->col = t->end_col = t->bcol = t->end_bcol = lx->error.col;
    t->s = lx->cur;
    t->level = lx->level;
}

static void start_tok(WfLexer *lx, WfTok *t, int type, const char *s) {
    t->type = type;
    t->s = s;
    t->line = pos_line(lx);
    t->col = pos_col(lx, s);
    t->bcol = pos_bcol(lx, s);
    t->level = lx->level;
    t->open = lx->level ? lx->parenstack[lx->level - 1] : 0;
}

static void end_tok(WfLexer *lx, WfTok *t, const char *e) {
    t->len = (int)(e - t->s);
    t->end_line = pos_line(lx);
    t->end_col = pos_col(lx, e);
    t->end_bcol = pos_bcol(lx, e);
}

/* Measures the indentation at the start of a line and queues INDENTs or
 * DEDENTs against the indent stack. Blank and comment-only lines leave the
 * stack alone (the caller skips them); errors go to fail(). */
static void indentation(WfLexer *lx) {
    int col = 0, alt = 0;
    const char *p = lx->cur;
    for (;; p++) {
        if (*p == ' ') col++, alt++;
        else if (*p == '\t') col = (col / 8 + 1) * 8, alt++;
        else if (*p == '\f') col = alt = 0;
        else break;
    }
    lx->cur = p;
    if (*p == '#' || *p == '\n' || (*p == 0 && p == lx->end)) return;
    if (lx->eval && lx->line == 1) return; /* eval() strips leading blanks */
    int *is = lx->indstack, *as = lx->altstack;
    if (col == is[lx->indent]) {
        if (alt != as[lx->indent]) goto tabs;
    } else if (col > is[lx->indent]) {
        if (lx->indent + 1 >= WF_MAX_INDENT) {
            fail(lx, "IndentationError", false, pos_line(lx), 0, -1,
                 "too many levels of indentation");
            return;
        }
        if (alt <= as[lx->indent]) goto tabs;
        lx->pending++;
        lx->indent++;
        is[lx->indent] = col;
        as[lx->indent] = alt;
    } else {
        while (lx->indent > 0 && col < is[lx->indent]) {
            lx->pending--;
            lx->indent--;
        }
        if (col != is[lx->indent]) {
            /* CPython reports the end of the line, in bytes */
            const char *e = p;
            while (*e != '\n' && e < lx->end) e++;
            int b = pos_bcol(lx, e);
            fail(lx, "IndentationError", false, pos_line(lx), b, -2,
                 "unindent does not match any outer indentation level");
            return;
        }
        if (alt != as[lx->indent]) goto tabs;
    }
    return;
tabs:
    fail(lx, "TabError", false, pos_line(lx), 0, -1,
         "inconsistent use of tabs and spaces in indentation");
}

static const char *closer_of(char open) {
    return open == '(' ? ")" : open == '[' ? "]" : "}";
}

static void lex_token(WfLexer *lx, WfTok *t) {
    memset(t, 0, sizeof *t);
    if (lx->failed) {
        error_token(lx, t);
        return;
    }
    for (;;) {
        if (lx->pending > 0 || lx->pending < 0) {
            bool in = lx->pending > 0;
            lx->pending += in ? -1 : 1;
            start_tok(lx, t, in ? TK_INDENT : TK_DEDENT, lx->cur);
            end_tok(lx, t, lx->cur);
            break;
        }
        if (lx->done) {
            /* DEDENTs at the end sit where CPython's tokenizer stands: past
             * the last line's newline; ENDMARKER has no column */
            int b;
            int line = eof_pos(lx, &b);
            t->s = lx->end;
            t->line = t->end_line = line;
            t->flags = WF_TF_EOF;
            t->bcol = t->end_bcol = t->col = t->end_col = b + 1;
            if (lx->eof_dedents > 0) {
                lx->eof_dedents--;
                t->type = TK_DEDENT;
                break;
            }
            t->type = TK_ENDMARKER;
            break;
        }
        if (lx->atbol) {
            lx->atbol = false;
            indentation(lx);
            if (lx->failed) {
                error_token(lx, t);
                return;
            }
            continue;
        }
        const char *s;
        int raw = wf_lex_scan(lx, &s);
        if (raw == WF_RAW_COMMENT) {
            lx->nl_start = s;
            continue;
        }
        if (raw == WF_RAW_NL) {
            const char *nl = lx->nl_start ? lx->nl_start : s;
            lx->nl_start = NULL;
            if (lx->level > 0 || !lx->line_has_tokens) {
                newline_at(lx, lx->cur);
                if (lx->level == 0) lx->atbol = true;
                lx->cont = false;
                continue;
            }
            start_tok(lx, t, TK_NEWLINE, nl);
            end_tok(lx, t, s);
            t->len = 0;
            newline_at(lx, lx->cur);
            lx->atbol = true;
            lx->cont = false;
            lx->line_has_tokens = false;
            lx->lambdas = 0;
            break;
        }
        const char *comment = lx->nl_start;
        lx->nl_start = NULL;
        if (raw == WF_RAW_CONT) {
            newline_at(lx, lx->cur);
            lx->cont = true;
            continue;
        }
        if (raw == WF_RAW_EOF) {
            int b;
            if (lx->cont && lx->level == 0) {
                int line = eof_pos(lx, &b);
                /* with no token before it CPython has no column */
                fail(lx, "SyntaxError", false, line, lx->line_has_tokens ? b : -1,
                     -2, "unexpected EOF while parsing");
                error_token(lx, t);
                return;
            }
            if (lx->level > 0) {
                int i = lx->level - 1;
                fail(lx, "SyntaxError", false, lx->parenline[i],
                     lx->parenbcol[i], -1, "'%c' was never closed",
                     lx->parenstack[i]);
                error_token(lx, t);
                t->flags |= WF_TF_EOF_BRACKET;
                return;
            }
            if (lx->line_has_tokens) {
                /* the implicit newline at the end of the last line */
                start_tok(lx, t, TK_NEWLINE, comment ? comment : s);
                end_tok(lx, t, s);
                lx->line_has_tokens = false;
                lx->lambdas = 0;
                break;
            }
            lx->done = true;
            lx->eof_dedents = lx->indent;
            lx->indent = 0;
            continue;
        }
        if (raw == WF_RAW_BADCONT && lx->cur == lx->end && lx->level > 0) {
            int i = lx->level - 1;
            fail(lx, "SyntaxError", false, lx->parenline[i], lx->parenbcol[i],
                 -1, "'%c' was never closed", lx->parenstack[i]);
            error_token(lx, t);
            t->flags |= WF_TF_EOF_BRACKET;
            return;
        }
        if (raw == WF_RAW_BADCONT) {
            if (lx->cur == lx->end) {
                int b;
                int line = eof_pos(lx, &b);
                fail(lx, "SyntaxError", false, line, lx->line_has_tokens ? b : -1,
                     -2, "unexpected EOF while parsing");
            } else {
                /* CPython points at the character after the '\' */
                fail(lx, "SyntaxError", false, pos_line(lx),
                     pos_bcol(lx, lx->cur), -1,
                     "unexpected character after line continuation "
                     "character");
            }
            error_token(lx, t);
            return;
        }
        lx->cont = false;
        lx->line_has_tokens = true;
        switch (raw) {
        case WF_RAW_NUMBER: {
            bool imag;
            const char *e = scan_number(lx, s, &imag);
            if (!e) {
                error_token(lx, t);
                return;
            }
            lx->cur = e;
            start_tok(lx, t, TK_NUMBER, s);
            end_tok(lx, t, e);
            if (imag) {
                fail(lx, "SyntaxError", true, t->line, t->col, t->end_col,
                     "imaginary numbers are not supported");
                error_token(lx, t);
                return;
            }
            break;
        }
        case WF_RAW_STRING: {
            const char *q = lx->cur - 1;
            start_tok(lx, t, TK_STRING, s);
            const char *e = scan_string(lx, s, q);
            if (!e) {
                error_token(lx, t);
                return;
            }
            lx->cur = e;
            end_tok(lx, t, e);
            break;
        }
        case WF_RAW_UNAME:
            if (!check_identifier(lx, s, lx->cur)) {
                error_token(lx, t);
                return;
            }
            start_tok(lx, t, TK_NAME, s);
            end_tok(lx, t, lx->cur);
            break;
        case WF_RAW_BAD: {
            unsigned char c = (unsigned char)*s;
            if (c == '$' || c == '?' || c == '`' || c == '!') {
                start_tok(lx, t, TK_BADCHAR, s);
                end_tok(lx, t, lx->cur);
                break;
            }
            /* a control character; bytes >= 0x80 start identifiers */
            bad_char(lx, s, c, 1);
            error_token(lx, t);
            return;
        }
        default:
            start_tok(lx, t, raw, s);
            end_tok(lx, t, lx->cur);
            break;
        }
        if (t->type == TK_LPAR || t->type == TK_LSQB || t->type == TK_LBRACE) {
            if (lx->level >= WF_MAX_LEVEL) {
                TOKERR(lx, lx->cur, "too many nested parentheses");
                error_token(lx, t);
                return;
            }
            lx->parenstack[lx->level] = *s;
            lx->parenline[lx->level] = t->line;
            lx->parenbcol[lx->level] = t->bcol;
            lx->level++;
        } else if (t->type == TK_RPAR || t->type == TK_RSQB ||
                   t->type == TK_RBRACE) {
            if (lx->level == 0) {
                TOKERR(lx, lx->cur, "unmatched '%c'", *s);
                error_token(lx, t);
                return;
            }
            int i = lx->level - 1;
            char open = lx->parenstack[i];
            if (*closer_of(open) != *s) {
                if (lx->parenline[i] != t->line)
                    TOKERR(lx, lx->cur,
                           "closing parenthesis '%c' does not match opening "
                           "parenthesis '%c' on line %d",
                           *s, open, lx->parenline[i]);
                else
                    TOKERR(lx, lx->cur,
                           "closing parenthesis '%c' does not match opening "
                           "parenthesis '%c'",
                           *s, open);
                error_token(lx, t);
                return;
            }
            lx->level--;
        }
        break;
    }
    /* statement-level flags */
    int lt = lx->last_type;
    if (lt == TK_NEWLINE || lt == TK_INDENT || lt == TK_DEDENT)
        t->flags |= WF_TF_LINE_START | WF_TF_STMT_START;
    else if (lt == TK_SEMI || (lx->last_flags & WF_TF_BLOCK_COLON))
        t->flags |= WF_TF_STMT_START;
    if (t->type == TK_NEWLINE || t->type == TK_INDENT ||
        t->type == TK_DEDENT || t->type == TK_ENDMARKER)
        t->flags &= ~(unsigned)(WF_TF_LINE_START | WF_TF_STMT_START);
    if (t->level == 0) {
        if (t->type == TK_LAMBDA) lx->lambdas++;
        else if (t->type == TK_COLON) {
            if (lx->lambdas > 0) lx->lambdas--;
            else t->flags |= WF_TF_BLOCK_COLON;
        }
    }
    lx->last_type = t->type;
    lx->last_flags = t->flags;
    lx->last_line = t->line;
}

/* ---- lookahead queue and keyword rewriting -------------------------- */

/* Makes room for one more token at the queue's tail. */
static void qroom(WfLexer *lx) {
    if (lx->qn < lx->qcap) return;
    if (lx->qhead > 0) {
        memmove(lx->q, lx->q + lx->qhead,
                (size_t)(lx->qn - lx->qhead) * sizeof *lx->q);
        lx->qn -= lx->qhead;
        lx->qhead = 0;
        return;
    }
    int cap = lx->qcap ? lx->qcap * 2 : 16;
    WfTok *q = realloc(lx->q, (size_t)cap * sizeof *q);
    if (!q) {
        fputs("weft: out of memory in the lexer\n", stderr);
        abort();
    }
    lx->q = q;
    lx->qcap = cap;
}

static WfTok *peek(WfLexer *lx, int k) {
    while (lx->qn - lx->qhead <= k) {
        qroom(lx);
        lex_token(lx, &lx->q[lx->qn++]);
    }
    return &lx->q[lx->qhead + k];
}

static bool is_print(const WfTok *t) {
    return t->type == TK_NAME && t->len == 5 && memcmp(t->s, "print", 5) == 0;
}

/* `print` at a statement's start is the Python-2 statement when the next
 * token cannot continue an expression that begins with the name print.
 * '[' counts as the start of a list to print (`print [1, 2]`): indexing
 * the print function can only raise. '(' keeps the Python-3 call. */
static bool print_statement(WfLexer *lx) {
    WfTok *n = peek(lx, 1);
    switch (n->type) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LBRACE:
    case TK_LSQB:
    case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_LAMBDA:
    case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS:
    case TK_NEWLINE: case TK_SEMI: case TK_ENDMARKER:
        return true;
    case TK_NOT:
        return peek(lx, 2)->type != TK_IN;
    default:
        return false;
    }
}

/* `with (` opens parenthesized with-items when the matching `)` is
 * followed by ':'; otherwise the parenthesis starts an expression. */
static void mark_with_paren(WfLexer *lx) {
    if (peek(lx, 1)->type != TK_LPAR) return;
    int depth = 0;
    for (int k = 1;; k++) {
        WfTok *t = peek(lx, k);
        if (t->type == WF_TOK_ERROR || t->type == TK_ENDMARKER ||
            t->type == TK_NEWLINE)
            return;
        if (t->type == TK_LPAR || t->type == TK_LSQB || t->type == TK_LBRACE)
            depth++;
        else if (t->type == TK_RPAR || t->type == TK_RSQB ||
                 t->type == TK_RBRACE) {
            if (--depth == 0) {
                if (peek(lx, k + 1)->type == TK_COLON)
                    peek(lx, 1)->type = TK_WITH_LPAR;
                return;
            }
        }
    }
}

void wf_lexer_next(WfLexer *lx, WfTok *t) {
    if (lx->qhead == lx->qn) {
        /* the common case: no lookahead pending or needed */
        lex_token(lx, t);
        if (!(t->type == TK_WITH ||
              (t->type == TK_NAME && (t->flags & WF_TF_STMT_START) &&
               is_print(t))))
            return;
        lx->qhead = lx->qn = 0;
        qroom(lx);
        lx->q[lx->qn++] = *t;
    }
    WfTok *h = peek(lx, 0);
    if (h->type == TK_NAME && (h->flags & WF_TF_STMT_START) && is_print(h)) {
        if (print_statement(lx)) peek(lx, 0)->type = TK_PRINT;
    } else if (h->type == TK_WITH) {
        mark_with_paren(lx);
    }
    *t = *peek(lx, 0);
    lx->qhead++;
    if (lx->qhead == lx->qn) lx->qhead = lx->qn = 0;
}

/* lexer.h: the token layer between the source bytes and the lemon parser.
 * grammar/lex.re (re2c) recognises one raw token at a time; lexer.c turns
 * the raw tokens into the parser's stream: INDENT/DEDENT from an indent
 * stack, NEWLINE only at the end of logical lines (none inside brackets,
 * after a `\` continuation or on blank and comment-only lines), the bracket
 * checks, the Python-2 `print` statement keyword and the parenthesized-with
 * marker. Errors are found in the same order CPython's tokenizer finds
 * them and carry its message and position. Called by parser.c only. */
#ifndef WF_LEXER_H
#define WF_LEXER_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "ast.h"

/* CPython's tokenizer limits (Parser/tokenizer.h MAXINDENT and MAXLEVEL):
 * 100 indentation levels including the base one, 200 nested brackets. */
#define WF_MAX_INDENT 100
#define WF_MAX_LEVEL 200

/* Codes of the raw tokens only lex.re and lexer.c see; parser tokens use
 * lemon's TK_* codes from the generated parse.h, all below 256. */
enum {
    WF_RAW_EOF = 1000,     /* the NUL after the last byte */
    WF_RAW_NL,             /* '\n' (the buffer has no '\r') */
    WF_RAW_COMMENT,        /* '#' up to the end of the line */
    WF_RAW_CONT,           /* '\' followed by a newline */
    WF_RAW_BADCONT,        /* '\' followed by anything else */
    WF_RAW_NUMBER,         /* a digit or '.' digit: lexer.c scans it */
    WF_RAW_STRING,         /* optional prefix and an opening quote */
    WF_RAW_UNAME,          /* identifier holding bytes >= 0x80 */
    WF_RAW_BAD,            /* a byte that starts no token */
    WF_TOK_ERROR           /* the lexer failed; lx->error says why */
};

/* Token flags. */
#define WF_TF_LINE_START 1u  /* first token of a logical line */
#define WF_TF_BLOCK_COLON 2u /* ':' ending a compound statement header */
#define WF_TF_EOF_BRACKET 8u /* error token: input ended inside brackets */
#define WF_TF_STMT_START 16u /* at a statement's start (line start, after
                                ';' or a block ':') */
#define WF_TF_EOF 64u        /* DEDENT or ENDMARKER made at end of input */

/* One token. Positions: 1-based lines; columns 0-based, both in code points
 * (col) and in bytes (bcol), end exclusive. */
typedef struct WfTok {
    int type;
    int line, col, bcol;
    int end_line, end_col, end_bcol;
    unsigned flags;
    int level;            /* bracket depth before this token */
    char open;            /* innermost open bracket before it, or 0 */
    const char *s;        /* text, in the lexer's buffer */
    int len;
} WfTok;

typedef struct WfLexer {
    WfArena *arena;
    const char *buf, *end, *cur;   /* NUL-terminated copy, '\r' folded */
    const char *line_start;        /* of the physical line at cur */
    int line;
    int line_base, col_base, bcol_base; /* added to positions on the first
                                      line (f-string fields) */
    const char *cp_ptr; int cp_n;  /* code-point column cache on the line */
    int indstack[WF_MAX_INDENT], altstack[WF_MAX_INDENT], indent;
    int pending;                   /* >0 INDENTs, <0 DEDENTs to emit */
    int eof_dedents;               /* DEDENTs still due at the end */
    char parenstack[WF_MAX_LEVEL];
    int parenline[WF_MAX_LEVEL],
        parenbcol[WF_MAX_LEVEL];
    int level;
    bool atbol, cont, line_has_tokens, eval, done;
    int lambdas;                   /* open `lambda`s at level 0 */
    int last_type;                 /* previous token produced */
    int last_line;                 /* and its line */
    unsigned last_flags;
    const char *nl_start;          /* comment start before the newline */
    /* lookahead queue (print statement, parenthesized with) */
    WfTok *q;
    int qhead, qn, qcap;
    /* the first error; the lexer then only returns WF_TOK_ERROR */
    bool failed;
    bool error_replaces;           /* CPython raises it from the tokenizer
                                      itself, so it beats a parser error */
    WfSyntaxError error;
} WfLexer;

/* src/len is the whole input; mode EVAL ignores the first line's indent.
 * Checks for NUL bytes and invalid UTF-8 first. */
void wf_lexer_init(WfLexer *lx, WfArena *a, const char *src, size_t len,
                   bool eval);
/* Same, for the text of an f-string field: positions are shifted so that
 * line 1 column 0 of text is (line, col) of the source. */
void wf_lexer_init_at(WfLexer *lx, WfArena *a, const char *src, size_t len,
                      int line, int col, int bcol);
void wf_lexer_free(WfLexer *lx);
/* Next token for the parser; after an error always a WF_TOK_ERROR token. */
void wf_lexer_next(WfLexer *lx, WfTok *t);

/* The re2c scanner (lex.re): one raw token from lx->cur, which it
 * advances; *start gets the token's first byte. */
int wf_lex_scan(WfLexer *lx, const char **start);

#endif

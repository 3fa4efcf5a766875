/* syntax_error.c: prints a WfSyntaxError the way CPython 3.11 prints an
 * uncaught SyntaxError (Python/pythonrun.c print_error_text): the File
 * line, the source line without its leading blanks, a caret line, then
 * `Kind: message`. Only a plain SyntaxError gets a run of carets; the
 * subclasses (IndentationError, TabError) always get one. Errors with no
 * line (line <= 0) print the message alone, as CPython does for the
 * decoding errors and RecursionError. Called by the tools and the VM's
 * error reporting; checked byte for byte against /usr/bin/python3. */
#include "syntax_error.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Finds line `line` (1-based) of src, counting "\n", "\r\n" and "\r" as
 * line ends like CPython's universal newlines. Sets *nl when the line has
 * an end. Returns NULL past the last line. */
static const char *find_line(const char *src, size_t len, int line,
                             size_t *n, bool *nl) {
    size_t i = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) i = 3;
    for (int l = 1; l < line; l++) {
        while (i < len && src[i] != '\n' && src[i] != '\r') i++;
        if (i >= len) return NULL;
        if (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n') i++;
        i++;
    }
    if (i >= len && line > 1) return NULL;
    size_t s = i;
    while (i < len && src[i] != '\n' && src[i] != '\r') i++;
    *n = i - s;
    *nl = i < len;
    /* the text is a C string for CPython: it stops at a NUL byte */
    const char *z = memchr(src + s, 0, *n);
    if (z) *n = (size_t)(z - (src + s));
    return src + s;
}

void wf_syntax_error_print(void *file_ptr, const char *filename,
                           const char *src, size_t len,
                           const WfSyntaxError *err) {
    FILE *f = file_ptr;
    const char *kind = err->kind ? err->kind : "SyntaxError";
    if (err->line <= 0) {
        const char *m = err->msg;
        const char *on = strstr(m, "' on line ");
        if (!strncmp(m, "Non-UTF-8 code", 14) && on && filename)
            fprintf(f, "%s: %.*s in file %s%s\n", kind, (int)(on + 1 - m), m,
                    filename, on + 1);
        else
            fprintf(f, "%s: %s\n", kind, m);
        return;
    }
    fprintf(f, "  File \"%s\", line %d\n", filename ? filename : "<string>",
            err->line);
    size_t n = 0;
    bool nl = false;
    const char *text = src ? find_line(src, len, err->line, &n, &nl) : NULL;
    if (text) {
        long line_size = (long)n + (nl ? 1 : 0);
        long off = (long)err->col + 1;
        long eoff = (long)err->end_col + 1;
        if (strcmp(kind, "SyntaxError") != 0) eoff = -1;
        if (eoff > line_size + 1) eoff = line_size + 1;
        off--;
        eoff--;
        size_t i = 0;
        while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) {
            i++;
            off--;
            eoff--;
        }
        long ln = (long)(n - i);
        if (off > ln) off = ln;
        fprintf(f, "    %.*s\n", (int)(n - i), text + i);
        if (off >= 0) {
            fputs("    ", f);
            for (long k = 0; k < off; k++) fputc(' ', f);
            long reps = eoff > off ? eoff - off : 1;
            for (long k = 0; k < reps; k++) fputc('^', f);
            fputc('\n', f);
        }
    }
    fprintf(f, "%s: %s\n", kind, err->msg);
}

/* Byte offset of code-point column col in the line text[0..n). */
static int byte_col(const char *text, size_t n, int col) {
    size_t i = 0;
    for (int c = 0; c < col && i < n; c++) {
        i++;
        while (i < n && ((unsigned char)text[i] & 0xC0) == 0x80) i++;
    }
    return (int)i;
}

void wf_syntax_error_at(WfSyntaxError *err, const char *src, size_t len,
                        const char *kind, const WfAst *n, const char *fmt,
                        ...) {
    memset(err, 0, sizeof *err);
    err->kind = kind ? kind : "SyntaxError";
    err->set = true;
    err->line = n->line;
    err->col = n->col;
    err->end_col = n->end_line == n->line ? n->end_col : -1;
    size_t ln = 0;
    bool nl = false;
    const char *text = src ? find_line(src, len, n->line, &ln, &nl) : NULL;
    if (text) {
        err->col = byte_col(text, ln, n->col);
        if (n->end_line > n->line)
            err->end_col = (int)ln + (nl ? 1 : 0) - 1;
        else
            err->end_col = byte_col(text, ln, n->end_col);
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

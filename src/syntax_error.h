/* syntax_error.h: helpers for the stages after the parser (scope pass,
 * compiler) to report an error at an AST node exactly where CPython 3.11
 * reports its compile-time SyntaxErrors: the node's line, byte columns of
 * its start and end on that line, a caret run under the node (to the end
 * of the first line when the node spans lines). wf_syntax_error_print
 * (ast.h) prints the result. Implemented in syntax_error.c. */
#ifndef WF_SYNTAX_ERROR_H
#define WF_SYNTAX_ERROR_H
#include "ast.h"

/* Fills *err for node n of the source src (the same bytes given to
 * wf_parse); kind is "SyntaxError" unless said otherwise; fmt is printf. */
void wf_syntax_error_at(WfSyntaxError *err, const char *src, size_t len,
                        const char *kind, const WfAst *n, const char *fmt,
                        ...) __attribute__((format(printf, 6, 7)));

#endif

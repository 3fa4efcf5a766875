/* compile.h: AST + scopes -> code objects. The compiler is the last stage
 * of the front end; its errors ('break' outside loop, ...) are
 * SyntaxErrors with the same record as the parser's. */
#ifndef WF_COMPILE_H
#define WF_COMPILE_H
#include "ast.h"
#include "code.h"

/* Compiles a parsed module. Returns a new code object, or NULL with either
 * err filled (a SyntaxError) or vm->exc set (MemoryError). filename and
 * source become the code objects' co_filename and traceback source. */
WfCode *wf_compile(WfVM *vm, WfArena *arena, WfModuleAst *mod, const char *filename,
                   const char *source, size_t srclen, uint32_t extra_flags,
                   WfSyntaxError *err);
/* Parse + compile in one call (what main, -c, exec use). */
WfCode *wf_compile_source(WfVM *vm, const char *source, size_t len, const char *filename,
                          WfParseMode mode, uint32_t extra_flags, WfSyntaxError *err);
#endif

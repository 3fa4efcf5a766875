/* fuzz_front.c: libFuzzer target for the front end. Feeds arbitrary bytes
 * to wf_parse in all three modes and prints any error report to
 * /dev/null, so the lexer, parser, builders, error analysis and printer
 * all see hostile input. Built when WEFT_FUZZ is ON; seeds in
 * fuzz/corpus/. The compiler stage can be added after wf_parse. */
#include "ast.h"
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *sink;
    if (!sink) sink = fopen("/dev/null", "w");
    const WfParseMode modes[] = {WF_PARSE_FILE, WF_PARSE_SINGLE,
                                 WF_PARSE_EVAL};
    for (int i = 0; i < 3; i++) {
        WfArena arena;
        wf_arena_init(&arena);
        WfSyntaxError err;
        WfModuleAst *m = wf_parse(&arena, (const char *)data, size, modes[i],
                                  &err);
        if (!m && sink)
            wf_syntax_error_print(sink, "fuzz.py", (const char *)data, size,
                                  &err);
        wf_arena_free(&arena);
    }
    return 0;
}

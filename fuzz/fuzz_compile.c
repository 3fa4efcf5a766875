/* fuzz_compile.c: libFuzzer target for the whole front end: arbitrary
 * bytes go through the lexer, parser, scope pass and bytecode compiler in
 * a long-lived VM, and every code object made is released again, so leaks
 * and use-after-free in the compiler's error paths show up under ASan.
 * Built when WEFT_FUZZ is ON; seeds in fuzz/corpus/. */
#include <stdint.h>
#include <stdio.h>
#include "compile.h"
#include "vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static WfVM *vm;
    if (!vm) vm = wf_vm_new();
    if (!vm) return 0;
    const WfParseMode modes[] = {WF_PARSE_FILE, WF_PARSE_SINGLE, WF_PARSE_EVAL};
    for (int i = 0; i < 3; i++) {
        WfSyntaxError err;
        WfCode *code = wf_compile_source(vm, (const char *)data, size, "fuzz.py", modes[i], 0, &err);
        if (code) wf_obj_decref(vm, &code->ob);
        wf_err_clear(vm);
    }
    return 0;
}

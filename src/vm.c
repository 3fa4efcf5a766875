/* vm.c: the VM's life cycle (creation with its builtins and sys module,
 * teardown with a final cycle collection) and the printing of uncaught
 * exceptions in CPython's layout, chained causes and contexts included. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>
#include "class.h"
#include "code.h"
#include "exc.h"
#include "gc.h"
#include "interp.h"
#include "vm.h"

/* Use at most this much of the C stack, and never more than 3/4 of the
 * process's stack limit: the rest is headroom for the C library, signal
 * handlers and sanitizer bookkeeping. 8 MiB is the usual main-thread size. */
#define WF_C_STACK_BUDGET ((size_t)6 << 20)

void wf_vm_set_stack_base(WfVM *vm) {
    char here;
    size_t budget = WF_C_STACK_BUDGET;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur / 4 * 3 < budget)
        budget = rl.rlim_cur / 4 * 3;
    uintptr_t base = (uintptr_t)&here;
    vm->stack_limit = base > budget ? base - budget : 0;
}

WfVM *wf_vm_new(void) {
    WfVM *vm = calloc(1, sizeof *vm);
    if (!vm) return NULL;
    vm->recursion_limit = WF_DEFAULT_RECURSION_LIMIT;
    wf_vm_set_stack_base(vm);
    wf_gc_init(vm);
    vm->interned = wf_dict_new(vm);
    if (WF_IS_NULL(vm->interned)) goto fail;
    vm->str_builtins = wf_str_intern_cstr(vm, "__builtins__");
    vm->str_name = wf_str_intern_cstr(vm, "__name__");
    if (!vm->str_builtins || !vm->str_name) goto fail;
    vm->empty_tuple = wf_tuple_new(vm, 0);
    vm->empty_str = wf_str_new(vm, "", 0);
    vm->builtins = wf_dict_new(vm);
    vm->modules = wf_dict_new(vm);
    vm->argv = wf_list_new(vm, 0);
    if (WF_IS_NULL(vm->empty_tuple) || WF_IS_NULL(vm->empty_str) || WF_IS_NULL(vm->builtins) ||
        WF_IS_NULL(vm->modules) || WF_IS_NULL(vm->argv))
        goto fail;
    if (wf_exc_init(vm) < 0) goto fail;
    if (wf_builtins_init(vm, vm->builtins) < 0) goto fail;
    WfType *cls_types[] = {&wf_type_staticmethod, &wf_type_classmethod, &wf_type_property, &wf_type_super,
                           &wf_type_set, &wf_type_frozenset};
    for (size_t i = 0; i < sizeof cls_types / sizeof cls_types[0]; i++)
        if (wf_dict_set_cstr(vm, vm->builtins, cls_types[i]->name, WF_OBJ(cls_types[i])) < 0) goto fail;
    WfValue sys = wf_sys_module_new(vm);
    if (WF_IS_NULL(sys)) goto fail;
    int rc = wf_dict_set_cstr(vm, vm->modules, "sys", sys);
    wf_decref(vm, sys);
    if (rc < 0) goto fail;
    WfValue bmod = wf_module_new(vm, "builtins");
    if (WF_IS_NULL(bmod)) goto fail;
    /* The builtins module shares the builtins dict. */
    rc = wf_dict_update(vm, wf_module_dict(bmod), vm->builtins);
    if (rc == 0) rc = wf_dict_set_cstr(vm, vm->modules, "builtins", bmod);
    wf_decref(vm, bmod);
    if (rc < 0) goto fail;
    return vm;
fail:
    wf_vm_free(vm);
    return NULL;
}

void wf_vm_free(WfVM *vm) {
    if (!vm) return;
    wf_err_clear(vm);
    /* As CPython at exit: finalize the cycles that are already garbage
     * while everything is alive; then let __main__ go and collect again,
     * so objects held by its globals (a suspended generator) finalize with
     * those globals and sys still intact. */
    wf_gc_collect(vm);
    wf_err_clear(vm);
    if (WF_IS_OBJ(vm->main_module)) {
        WfObject *key = wf_str_intern_cstr(vm, "__main__");
        if (key && WF_IS_OBJ(vm->modules) && wf_dict_del(vm, vm->modules, WF_OBJ(key)) < 0) wf_err_clear(vm);
        WfValue m = vm->main_module;
        vm->main_module = WF_NULL;
        wf_decref(vm, m);
        wf_gc_collect(vm);
        wf_err_clear(vm);
    }
    /* Program state first: finalizers that run now (a generator's finally
     * block) still find builtins and the shared constants alive. */
    WfValue *roots[] = {&vm->handled, &vm->main_module, &vm->modules, &vm->argv, &vm->repr_active};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        WfValue v = *roots[i];
        *roots[i] = WF_NULL;
        wf_decref(vm, v);
    }
    wf_gc_collect(vm);
    wf_err_clear(vm);
    WfValue *consts[] = {&vm->builtins, &vm->empty_tuple, &vm->empty_str, &vm->memory_error};
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        WfValue v = *consts[i];
        *consts[i] = WF_NULL;
        wf_decref(vm, v);
    }
    wf_gc_collect(vm);
    wf_err_clear(vm);
    /* Interned strings die last: everything above may still name them. */
    WfValue in = vm->interned;
    vm->interned = WF_NULL;
    wf_decref(vm, in);
    wf_gc_collect(vm);
    wf_frames_free(vm);
    wf_mem_release_freelists(vm);
    free(vm);
}

/* ---- printing exceptions ----------------------------------------------------------- */

static void put(WfVM *vm, const char *s) { wf_write_stderr(vm, s, strlen(s)); }

/* CPython collapses a frame summary repeated more than 3 times in a row. */
#define WF_TB_RECURSIVE_CUTOFF 3

static void print_tb(WfVM *vm, WfTraceback *tb) {
    put(vm, "Traceback (most recent call last):\n");
    WfCode *last_code = NULL;
    int last_line = -1, repeats = 0;
    char line[1024], buf[1400];
    for (; tb; tb = tb->next) {
        if (tb->code == last_code && tb->line == last_line) {
            repeats++;
        } else {
            if (repeats > WF_TB_RECURSIVE_CUTOFF) {
                int more = repeats - WF_TB_RECURSIVE_CUTOFF;
                snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", more, more == 1 ? "" : "s");
                put(vm, buf);
            }
            last_code = tb->code;
            last_line = tb->line;
            repeats = 0;
        }
        if (repeats >= WF_TB_RECURSIVE_CUTOFF) continue;
        snprintf(buf, sizeof buf, "  File \"%s\", line %d, in %s\n", ((WfStr *)tb->code->filename)->data, tb->line,
                 ((WfStr *)tb->code->name)->data);
        put(vm, buf);
        if (wf_code_source_line(tb->code, tb->line, line, sizeof line) && line[0]) {
            snprintf(buf, sizeof buf, "    %s\n", line);
            put(vm, buf);
        }
    }
    if (repeats > WF_TB_RECURSIVE_CUTOFF) {
        int more = repeats - WF_TB_RECURSIVE_CUTOFF;
        snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", more, more == 1 ? "" : "s");
        put(vm, buf);
    }
}

static void print_one(WfVM *vm, WfValue exc, int depth) {
    if (!WF_IS_OBJ(exc) || !(exc.u.o->type->flags & WF_TPFLAG_EXC)) {
        WfValue r = wf_repr(vm, exc);
        if (!WF_IS_NULL(r)) {
            put(vm, WF_STR(r)->data);
            put(vm, "\n");
            wf_decref(vm, r);
        }
        wf_err_clear(vm);
        return;
    }
    WfException *e = (WfException *)exc.u.o;
    /* CPython stops following the chain after a fixed depth too; cycles
     * are broken at raise time, so this only bounds pathological chains. */
    if (depth < 100) {
        if (!WF_IS_NULL(e->cause) && !WF_IS_NONE(e->cause)) {
            print_one(vm, e->cause, depth + 1);
            put(vm, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (!WF_IS_NULL(e->context) && !WF_IS_NONE(e->context) && !e->suppress_context) {
            print_one(vm, e->context, depth + 1);
            put(vm, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (e->traceback) print_tb(vm, (WfTraceback *)e->traceback);
    WfValue line = wf_exc_format_only(vm, exc);
    if (WF_IS_NULL(line)) {
        wf_err_clear(vm);
        put(vm, exc.u.o->type->name);
        put(vm, "\n");
        return;
    }
    wf_write_stderr(vm, WF_STR(line)->data, (size_t)WF_STR(line)->len);
    put(vm, "\n");
    wf_decref(vm, line);
}

void wf_print_exception(WfVM *vm, WfValue exc) {
    fflush(stdout);
    print_one(vm, exc, 0);
}

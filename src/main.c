/* main.c: the `weft` program: run a script file, `-c CODE`, or a program
 * read from standard input; exit 0, 1 on an uncaught exception (traceback
 * on stderr), 2 on usage errors, or sys.exit's code. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compile.h"
#include "interp.h"
#include "vm.h"

static const char usage_line[] = "usage: weft [--help] [--version] [-c CODE | FILE | -] [ARG...]\n";

static void usage(FILE *f) {
    fputs(usage_line, f);
}

static void help(void) {
    usage(stdout);
    fputs("\n"
          "Run a program in weft's Python-shaped language.\n"
          "\n"
          "  FILE        run the script FILE; ARGs go to sys.argv[1:]\n"
          "  -c CODE     run CODE given on the command line\n"
          "  -           read the program from standard input (also the default\n"
          "              when no FILE is given)\n"
          "  --help      show this help and exit\n"
          "  --version   print the version and exit\n"
          "\n"
          "Exit status: 0 on success, 1 on an uncaught exception, 2 on a usage\n"
          "error, or the code given to sys.exit().\n",
          stdout);
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n == cap) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* SystemExit at top level: None -> 0, an int -> itself, anything else is
 * printed to stderr and gives 1 (CPython's rules). */
static int system_exit_code(WfVM *vm, WfValue exc) {
    WfException *e = (WfException *)exc.u.o;
    WfValue code = e->value;
    if (WF_IS_NULL(code) || WF_IS_NONE(code)) return 0;
    if (WF_IS_INT(code) || WF_IS_BOOL(code)) return (int)(code.u.i & 0xff);
    WfValue s = wf_to_str(vm, code);
    if (!WF_IS_NULL(s)) {
        fflush(stdout);
        wf_write_stderr(vm, WF_STR(s)->data, (size_t)WF_STR(s)->len);
        wf_write_stderr(vm, "\n", 1);
        wf_decref(vm, s);
    }
    wf_err_clear(vm);
    return 1;
}

static int run_source(WfVM *vm, const char *src, size_t len, const char *filename, uint32_t flags) {
    WfSyntaxError err;
    WfCode *code = wf_compile_source(vm, src, len, filename, WF_PARSE_FILE, flags, &err);
    if (!code) {
        fflush(stdout);
        if (err.set && strcmp(err.kind, "RecursionError") == 0) {
            /* CPython reports it without a location. */
            fprintf(stderr, "%s: %s\n", err.kind, err.msg);
            return 1;
        }
        if (err.set) {
            wf_syntax_error_print(stderr, filename, src, len, &err);
            return 1;
        }
        WfValue exc = wf_err_fetch(vm);
        wf_print_exception(vm, exc);
        wf_decref(vm, exc);
        return 1;
    }
    WfValue mod = wf_module_new(vm, "__main__");
    if (WF_IS_NULL(mod)) {
        wf_obj_decref(vm, &code->ob);
        return 1;
    }
    vm->main_module = mod;
    WfValue globals = wf_module_dict(mod);
    WfValue fn = wf_str_from_cstr(vm, filename);
    wf_dict_set_cstr(vm, globals, "__file__", fn);
    wf_decref(vm, fn);
    wf_dict_set_cstr(vm, globals, "__builtins__", vm->builtins);
    wf_dict_set_cstr(vm, vm->modules, "__main__", mod);
    WfValue r = wf_vm_run_module_code(vm, code, globals);
    wf_obj_decref(vm, &code->ob);
    int status = 0;
    if (WF_IS_NULL(r)) {
        WfValue exc = wf_err_fetch(vm);
        if (wf_isinstance(exc, &wf_exc_SystemExit)) {
            status = system_exit_code(vm, exc);
        } else {
            wf_print_exception(vm, exc);
            status = 1;
        }
        wf_decref(vm, exc);
    } else {
        wf_decref(vm, r);
    }
    if (fflush(stdout) != 0 && status == 0) status = 120;
    return status;
}

int main(int argc, char **argv) {
    const char *code = NULL, *file = NULL;
    bool dash = false;
    int i = 1;
    if (i < argc) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            help();
            return 0;
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("weft %s\n", WEFT_VERSION);
            return 0;
        }
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) {
                fputs("weft: argument expected for the -c option\n", stderr);
                usage(stderr);
                return 2;
            }
            code = argv[i + 1];
            i += 2;
        } else if (strcmp(a, "-") == 0) {
            dash = true;
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "weft: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else {
            file = a;
            i++;
        }
    }
    char *src = NULL;
    size_t len = 0;
    const char *filename;
    uint32_t flags = 0;
    if (code) {
        len = strlen(code);
        src = malloc(len + 1);
        if (!src) return 1;
        memcpy(src, code, len + 1);
        filename = "<string>";
        flags = WF_CO_NO_SOURCE;
    } else if (file) {
        FILE *f = fopen(file, "rb");
        if (!f) {
            fprintf(stderr, "weft: can't open file '%s': [Errno %d] %s\n", file, errno, strerror(errno));
            return 2;
        }
        src = read_all(f, &len);
        fclose(f);
        if (!src) {
            fprintf(stderr, "weft: can't read file '%s'\n", file);
            return 2;
        }
        filename = file;
    } else {
        src = read_all(stdin, &len);
        if (!src) {
            fputs("weft: can't read standard input\n", stderr);
            return 2;
        }
        filename = "<stdin>";
        flags = WF_CO_NO_SOURCE;
    }
    WfVM *vm = wf_vm_new();
    if (!vm) {
        fputs("weft: out of memory at start-up\n", stderr);
        free(src);
        return 1;
    }
    /* sys.argv: the script (or '-c' / '') then the remaining arguments. */
    WfValue a0 = wf_str_from_cstr(vm, code ? "-c" : file ? file : dash ? "-" : "");
    wf_list_append(vm, vm->argv, a0);
    wf_decref(vm, a0);
    for (; i < argc; i++) {
        WfValue s = wf_str_from_cstr(vm, argv[i]);
        wf_list_append(vm, vm->argv, s);
        wf_decref(vm, s);
    }
    int status = run_source(vm, src, len, filename, flags);
    wf_vm_free(vm);
    free(src);
    return status;
}

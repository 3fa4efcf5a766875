/* builtins.h: what builtins.c, iterobjects.c and sysmodule.c offer the
 * rest of weft beyond vm.h (wf_builtins_init, wf_sys_module_new,
 * wf_write_stdout/stderr): the lazy iterator types behind enumerate, zip,
 * map, filter, reversed and iter(f, sentinel), and access to sys's files. */
#ifndef WF_BUILTINS_H
#define WF_BUILTINS_H
#include <stdio.h>
#include "vm.h"

/* iterobjects.c. Calling the first five types is calling the builtin. */
extern WfType wf_type_enumerate, wf_type_zip, wf_type_map, wf_type_filter,
    wf_type_reversed, wf_type_callable_iterator;
/* iter(callable, sentinel). */
WfValue wf_callable_iter_new(WfVM *vm, WfValue callable, WfValue sentinel);
/* reversed(seq): list/range/tuple/str fast paths, __reversed__, then the
 * __len__/__getitem__ protocol. */
WfValue wf_reversed_new(WfVM *vm, WfValue seq);

/* sysmodule.c */
extern WfType wf_type_sysfile;
/* The C stream behind f when f is one of sys's files, else NULL. */
FILE *wf_sysfile_fp(WfValue f);
/* sys.<name> (borrowed), or WF_NULL when sys or the name is missing. */
WfValue wf_sys_get(WfVM *vm, const char *name);
/* fwrite with OSError on failure. */
int wf_sysfile_write_raw(WfVM *vm, FILE *fp, const char *s, size_t n);
/* One line with its '\n' ("" at EOF); at most limit bytes when >= 0. */
WfValue wf_sysfile_readline(WfVM *vm, FILE *fp, int64_t limit);

#endif

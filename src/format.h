/* format.h: string formatting (format.c): the format-spec mini-language
 * behind format(), f-strings and str.format, printf-style `%`, and the
 * str.format / str.format_map methods. wf_format and wf_str_mod are
 * declared in object.h. */
#ifndef WF_FORMAT_H
#define WF_FORMAT_H
#include "vm.h"

/* Appends format(value, spec) to b, spec being UTF-8 text (no str object
 * needed): the f-string and str.format path. false on error. */
bool wf_format_buf(WfVM *vm, WfBuf *b, WfValue value, const char *spec, size_t speclen);

/* str.format(*args, **kwargs) and str.format_map(mapping), as
 * WfMethodDef functions (self is the template). */
WfValue wf_str_format_method(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                             WfObject *kwnames);
WfValue wf_str_format_map_method(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                 WfObject *kwnames);
#endif

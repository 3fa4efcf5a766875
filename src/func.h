/* func.h: function objects (a code object plus globals, defaults and the
 * closure's cells), cells, built-in functions and bound methods. The VM
 * calls weft functions without C recursion (vm.c); this file owns the
 * objects themselves. */
#ifndef WF_FUNC_H
#define WF_FUNC_H
#include "code.h"

typedef struct WfFunction {
    WfObject ob;
    WfCode *code;
    WfValue globals;       /* dict */
    WfValue builtins;      /* dict */
    WfObject *defaults;    /* tuple or NULL */
    WfObject *kwdefaults;  /* dict or NULL */
    WfObject *closure;     /* tuple of cells or NULL */
    WfObject *name, *qualname;   /* str */
    WfObject *dict;        /* function attributes, or NULL */
    WfValue doc;
    WfValue module;        /* __module__ */
} WfFunction;

typedef struct WfCell {
    WfObject ob;
    WfValue value;         /* WF_NULL when empty */
} WfCell;

typedef struct WfNative {
    WfObject ob;
    const WfMethodDef *def;
    WfValue self;          /* WF_NULL for a plain function */
    WfType *owner;         /* set for a method reached through its type
                              (`str.join`): the first argument is self */
} WfNative;

typedef struct WfMethod {
    WfObject ob;
    WfValue func;
    WfValue self;
} WfMethod;

WfValue wf_function_new(WfVM *vm, WfCode *code, WfValue globals);
WfValue wf_cell_new(WfVM *vm, WfValue v);
WfValue wf_method_new(WfVM *vm, WfValue func, WfValue self);
#endif

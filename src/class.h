/* class.h: classes made by class statements (class.c), and the descriptor
 * types they use. */
#ifndef WF_CLASS_H
#define WF_CLASS_H
#include "func.h"

typedef struct WfWrapper {       /* staticmethod, classmethod */
    WfObject ob;
    WfValue func;
} WfWrapper;

typedef struct WfProperty {
    WfObject ob;
    WfValue fget, fset, fdel, doc;
} WfProperty;

extern WfType wf_type_staticmethod, wf_type_classmethod, wf_type_property, wf_type_super;
extern const WfMethodDef wf_build_class_def, wf_object_init_def;

/* type(name, bases, ns): a new heap type. */
WfValue wf_class_new(WfVM *vm, const char *name, WfValue bases, WfValue ns);
/* Looks name up along t's MRO: a borrowed class-dict value, or WF_NULL with
 * *def / *gs set for a built-in base's method or attribute. */
WfValue wf_class_lookup(WfVM *vm, WfType *t, WfObject *name, const WfMethodDef **def, const WfGetSetDef **gs);
WfValue wf_instance_getattr(WfVM *vm, WfValue obj, WfObject *name);
int wf_instance_setattr_plain(WfVM *vm, WfValue obj, WfObject *name, WfValue v);
void wf_heap_type_dealloc(WfVM *vm, WfObject *o);
void wf_heap_type_traverse(WfObject *o, WfVisitFn visit, void *arg);
void wf_heap_type_clear(WfVM *vm, WfObject *o);
/* Runs a class body function with ns as its namespace (interp.c). */
WfValue wf_vm_call_class_body(WfVM *vm, WfFunction *fn, WfValue ns);
#endif

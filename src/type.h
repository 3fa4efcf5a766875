/* type.h: type objects and the generic attribute protocol. Attribute lookup
 * walks the type's bases: static types through their methods and getsets
 * tables, heap types (user classes, a later milestone) through their class
 * dicts in MRO order. */
#ifndef WF_TYPE_H
#define WF_TYPE_H
#include "vm.h"

WfValue wf_generic_getattr(WfVM *vm, WfValue obj, WfObject *name);
int wf_generic_setattr(WfVM *vm, WfValue obj, WfObject *name, WfValue v);
/* Finds name on the type (not the instance): a borrowed WfMethodDef or
 * WfGetSetDef through *def / *gs; false when absent. */
bool wf_type_find(WfType *t, const char *name, const WfMethodDef **def,
                  const WfGetSetDef **gs);
/* An iterator over obj[0], obj[1], ... until IndexError (the old sequence
 * protocol, used by iter() on objects with only __getitem__). */
WfValue wf_seq_iter_new(WfVM *vm, WfValue obj);
/* `<__main__.C object at 0x...>` */
WfValue wf_default_repr(WfVM *vm, WfValue v);
/* Generic dealloc for objects that own no references. */
void wf_dealloc_simple(WfVM *vm, WfObject *o);
#endif

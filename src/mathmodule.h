/* mathmodule.h: the built-in `math` module (mathmodule.c), created by
 * module.c at its first import. */
#ifndef WF_MATHMODULE_H
#define WF_MATHMODULE_H
#include "vm.h"

WfValue wf_math_module_new(WfVM *vm);
#endif

/* timemodule.h: the built-in `time` module (timemodule.c), created by
 * module.c at its first import. */
#ifndef WF_TIMEMODULE_H
#define WF_TIMEMODULE_H
#include "vm.h"

WfValue wf_time_module_new(WfVM *vm);
#endif

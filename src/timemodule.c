/* timemodule.c: the `time` module's clocks and sleep: time() (the wall
 * clock, CLOCK_REALTIME), monotonic() and perf_counter() (CLOCK_MONOTONIC,
 * as CPython on Linux), their _ns forms, and sleep(), which restarts
 * nanosleep after signals so the full delay elapses. */
#include <errno.h>
#include <math.h>
#include <time.h>
#include "floatobj.h"
#include "int.h"
#include "timemodule.h"

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static WfValue clock_float(WfVM *vm, const char *name, size_t nargs, WfObject *kw, clockid_t id) {
    if (wf_args_check(vm, name, nargs, kw, 0, 0) < 0) return WF_NULL;
    struct timespec ts;
    clock_gettime(id, &ts);
    return WF_FLOAT((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}
static WfValue clock_int(WfVM *vm, const char *name, size_t nargs, WfObject *kw, clockid_t id) {
    if (wf_args_check(vm, name, nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT(clock_ns(id));
}

static WfValue t_time(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_float(vm, "time", nargs, kw, CLOCK_REALTIME);
}
static WfValue t_time_ns(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_int(vm, "time_ns", nargs, kw, CLOCK_REALTIME);
}
static WfValue t_monotonic(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_float(vm, "monotonic", nargs, kw, CLOCK_MONOTONIC);
}
static WfValue t_monotonic_ns(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_int(vm, "monotonic_ns", nargs, kw, CLOCK_MONOTONIC);
}
static WfValue t_perf_counter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_float(vm, "perf_counter", nargs, kw, CLOCK_MONOTONIC);
}
static WfValue t_perf_counter_ns(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_int(vm, "perf_counter_ns", nargs, kw, CLOCK_MONOTONIC);
}
static WfValue t_process_time(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return clock_float(vm, "process_time", nargs, kw, CLOCK_PROCESS_CPUTIME_ID);
}

static WfValue t_sleep(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "sleep", nargs, kw, 1, 1) < 0) return WF_NULL;
    double secs;
    int rc = wf_float_as_double(vm, args[0], &secs);
    if (rc < 0) return WF_NULL;
    if (rc > 0)
        return wf_err_format(vm, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             wf_type_name(args[0]));
    if (isnan(secs)) return wf_err_format(vm, &wf_exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return wf_err_format(vm, &wf_exc_ValueError, "sleep length must be non-negative");
    if (secs > 9.2e9) return wf_err_format(vm, &wf_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    fflush(stdout);
    struct timespec req;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec >= 1000000000) {
        req.tv_sec++;
        req.tv_nsec -= 1000000000;
    }
    while (nanosleep(&req, &req) < 0 && errno == EINTR) {
    }
    return WF_NONE;
}

static const WfMethodDef time_functions[] = {
    {"time", t_time, "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", t_monotonic, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", t_perf_counter, "Performance counter for benchmarking."},
    {"perf_counter_ns", t_perf_counter_ns, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", t_process_time, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"sleep", t_sleep, "Delay execution for a given number of seconds."},
    {NULL, NULL, NULL}};

WfValue wf_time_module_new(WfVM *vm) {
    WfValue m = wf_module_new(vm, "time");
    if (WF_IS_NULL(m)) return m;
    if (wf_module_add_functions(vm, m, time_functions) < 0) {
        wf_decref(vm, m);
        return WF_NULL;
    }
    return m;
}

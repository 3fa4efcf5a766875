/* buf.c: WfBuf, the growable byte buffer every repr, join and formatter
 * builds its text in. Growth is geometric; an allocation failure sets
 * MemoryError once and makes every later append a no-op returning false,
 * so callers can append a run of pieces and check only at the end. */
#include <stdarg.h>
#include <string.h>
#include "vm.h"

void wf_buf_init(WfBuf *b) { memset(b, 0, sizeof *b); }

void wf_buf_free(WfVM *vm, WfBuf *b) {
    wf_mem_free(vm, b->data);
    wf_buf_init(b);
}

static bool reserve(WfVM *vm, WfBuf *b, size_t extra) {
    if (b->failed) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)1 << 62)) {
            b->failed = true;
            wf_err_no_memory(vm);
            return false;
        }
        cap *= 2;
    }
    char *p = wf_mem_realloc(vm, b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool wf_buf_append(WfVM *vm, WfBuf *b, const char *s, size_t n) {
    if (!reserve(vm, b, n)) return false;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

bool wf_buf_puts(WfVM *vm, WfBuf *b, const char *s) {
    return wf_buf_append(vm, b, s, strlen(s));
}

bool wf_buf_putc(WfVM *vm, WfBuf *b, char c) {
    if (!reserve(vm, b, 1)) return false;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return true;
}

bool wf_buf_printf(WfVM *vm, WfBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return false;
    if ((size_t)n < sizeof tmp) return wf_buf_append(vm, b, tmp, (size_t)n);
    if (!reserve(vm, b, (size_t)n)) return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

static bool append_strobj(WfVM *vm, WfBuf *b, WfValue s) {
    if (WF_IS_NULL(s)) {
        b->failed = true;
        return false;
    }
    bool ok = wf_buf_append(vm, b, WF_STR(s)->data, (size_t)WF_STR(s)->len);
    wf_decref(vm, s);
    return ok;
}

bool wf_buf_append_str(WfVM *vm, WfBuf *b, WfValue v) {
    if (b->failed) return false;
    if (wf_is_exact_str(v))
        return wf_buf_append(vm, b, WF_STR(v)->data, (size_t)WF_STR(v)->len);
    return append_strobj(vm, b, wf_to_str(vm, v));
}

bool wf_buf_append_repr(WfVM *vm, WfBuf *b, WfValue v) {
    if (b->failed) return false;
    return append_strobj(vm, b, wf_repr(vm, v));
}

WfValue wf_buf_finish(WfVM *vm, WfBuf *b) {
    if (b->failed) {
        wf_buf_free(vm, b);
        return WF_NULL;
    }
    WfValue s = wf_str_new(vm, b->data ? b->data : "", b->len);
    wf_buf_free(vm, b);
    return s;
}

/* str.h: str extras beyond object.h (str.c): building strings without an
 * extra copy, the one-code-point cache, joins for the VM's BUILD_STRING,
 * reprs, and the Unicode character classes int()/float()/format() share.
 * Invariant: a WfStr's bytes are valid UTF-8 and immutable once it escapes
 * the function that built it; ncp and ascii always describe them. */
#ifndef WF_STR_H
#define WF_STR_H
#include "vm.h"

extern WfType wf_type_str_iter, wf_type_str_ascii_iter;

/* A new str with room for len bytes (NUL added), contents unset. Fill
 * data[0..len) and call wf_str_seal before it escapes. NULL on
 * MemoryError. */
WfStr *wf_str_raw(WfVM *vm, size_t len);
/* Computes ncp and the ascii flag of a str from wf_str_raw (ncp < 0: count
 * them; else trusted, ascii = ncp == len) and returns it as a value. */
WfValue wf_str_seal(WfStr *s, int64_t ncp);
/* A str of bytes known to be ASCII (no scan). */
WfValue wf_str_from_ascii(WfVM *vm, const char *s, size_t len);
/* The one-code-point str for cp (ASCII ones are shared static objects, so
 * iterating or indexing ASCII text allocates nothing). */
WfValue wf_str_from_char(WfVM *vm, uint32_t cp);
/* Concatenation of n values that are all str (BUILD_STRING, f-strings);
 * one allocation. */
WfValue wf_str_join_array(WfVM *vm, const WfValue *items, size_t n);
/* sep.join(iterable). */
WfValue wf_str_join(WfVM *vm, WfValue sep, WfValue iterable);
/* repr of str text; ascii_only escapes every non-ASCII code point
 * (ascii(), %a, !a). Appends to b. */
bool wf_str_buf_repr(WfVM *vm, WfBuf *b, const char *s, size_t len, bool ascii_only);
/* ascii(v): repr(v) with non-ASCII code points escaped. */
WfValue wf_ascii(WfVM *vm, WfValue v);
/* Code point index -> byte offset (0 <= i <= ncp). */
int64_t wf_str_cp_offset(const WfStr *s, int64_t i);

/* UTF-8 helpers (input is valid UTF-8). */
static inline uint32_t wf_utf8_decode(const unsigned char *p, int *n) {
    unsigned c = p[0];
    if (c < 0x80) { *n = 1; return c; }
    if (c < 0xE0) { *n = 2; return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu); }
    if (c < 0xF0) {
        *n = 3;
        return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    *n = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
           (p[3] & 0x3Fu);
}
int wf_utf8_encode(uint32_t cp, char *out);   /* 1..4 bytes written */

/* Unicode classes as CPython's str methods define them. */
/* str.isidentifier(): Unicode XID_Start then XID_Continue. */
bool wf_str_is_identifier(const WfStr *s);
bool wf_uni_isspace(uint32_t cp);
bool wf_uni_isprintable(uint32_t cp);
int wf_uni_decimal(uint32_t cp);              /* value of an Nd digit, -1 */
#endif

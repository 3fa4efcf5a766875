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
WfValue wf_str_seal_scan(WfStr *s);
static inline WfValue wf_str_seal(WfStr *s, int64_t ncp) {
    if (ncp < 0) return wf_str_seal_scan(s);
    s->ncp = ncp;
    s->ascii = ncp == s->len;
    return WF_OBJ(s);
}
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

/* memcpy for the few bytes string pieces usually are: a libc call (and
 * its PLT jump) per piece cost more than the copy (measured: 6% of the
 * strings benchmark). dst and src do not overlap. */
static inline void wf_copy_bytes(char *dst, const char *src, size_t n) {
    if (n <= 16) {
        if (n >= 8) {
            uint64_t a, b;
            __builtin_memcpy(&a, src, 8);
            __builtin_memcpy(&b, src + n - 8, 8);
            __builtin_memcpy(dst, &a, 8);
            __builtin_memcpy(dst + n - 8, &b, 8);
        } else if (n >= 4) {
            uint32_t a, b;
            __builtin_memcpy(&a, src, 4);
            __builtin_memcpy(&b, src + n - 4, 4);
            __builtin_memcpy(dst, &a, 4);
            __builtin_memcpy(dst + n - 4, &b, 4);
        } else if (n) {
            /* 1..3 bytes: first, middle, last. */
            dst[0] = src[0];
            dst[n / 2] = src[n / 2];
            dst[n - 1] = src[n - 1];
        }
        return;
    }
    __builtin_memcpy(dst, src, n);
}

/* memcmp(a, b, n) == 0 without a call for short n. */
static inline bool wf_bytes_equal(const char *a, const char *b, size_t n) {
    if (n <= 8) {
        if (n >= 4) {
            uint32_t x1, x2, y1, y2;
            __builtin_memcpy(&x1, a, 4);
            __builtin_memcpy(&y1, b, 4);
            __builtin_memcpy(&x2, a + n - 4, 4);
            __builtin_memcpy(&y2, b + n - 4, 4);
            return ((x1 ^ y1) | (x2 ^ y2)) == 0;
        }
        for (size_t i = 0; i < n; i++)
            if (a[i] != b[i]) return false;
        return true;
    }
    return __builtin_memcmp(a, b, n) == 0;
}

/* memchr, with short texts scanned inline: most are a few dozen bytes,
 * where the call cost more than the scan. */
static inline const char *wf_find_byte(const char *h, char c, size_t hn) {
    if (hn <= 64) {
        size_t i = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* Eight bytes a step: the lowest byte the zero-byte test flags is
         * always a true match (false flags only come after one). */
        const uint64_t ones = 0x0101010101010101ull, pat = ones * (unsigned char)c;
        for (; i + 8 <= hn; i += 8) {
            uint64_t w;
            __builtin_memcpy(&w, h + i, 8);
            w ^= pat;
            uint64_t t = (w - ones) & ~w & (ones << 7);
            if (t) return h + i + (__builtin_ctzll(t) >> 3);
        }
#endif
        for (; i < hn; i++)
            if (h[i] == c) return h + i;
        return NULL;
    }
    return __builtin_memchr(h, c, hn);
}

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

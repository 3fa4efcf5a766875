/* str.c: the str type (immutable UTF-8 WfStr), its iterator, interning and
 * the str methods. Invariants: data is valid UTF-8 and NUL-terminated; ncp
 * and ascii describe it (ascii strings index in O(1)); the empty string and
 * the 128 one-character ASCII strings are static immortal objects, so
 * slicing, indexing and iterating ASCII text allocate nothing for them.
 * Interned strings live in vm->interned (str -> same str) until the VM dies.
 * Called by everyone; str.format and % live in format.c. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>
#include "format.h"
#include "int.h"
#include "list.h"
#include "range.h"
#include "str.h"
#include "tuple.h"

/* ---- static strings -------------------------------------------------------- */

/* Same layout as WfStr with room for one byte and the NUL. */
typedef struct StaticStr {
    WfObject ob;
    int64_t len, ncp, hash;
    uint8_t ascii, interned;
    char data[2];
} StaticStr;
_Static_assert(offsetof(StaticStr, data) == offsetof(WfStr, data), "StaticStr layout");

static StaticStr ascii_chars[128];
static StaticStr empty_str;

static int64_t hash_bytes(const char *s, size_t n) {
    int64_t h = (int64_t)XXH3_64bits(s, n);
    return h == -1 ? -2 : h;
}

/* Runs before main, so the table is read-only by the time any VM (or
 * thread) exists. */
__attribute__((constructor)) static void init_static_strs(void) {
    for (int c = 0; c < 128; c++) {
        StaticStr *s = &ascii_chars[c];
        s->ob.refcnt = WF_IMMORTAL;
        s->ob.type = &wf_type_str;
        s->len = s->ncp = 1;
        s->ascii = s->interned = 1;
        s->data[0] = (char)c;
        s->data[1] = 0;
        s->hash = hash_bytes(s->data, 1);
    }
    empty_str.ob.refcnt = WF_IMMORTAL;
    empty_str.ob.type = &wf_type_str;
    empty_str.ascii = empty_str.interned = 1;
    empty_str.hash = hash_bytes("", 0);
}

#define CHAR_STR(c) WF_OBJ(&ascii_chars[(unsigned char)(c)])
#define EMPTY_STR WF_OBJ(&empty_str)

/* ---- UTF-8 and character classes ------------------------------------------ */

int wf_utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static const uint8_t ascii_space[128] = {
    [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1,
    [28] = 1, [29] = 1, [30] = 1, [31] = 1, [32] = 1};

/* CPython's str.isspace: bidi class WS, B or S, or category Zs. */
bool wf_uni_isspace(uint32_t c) {
    if (c < 128) return ascii_space[c];
    switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

static int category(uint32_t c) { return (int)utf8proc_category((utf8proc_int32_t)c); }

/* CPython's str.isprintable: not Cc Cf Cs Co Cn Zl Zp Zs, except space. */
bool wf_uni_isprintable(uint32_t c) {
    if (c < 128) return c >= 0x20 && c < 0x7F;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    switch (category(c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

/* Decimal digits come in runs of complete 0..9 sets, so the value is the
 * distance from the start of the run, modulo 10. */
int wf_uni_decimal(uint32_t c) {
    if (c < 128) return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
    if (category(c) != UTF8PROC_CATEGORY_ND) return -1;
    uint32_t start = c;
    while (start > 0 && c - start < 60 && category(start - 1) == UTF8PROC_CATEGORY_ND) start--;
    return (int)((c - start) % 10);
}

static bool uni_isdigit(uint32_t c) {
    if (c < 128) return c >= '0' && c <= '9';
    if (category(c) == UTF8PROC_CATEGORY_ND) return true;
    /* Numeric_Type=Digit outside Nd: superscripts, subscripts, circled and
     * dingbat digits, Ethiopic digits. */
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 &&
           c != 0x2072 && c != 0x2073) || (c >= 0x2080 && c <= 0x2089) ||
           (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
           (c >= 0x2488 && c <= 0x2490) || c == 0x24EA || (c >= 0x24F5 && c <= 0x24FD) ||
           c == 0x24FF || (c >= 0x2776 && c <= 0x277E) || (c >= 0x2780 && c <= 0x2788) ||
           (c >= 0x278A && c <= 0x2792) || (c >= 0x1369 && c <= 0x1371);
}

static bool uni_isnumeric(uint32_t c) {
    if (c < 128) return c >= '0' && c <= '9';
    int k = category(c);
    if (k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_NL || k == UTF8PROC_CATEGORY_NO)
        return true;
    /* CJK ideographs with a numeric value. */
    switch (c) {
    case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x767E:
    case 0x5343: case 0x4E07: case 0x5104: case 0x5146: case 0x96F6: case 0x58F9:
    case 0x8CB3: case 0x53C3: case 0x8086: case 0x4F0D: case 0x9678: case 0x67D2:
    case 0x634C: case 0x7396: case 0x62FE: case 0x4F70: case 0x4EDF:
        return true;
    default:
        return false;
    }
}

static bool uni_isalpha(uint32_t c) {
    if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    int k = category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static bool uni_islower(uint32_t c) {
    if (c < 128) return c >= 'a' && c <= 'z';
    return category(c) == UTF8PROC_CATEGORY_LL ||
           (category(c) != UTF8PROC_CATEGORY_LU && utf8proc_islower((utf8proc_int32_t)c));
}
static bool uni_isupper(uint32_t c) {
    if (c < 128) return c >= 'A' && c <= 'Z';
    return category(c) == UTF8PROC_CATEGORY_LU ||
           (category(c) != UTF8PROC_CATEGORY_LL && utf8proc_isupper((utf8proc_int32_t)c));
}
static bool uni_istitle(uint32_t c) { return c >= 128 && category(c) == UTF8PROC_CATEGORY_LT; }
static bool uni_iscased(uint32_t c) { return uni_islower(c) || uni_isupper(c) || uni_istitle(c); }

/* Characters the final-sigma rule skips over (Case_Ignorable, roughly). */
static bool uni_case_ignorable(uint32_t c) {
    if (c < 128) return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    switch (category(c)) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_SK:
        return true;
    default:
        return c == 0xAD || c == 0xB7 || c == 0x2019;
    }
}

static bool uni_xid_start(uint32_t c) {
    if (c < 128) return c == '_' || uni_isalpha(c);
    int k = category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           k == UTF8PROC_CATEGORY_NL;
}
static bool uni_xid_continue(uint32_t c) {
    if (c < 128) return c == '_' || uni_isalpha(c) || (c >= '0' && c <= '9');
    if (uni_xid_start(c)) return true;
    int k = category(c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
           k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_PC;
}

/* ---- construction ---------------------------------------------------------- */

WfStr *wf_str_raw(WfVM *vm, size_t len) {
    /* Not zeroed: the text is about to be written, and clearing it first
     * was 2% of the strings benchmark. */
    WfStr *s = (WfStr *)wf_obj_alloc_uninit(vm, &wf_type_str, offsetof(WfStr, data) + len + 1);
    if (!s) return NULL;
    s->len = (int64_t)len;
    s->ncp = 0;
    s->hash = -1;
    s->ascii = 0;
    s->interned = 0;
    s->data[len] = 0;
    return s;
}

static bool bytes_ascii(const char *p, size_t n) {
    size_t i = 0;
    uint64_t acc = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        acc |= w;
    }
    for (; i < n; i++) acc |= (unsigned char)p[i];
    return (acc & 0x8080808080808080ull) == 0;
}

static int64_t count_cps(const char *p, size_t n) {
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)p[i] & 0xC0) != 0x80;
    return k;
}

WfValue wf_str_seal_scan(WfStr *s) {
    if (bytes_ascii(s->data, (size_t)s->len)) {
        s->ncp = s->len;
        s->ascii = 1;
    } else {
        s->ncp = count_cps(s->data, (size_t)s->len);
        s->ascii = 0;
    }
    return WF_OBJ(s);
}

WfValue wf_str_new(WfVM *vm, const char *utf8, size_t len) {
    if (len <= 1) {
        if (len == 0) return EMPTY_STR;
        if ((unsigned char)utf8[0] < 0x80) return CHAR_STR(utf8[0]);
    }
    WfStr *s = wf_str_raw(vm, len);
    if (!s) return WF_NULL;
    wf_copy_bytes(s->data, utf8, len);
    return wf_str_seal(s, -1);
}

WfValue wf_str_from_ascii(WfVM *vm, const char *p, size_t len) {
    if (len <= 1) return len ? CHAR_STR(p[0]) : EMPTY_STR;
    WfStr *s = wf_str_raw(vm, len);
    if (!s) return WF_NULL;
    wf_copy_bytes(s->data, p, len);
    return wf_str_seal(s, (int64_t)len);
}

/* A substring known to be ncp code points long. */
static WfValue substr(WfVM *vm, const char *p, size_t len, int64_t ncp) {
    if (len <= 1) return len ? CHAR_STR(p[0]) : EMPTY_STR;
    WfStr *s = wf_str_raw(vm, len);
    if (!s) return WF_NULL;
    wf_copy_bytes(s->data, p, len);
    return wf_str_seal(s, ncp);
}

/* A substring of parent: ASCII parents make the count free. */
static WfValue subs(WfVM *vm, const WfStr *parent, const char *p, size_t len) {
    if (parent->ascii) return substr(vm, p, len, (int64_t)len);
    return wf_str_new(vm, p, len);
}

WfValue wf_str_from_cstr(WfVM *vm, const char *s) { return wf_str_new(vm, s, strlen(s)); }

WfValue wf_str_printf(WfVM *vm, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return wf_err_format(vm, &wf_exc_SystemError, "bad format string");
    if ((size_t)n < sizeof tmp) return wf_str_new(vm, tmp, (size_t)n);
    WfStr *s = wf_str_raw(vm, (size_t)n);
    if (!s) return WF_NULL;
    va_start(ap, fmt);
    vsnprintf(s->data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return wf_str_seal(s, -1);
}

WfValue wf_str_from_char(WfVM *vm, uint32_t cp) {
    if (cp < 128) return CHAR_STR(cp);
    char buf[4];
    int n = wf_utf8_encode(cp, buf);
    WfStr *s = wf_str_raw(vm, (size_t)n);
    if (!s) return WF_NULL;
    memcpy(s->data, buf, (size_t)n);
    return wf_str_seal(s, 1);
}

WfObject *wf_str_intern(WfVM *vm, const char *s, size_t len) {
    if (len == 0) return &empty_str.ob;
    if (len == 1 && (unsigned char)s[0] < 0x80) return &ascii_chars[(unsigned char)s[0]].ob;
    if (WF_IS_NULL(vm->interned)) {
        vm->interned = wf_dict_new(vm);
        if (WF_IS_NULL(vm->interned)) return NULL;
    }
    /* Look up with a key on the stack, so finding an existing name (the
     * common case: wf_getattr_cstr) allocates nothing. */
    _Alignas(WfStr) char raw[offsetof(WfStr, data) + 200];
    WfValue key;
    if (len < sizeof raw - offsetof(WfStr, data)) {
        WfStr *k = (WfStr *)raw;
        k->ob.refcnt = WF_IMMORTAL;
        k->ob.type = &wf_type_str;
        k->len = (int64_t)len;
        k->hash = -1;
        k->interned = 0;
        memcpy(k->data, s, len);
        k->data[len] = 0;
        wf_str_seal(k, -1);
        key = WF_OBJ(k);
        WfValue found = wf_dict_get(vm, vm->interned, key);
        if (!WF_IS_NULL(found)) return found.u.o;
        if (wf_err_occurred(vm)) return NULL;
        key = WF_NULL;
    } else {
        key = wf_str_new(vm, s, len);
        if (WF_IS_NULL(key)) return NULL;
        WfValue found = wf_dict_get(vm, vm->interned, key);
        if (!WF_IS_NULL(found)) {
            wf_decref(vm, key);
            return found.u.o;
        }
        if (wf_err_occurred(vm)) {
            wf_decref(vm, key);
            return NULL;
        }
    }
    if (WF_IS_NULL(key)) {
        key = wf_str_new(vm, s, len);
        if (WF_IS_NULL(key)) return NULL;
    }
    WF_STR(key)->interned = 1;
    int rc = wf_dict_set(vm, vm->interned, key, key);
    wf_decref(vm, key);   /* the table's references keep it alive */
    return rc < 0 ? NULL : key.u.o;
}

WfObject *wf_str_intern_cstr(WfVM *vm, const char *s) { return wf_str_intern(vm, s, strlen(s)); }

bool wf_str_equal(const WfStr *a, const WfStr *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return wf_bytes_equal(a->data, b->data, (size_t)a->len);
}

int64_t wf_str_hash(WfStr *s) {
    if (s->hash == -1) s->hash = hash_bytes(s->data, (size_t)s->len);
    return s->hash;
}

WfValue wf_str_concat(WfVM *vm, WfValue a, WfValue b) {
    WfStr *x = WF_STR(a), *y = WF_STR(b);
    if (y->len == 0 && wf_is_exact_str(a)) return wf_ref(a);
    if (x->len == 0 && wf_is_exact_str(b)) return wf_ref(b);
    size_t n = (size_t)x->len + (size_t)y->len;
    WfStr *s = wf_str_raw(vm, n);
    if (!s) return WF_NULL;
    wf_copy_bytes(s->data, x->data, (size_t)x->len);
    wf_copy_bytes(s->data + x->len, y->data, (size_t)y->len);
    return wf_str_seal(s, x->ncp + y->ncp);
}

WfValue wf_str_join_array(WfVM *vm, const WfValue *items, size_t n) {
    if (n == 0) return EMPTY_STR;
    if (n == 1 && wf_is_exact_str(items[0])) return wf_ref(items[0]);
    size_t len = 0;
    int64_t ncp = 0;
    for (size_t i = 0; i < n; i++) {
        len += (size_t)WF_STR(items[i])->len;
        ncp += WF_STR(items[i])->ncp;
    }
    WfStr *s = wf_str_raw(vm, len);
    if (!s) return WF_NULL;
    char *p = s->data;
    for (size_t i = 0; i < n; i++) {
        wf_copy_bytes(p, WF_STR(items[i])->data, (size_t)WF_STR(items[i])->len);
        p += WF_STR(items[i])->len;
    }
    return wf_str_seal(s, ncp);
}

/* ---- indexing helpers ------------------------------------------------------ */

int64_t wf_str_cp_offset(const WfStr *s, int64_t i) {
    if (s->ascii) return i;
    if (i >= s->ncp) return s->len;
    const unsigned char *p = (const unsigned char *)s->data;
    if (i > s->ncp / 2) {
        /* Nearer the end: walk back from there. */
        int64_t off = s->len, k = s->ncp;
        while (k > i) {
            off--;
            while ((p[off] & 0xC0) == 0x80) off--;
            k--;
        }
        return off;
    }
    int64_t off = 0;
    while (i > 0) {
        off++;
        while ((p[off] & 0xC0) == 0x80) off++;
        i--;
    }
    return off;
}

/* Byte offset -> code point index. */
static int64_t cp_index(const WfStr *s, int64_t off) {
    return s->ascii ? off : count_cps(s->data, (size_t)off);
}

/* A start/end argument of find, count, startswith...: None or absent
 * leaves *out alone; big ints clamp, as CPython's _PyEval_SliceIndex. */
static int slice_arg(WfVM *vm, WfValue v, int64_t *out) {
    if (WF_IS_NULL(v) || WF_IS_NONE(v)) return 0;
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) {
        *out = v.u.i;
        return 0;
    }
    if (wf_is_int(v)) {
        *out = wf_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
        return 0;
    }
    if (wf_type_of(v)->index) return wf_index(vm, v, NULL, out);
    wf_err_format(vm, &wf_exc_TypeError,
                  "slice indices must be integers or None or have an __index__ method");
    return -1;
}

/* Normalises [start, end) over ncp code points like CPython's
 * ADJUST_INDICES. */
static void adjust(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

static const char *find_bytes(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    if (nn == 1) return wf_find_byte(h, n[0], hn);
    if (nn > 16) return memmem(h, hn, n, nn);
    /* Short needles: memchr to each candidate beats memmem's set-up on
     * the short texts programs mostly search. */
    const char *last = h + (hn - nn);
    while (h <= last) {
        const char *p = wf_find_byte(h, n[0], (size_t)(last - h) + 1);
        if (!p) return NULL;
        if (wf_bytes_equal(p + 1, n + 1, nn - 1)) return p;
        h = p + 1;
    }
    return NULL;
}

static const char *rfind_bytes(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return h + hn;
    if (nn > hn) return NULL;
    if (nn == 1) return memrchr(h, n[0], hn);
    size_t lim = hn - nn + 1;   /* candidate starts are [0, lim) */
    while (lim > 0) {
        const char *p = memrchr(h, n[0], lim);
        if (!p) return NULL;
        if (memcmp(p, n, nn) == 0) return p;
        lim = (size_t)(p - h);
    }
    return NULL;
}

/* ---- repr ------------------------------------------------------------------- */

static const char hexdig[] = "0123456789abcdef";

bool wf_str_buf_repr(WfVM *vm, WfBuf *b, const char *s, size_t len, bool ascii_only) {
    bool sq = memchr(s, '\'', len) != NULL, dq = memchr(s, '"', len) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    wf_buf_putc(vm, b, quote);
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x7F && *p != '\\' && *p != (unsigned char)quote) p++;
        if (p > run) wf_buf_append(vm, b, (const char *)run, (size_t)(p - run));
        if (p >= end) break;
        unsigned c = *p;
        char esc[12];
        if (c < 0x80) {
            p++;
            switch (c) {
            case '\\': wf_buf_append(vm, b, "\\\\", 2); break;
            case '\n': wf_buf_append(vm, b, "\\n", 2); break;
            case '\r': wf_buf_append(vm, b, "\\r", 2); break;
            case '\t': wf_buf_append(vm, b, "\\t", 2); break;
            default:
                if (c == (unsigned char)quote) {
                    esc[0] = '\\';
                    esc[1] = (char)c;
                    wf_buf_append(vm, b, esc, 2);
                } else {
                    esc[0] = '\\', esc[1] = 'x', esc[2] = hexdig[c >> 4], esc[3] = hexdig[c & 15];
                    wf_buf_append(vm, b, esc, 4);
                }
            }
            continue;
        }
        int n;
        uint32_t cp = wf_utf8_decode(p, &n);
        if (!ascii_only && wf_uni_isprintable(cp)) {
            wf_buf_append(vm, b, (const char *)p, (size_t)n);
        } else if (cp < 0x100) {
            esc[0] = '\\', esc[1] = 'x', esc[2] = hexdig[cp >> 4], esc[3] = hexdig[cp & 15];
            wf_buf_append(vm, b, esc, 4);
        } else if (cp < 0x10000) {
            esc[0] = '\\', esc[1] = 'u';
            for (int i = 0; i < 4; i++) esc[2 + i] = hexdig[(cp >> (12 - 4 * i)) & 15];
            wf_buf_append(vm, b, esc, 6);
        } else {
            esc[0] = '\\', esc[1] = 'U';
            for (int i = 0; i < 8; i++) esc[2 + i] = hexdig[(cp >> (28 - 4 * i)) & 15];
            wf_buf_append(vm, b, esc, 10);
        }
        p += n;
    }
    return wf_buf_putc(vm, b, quote);
}

static WfValue str_repr(WfVM *vm, WfValue v) {
    WfStr *s = WF_STR(v);
    if (s->ascii) {
        /* Fast path: nothing to escape, one allocation. */
        bool plain = true, sq = false, dq = false;
        for (int64_t i = 0; i < s->len; i++) {
            unsigned char c = (unsigned char)s->data[i];
            if (c < 0x20 || c == 0x7F || c == '\\') {
                plain = false;
                break;
            }
            sq |= c == '\'';
            dq |= c == '"';
        }
        if (plain && !(sq && dq)) {
            WfStr *r = wf_str_raw(vm, (size_t)s->len + 2);
            if (!r) return WF_NULL;
            char q = sq ? '"' : '\'';
            r->data[0] = q;
            memcpy(r->data + 1, s->data, (size_t)s->len);
            r->data[s->len + 1] = q;
            return wf_str_seal(r, s->len + 2);
        }
    }
    WfBuf b;
    wf_buf_init(&b);
    wf_str_buf_repr(vm, &b, s->data, (size_t)s->len, false);
    return wf_buf_finish(vm, &b);
}

WfValue wf_ascii(WfVM *vm, WfValue v) {
    WfValue r = wf_repr(vm, v);
    if (WF_IS_NULL(r) || WF_STR(r)->ascii) return r;
    /* Escape the non-ASCII code points of the repr (CPython's ascii()). */
    WfBuf b;
    wf_buf_init(&b);
    const unsigned char *p = (const unsigned char *)WF_STR(r)->data, *end = p + WF_STR(r)->len;
    while (p < end) {
        if (*p < 0x80) {
            wf_buf_putc(vm, &b, (char)*p++);
            continue;
        }
        int n;
        uint32_t cp = wf_utf8_decode(p, &n);
        p += n;
        if (cp < 0x100) wf_buf_printf(vm, &b, "\\x%02x", cp);
        else if (cp < 0x10000) wf_buf_printf(vm, &b, "\\u%04x", cp);
        else wf_buf_printf(vm, &b, "\\U%08x", cp);
    }
    wf_decref(vm, r);
    return wf_buf_finish(vm, &b);
}

/* ---- slots -------------------------------------------------------------------- */

/* wf_obj_dealloc frees exact strs itself, without calling this: a str
 * must never need more than wf_obj_free. */
static void str_dealloc(WfVM *vm, WfObject *o) { wf_obj_free(vm, o); }

static WfValue str_str(WfVM *vm, WfValue v) {
    if (wf_is_exact_str(v)) return wf_ref(v);
    return wf_str_new(vm, WF_STR(v)->data, (size_t)WF_STR(v)->len);
}

static int str_hash(WfVM *vm, WfValue v, int64_t *out) {
    *out = wf_str_hash(WF_STR(v));
    return 0;
}

static WfValue str_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!wf_is_str(a) || !wf_is_str(b)) return WF_NOTIMPL;
    WfStr *x = WF_STR(a), *y = WF_STR(b);
    if (op == WF_CMP_EQ) return WF_BOOL(wf_str_equal(x, y));
    if (op == WF_CMP_NE) return WF_BOOL(!wf_str_equal(x, y));
    /* UTF-8 byte order is code point order. */
    int64_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, (size_t)m);
    if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    switch (op) {
    case WF_CMP_LT: return WF_BOOL(c < 0);
    case WF_CMP_LE: return WF_BOOL(c <= 0);
    case WF_CMP_GT: return WF_BOOL(c > 0);
    default: return WF_BOOL(c >= 0);
    }
}

static int64_t str_len(WfVM *vm, WfValue v) { return WF_STR(v)->ncp; }
static int str_truth(WfVM *vm, WfValue v) { return WF_STR(v)->len != 0; }

static WfValue char_at(WfVM *vm, WfStr *s, int64_t i) {
    if (s->ascii) return CHAR_STR(s->data[i]);
    int64_t off = wf_str_cp_offset(s, i);
    int n;
    uint32_t cp = wf_utf8_decode((const unsigned char *)s->data + off, &n);
    return wf_str_from_char(vm, cp);
}

/* A slice bound counted from the end when negative, clamped to
 * [0, len]. */
static inline int64_t clamp_index(int64_t i, int64_t len) {
    if (i < 0) {
        i += len;
        return i < 0 ? 0 : i;
    }
    return i > len ? len : i;
}

static WfValue str_getitem(WfVM *vm, WfValue v, WfValue key) {
    WfStr *s = WF_STR(v);
    if (key.tag == WF_TAG_INT) {
        int64_t i = key.u.i;
        if (i < 0) i += s->ncp;
        if (i < 0 || i >= s->ncp)
            return wf_err_format(vm, &wf_exc_IndexError, "string index out of range");
        return char_at(vm, s, i);
    }
    if (wf_is_slice(key)) {
        int64_t start, stop, step, n;
        WfSlice *sl = (WfSlice *)key.u.o;
        if (WF_IS_NONE(sl->step) && (sl->start.tag == WF_TAG_INT || WF_IS_NONE(sl->start)) &&
            (sl->stop.tag == WF_TAG_INT || WF_IS_NONE(sl->stop))) {
            /* s[a:b] with small ints: PySlice_AdjustIndices for step 1
             * without the general unpacking. */
            start = WF_IS_NONE(sl->start) ? 0 : clamp_index(sl->start.u.i, s->ncp);
            stop = WF_IS_NONE(sl->stop) ? s->ncp : clamp_index(sl->stop.u.i, s->ncp);
            step = 1;
            n = stop > start ? stop - start : 0;
        } else {
            if (wf_slice_unpack(vm, key, &start, &stop, &step) < 0) return WF_NULL;
            n = wf_slice_adjust(s->ncp, &start, &stop, step);
        }
        if (n <= 0) return EMPTY_STR;
        if (step == 1) {
            if (n == s->ncp && wf_is_exact_str(v)) return wf_ref(v);
            if (s->ascii) return substr(vm, s->data + start, (size_t)n, n);
            int64_t b0 = wf_str_cp_offset(s, start);
            int64_t b1 = b0;
            const unsigned char *p = (const unsigned char *)s->data;
            for (int64_t k = 0; k < n; k++) {
                b1++;
                while (b1 < s->len && (p[b1] & 0xC0) == 0x80) b1++;
            }
            return substr(vm, s->data + b0, (size_t)(b1 - b0), n);
        }
        if (n == 1) return char_at(vm, s, start);
        if (s->ascii) {
            WfStr *r = wf_str_raw(vm, (size_t)n);
            if (!r) return WF_NULL;
            for (int64_t k = 0, i = start; k < n; k++, i += step) r->data[k] = s->data[i];
            return wf_str_seal(r, n);
        }
        /* Non-ASCII with a step: collect code point offsets once. */
        int64_t *offs = wf_mem_alloc(vm, (size_t)(s->ncp + 1) * sizeof(int64_t));
        if (!offs) return WF_NULL;
        const unsigned char *p = (const unsigned char *)s->data;
        int64_t k = 0;
        for (int64_t off = 0; off < s->len; off++)
            if ((p[off] & 0xC0) != 0x80) offs[k++] = off;
        offs[k] = s->len;
        WfBuf b;
        wf_buf_init(&b);
        for (int64_t j = 0, i = start; j < n; j++, i += step)
            wf_buf_append(vm, &b, s->data + offs[i], (size_t)(offs[i + 1] - offs[i]));
        wf_mem_free(vm, offs);
        return wf_buf_finish(vm, &b);
    }
    if (!wf_is_int(key) && !wf_type_of(key)->index)
        return wf_err_format(vm, &wf_exc_TypeError, "string indices must be integers, not '%s'",
                             wf_type_name(key));
    int64_t i;
    if (wf_index(vm, key, "string", &i) < 0) return WF_NULL;
    if (i < 0) i += s->ncp;
    if (i < 0 || i >= s->ncp) return wf_err_format(vm, &wf_exc_IndexError, "string index out of range");
    return char_at(vm, s, i);
}

static int str_contains(WfVM *vm, WfValue v, WfValue item) {
    if (!wf_is_str(item)) {
        wf_err_format(vm, &wf_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                      wf_type_name(item));
        return -1;
    }
    WfStr *s = WF_STR(v), *t = WF_STR(item);
    return find_bytes(s->data, (size_t)s->len, t->data, (size_t)t->len) != NULL;
}

static WfValue str_add(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_str(a) || !wf_is_str(b)) return WF_NOTIMPL;
    return wf_str_concat(vm, a, b);
}

static WfValue str_repeat(WfVM *vm, WfValue sv, int64_t n) {
    WfStr *s = WF_STR(sv);
    if (n <= 0 || s->len == 0) return EMPTY_STR;
    if (n == 1 && wf_is_exact_str(sv)) return wf_ref(sv);
    if ((uint64_t)s->len > (uint64_t)INT64_MAX / (uint64_t)n)
        return wf_err_format(vm, &wf_exc_OverflowError, "repeated string is too long");
    size_t total = (size_t)s->len * (size_t)n;
    WfStr *r = wf_str_raw(vm, total);
    if (!r) return WF_NULL;
    if (s->len == 1) {
        memset(r->data, s->data[0], total);
    } else {
        /* Doubling copies: log(n) memcpy calls. */
        memcpy(r->data, s->data, (size_t)s->len);
        size_t done = (size_t)s->len;
        while (done < total) {
            size_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, k);
            done += k;
        }
    }
    return wf_str_seal(r, s->ncp * n);
}

static WfValue str_mul(WfVM *vm, WfValue a, WfValue b) {
    WfValue s, n;
    if (wf_is_str(a)) s = a, n = b;
    else if (wf_is_str(b)) s = b, n = a;
    else return WF_NOTIMPL;
    if (!wf_is_int(n) && !wf_type_of(n)->index) {
        /* A user class may still answer with __mul__ / __rmul__. */
        if (wf_type_of(n)->flags & WF_TPFLAG_HEAPTYPE) return WF_NOTIMPL;
        return wf_err_format(vm, &wf_exc_TypeError,
                             "can't multiply sequence by non-int of type '%s'", wf_type_name(n));
    }
    if (wf_is_bigint(n) && !mpz_fits_slong_p(WF_BIGINT(n)->z))
        return wf_err_format(vm, &wf_exc_OverflowError,
                             "cannot fit 'int' into an index-sized integer");
    int64_t k;
    if (wf_seq_repeat_count(vm, n, &k) < 0) return WF_NULL;
    return str_repeat(vm, s, k);
}

static WfValue str_mod(WfVM *vm, WfValue a, WfValue b) {
    if (!wf_is_str(a)) return WF_NOTIMPL;
    return wf_str_mod(vm, a, b);
}

/* ---- iterators ---------------------------------------------------------------- */

typedef struct StrIter {
    WfObject ob;
    WfStr *s;                    /* NULL once exhausted */
    int64_t off;                 /* byte offset of the next code point */
} StrIter;

static WfValue str_iter(WfVM *vm, WfValue v) {
    StrIter *it = (StrIter *)wf_obj_alloc(
        vm, WF_STR(v)->ascii ? &wf_type_str_ascii_iter : &wf_type_str_iter, sizeof(StrIter));
    if (!it) return WF_NULL;
    it->s = WF_STR(v);
    wf_obj_incref(v.u.o);
    return WF_OBJ(it);
}

static WfValue str_iter_next(WfVM *vm, WfValue v) {
    StrIter *it = (StrIter *)v.u.o;
    WfStr *s = it->s;
    if (!s) return WF_NULL;
    if (it->off >= s->len) {
        it->s = NULL;
        wf_obj_decref(vm, &s->ob);
        return WF_NULL;
    }
    unsigned char c = (unsigned char)s->data[it->off];
    if (c < 0x80) {
        it->off++;
        return CHAR_STR(c);
    }
    int n;
    uint32_t cp = wf_utf8_decode((const unsigned char *)s->data + it->off, &n);
    it->off += n;
    return wf_str_from_char(vm, cp);
}

static WfValue iter_self(WfVM *vm, WfValue v) { return wf_ref(v); }

static void str_iter_dealloc(WfVM *vm, WfObject *o) {
    StrIter *it = (StrIter *)o;
    if (it->s) wf_obj_decref(vm, &it->s->ob);
    wf_obj_free(vm, o);
}

static int64_t str_iter_len(WfVM *vm, WfValue v) {
    StrIter *it = (StrIter *)v.u.o;
    if (!it->s) return 0;
    return it->s->ncp - cp_index(it->s, it->off);
}

static WfValue str_iter_length_hint(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                    WfObject *kw) {
    if (wf_args_check(vm, "__length_hint__", nargs, kw, 0, 0) < 0) return WF_NULL;
    return WF_INT(str_iter_len(vm, self));
}

static const WfMethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, NULL, 0},
    {NULL, NULL, NULL, 0}};

WfType wf_type_str_iter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "str_iterator",
    .base = &wf_type_object,
    .size = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
};

WfType wf_type_str_ascii_iter = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "str_ascii_iterator",
    .base = &wf_type_object,
    .size = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
};

/* ---- constructor -------------------------------------------------------------- */

static WfValue str_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                       WfObject *kwnames);

/* An instance of a str subclass holds a copy of the text, with the class's
 * instance-dict area after it (class.c); it is never interned. */
static __attribute__((cold, noinline)) WfValue str_subtype_new(WfVM *vm, WfType *type, const WfValue *args,
                                                               size_t nargs, WfObject *kwnames) {
    WfValue v = str_new(vm, &wf_type_str, args, nargs, kwnames);
    if (WF_IS_NULL(v)) return v;
    WfStr *src = WF_STR(v);
    size_t end = offsetof(WfStr, data) + (size_t)src->len + 1;
    WfStr *o = (WfStr *)wf_obj_alloc(vm, type, wf_class_var_size(type, end));
    if (o) {
        o->len = src->len;
        o->ncp = src->ncp;
        o->hash = src->hash;
        o->ascii = src->ascii;
        memcpy(o->data, src->data, (size_t)src->len + 1);
    }
    wf_decref(vm, v);
    return o ? WF_OBJ(o) : WF_NULL;
}

static WfValue str_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                       WfObject *kwnames) {
    if (type != &wf_type_str) return str_subtype_new(vm, type, args, nargs, kwnames);
    if (!kwnames) {
        if (nargs == 0) return EMPTY_STR;
        if (nargs == 1) return args[0].tag == WF_TAG_INT ? wf_int_repr(vm, args[0])
                                                         : wf_to_str(vm, args[0]);
    }
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    WfValue a[3];
    if (wf_args_bind(vm, "str", args, nargs, kwnames, kwlist, 0, 0, a) < 0) return WF_NULL;
    if (!WF_IS_NULL(a[1]) || !WF_IS_NULL(a[2])) {
        if (WF_IS_NULL(a[0])) return EMPTY_STR;
        return wf_err_format(vm, &wf_exc_TypeError,
                             "decoding to str: need a bytes-like object, %s found",
                             wf_type_name(a[0]));
    }
    if (WF_IS_NULL(a[0])) return EMPTY_STR;
    return wf_to_str(vm, a[0]);
}

/* ---- methods ------------------------------------------------------------------ */

#define METHOD(name) \
    static WfValue name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, \
                        WfObject *kwnames)
#define S (WF_STR(self))

/* Shared by find/rfind/index/rindex/count: the sub argument and the byte
 * window [*b0, *b1) of self[start:end]. Returns 1 when the window is
 * empty because start is past the end (find then fails even for ''). */
/* find, index, count, startswith and the rest take (sub[, start[, end]])
 * and word a wrong count as CPython's PyArg_ParseTuple does. */
static int finds_arity(WfVM *vm, const char *fname, size_t nargs, WfObject *kwnames) {
    if (kwnames && ((WfTuple *)kwnames)->n) {
        wf_err_format(vm, &wf_exc_TypeError, "str.%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < 1 || nargs > 3) {
        wf_err_format(vm, &wf_exc_TypeError, "%s() takes at %s (%zu given)", fname,
                      nargs < 1 ? "least 1 argument" : "most 3 arguments", nargs);
        return -1;
    }
    return 0;
}

static int find_args(WfVM *vm, WfValue self, const char *fname, const WfValue *args,
                     size_t nargs, WfObject *kwnames, WfStr **sub, int64_t *b0, int64_t *b1,
                     int64_t *cstart) {
    if (finds_arity(vm, fname, nargs, kwnames) < 0) return -1;
    if (!wf_is_str(args[0])) {
        wf_err_format(vm, &wf_exc_TypeError, "must be str, not %s", wf_type_name(args[0]));
        return -1;
    }
    *sub = WF_STR(args[0]);
    int64_t start = 0, end = INT64_MAX;
    if (nargs > 1 && slice_arg(vm, args[1], &start) < 0) return -1;
    if (nargs > 2 && slice_arg(vm, args[2], &end) < 0) return -1;
    adjust(&start, &end, S->ncp);
    *cstart = start;
    if (start > S->ncp) return 1;
    if (end < start) end = start;
    *b0 = wf_str_cp_offset(S, start);
    *b1 = wf_str_cp_offset(S, end);
    return 0;
}

static WfValue do_find(WfVM *vm, WfValue self, const char *fname, const WfValue *args,
                       size_t nargs, WfObject *kwnames, bool rev, bool raise) {
    WfStr *sub;
    int64_t b0 = 0, b1 = 0, cstart;
    int rc = find_args(vm, self, fname, args, nargs, kwnames, &sub, &b0, &b1, &cstart);
    if (rc < 0) return WF_NULL;
    const char *p = NULL;
    if (rc == 0) {
        p = rev ? rfind_bytes(S->data + b0, (size_t)(b1 - b0), sub->data, (size_t)sub->len)
                : find_bytes(S->data + b0, (size_t)(b1 - b0), sub->data, (size_t)sub->len);
    }
    if (!p) {
        if (raise) return wf_err_format(vm, &wf_exc_ValueError, "substring not found");
        return WF_INT(-1);
    }
    return WF_INT(cp_index(S, p - S->data));
}

METHOD(str_find) { return do_find(vm, self, "find", args, nargs, kwnames, false, false); }
METHOD(str_rfind) { return do_find(vm, self, "rfind", args, nargs, kwnames, true, false); }
METHOD(str_index) { return do_find(vm, self, "index", args, nargs, kwnames, false, true); }
METHOD(str_rindex) { return do_find(vm, self, "rindex", args, nargs, kwnames, true, true); }

METHOD(str_count) {
    WfStr *sub;
    int64_t b0 = 0, b1 = 0, cstart;
    int rc = find_args(vm, self, "count", args, nargs, kwnames, &sub, &b0, &b1, &cstart);
    if (rc < 0) return WF_NULL;
    if (rc > 0) return WF_INT(0);
    if (sub->len == 0) return WF_INT(cp_index(S, b1) - cp_index(S, b0) + 1);
    int64_t n = 0;
    const char *p = S->data + b0, *end = S->data + b1;
    while ((p = find_bytes(p, (size_t)(end - p), sub->data, (size_t)sub->len))) {
        n++;
        p += sub->len;
    }
    return WF_INT(n);
}

/* startswith/endswith: does self[start:end] begin (end) with sub? */
static int tailmatch(WfStr *s, WfStr *sub, int64_t start, int64_t end, bool at_end) {
    adjust(&start, &end, s->ncp);
    end -= sub->ncp;
    if (end < start) return 0;
    if (sub->len == 0) return 1;
    int64_t off = at_end ? wf_str_cp_offset(s, end) : wf_str_cp_offset(s, start);
    if (off + sub->len > s->len) return 0;
    return wf_bytes_equal(s->data + off, sub->data, (size_t)sub->len);
}

static WfValue do_startswith(WfVM *vm, WfValue self, const char *fname, const WfValue *args,
                             size_t nargs, WfObject *kwnames, bool at_end) {
    if (finds_arity(vm, fname, nargs, kwnames) < 0) return WF_NULL;
    int64_t start = 0, end = INT64_MAX;
    if (nargs > 1 && slice_arg(vm, args[1], &start) < 0) return WF_NULL;
    if (nargs > 2 && slice_arg(vm, args[2], &end) < 0) return WF_NULL;
    WfValue x = args[0];
    if (wf_is_str(x)) return WF_BOOL(tailmatch(S, WF_STR(x), start, end, at_end));
    if (wf_is_tuple(x)) {
        WfTuple *t = WF_TUPLE(x);
        for (size_t i = 0; i < t->n; i++) {
            if (!wf_is_str(t->items[i]))
                return wf_err_format(vm, &wf_exc_TypeError,
                                     "tuple for %s must only contain str, not %s", fname,
                                     wf_type_name(t->items[i]));
            if (tailmatch(S, WF_STR(t->items[i]), start, end, at_end)) return WF_TRUE;
        }
        return WF_FALSE;
    }
    return wf_err_format(vm, &wf_exc_TypeError,
                         "%s first arg must be str or a tuple of str, not %s", fname,
                         wf_type_name(x));
}

METHOD(str_startswith) { return do_startswith(vm, self, "startswith", args, nargs, kwnames, false); }
METHOD(str_endswith) { return do_startswith(vm, self, "endswith", args, nargs, kwnames, true); }

/* Whitespace length at p (0 if none); non-ASCII text decodes. */
static int space_at(const unsigned char *p) {
    if (*p < 0x80) return ascii_space[*p];
    int n;
    uint32_t c = wf_utf8_decode(p, &n);
    return wf_uni_isspace(c) ? n : 0;
}
/* Start of the code point that ends just before p. */
static const unsigned char *prev_cp(const unsigned char *p) {
    do p--;
    while ((*p & 0xC0) == 0x80);
    return p;
}

static int list_push(WfVM *vm, WfValue list, WfValue item) {
    if (WF_IS_NULL(item)) return -1;
    return wf_list_append_steal(vm, list, item);
}

static WfValue split_ws(WfVM *vm, WfValue self, int64_t maxsplit) {
    WfValue list = wf_list_new(vm, 0);
    if (WF_IS_NULL(list)) return list;
    const unsigned char *p = (const unsigned char *)S->data, *end = p + S->len;
    int k;
    while (p < end) {
        while (p < end && (k = space_at(p))) p += k;
        if (p >= end) break;
        if (maxsplit-- == 0) {
            /* The rest, trailing whitespace kept. */
            if (p == (const unsigned char *)S->data && wf_is_exact_str(self)) {
                if (wf_list_append(vm, list, self) < 0) goto fail;
            } else if (list_push(vm, list, subs(vm, S, (const char *)p, (size_t)(end - p))) < 0)
                goto fail;
            return list;
        }
        const unsigned char *w = p;
        while (p < end && !space_at(p)) p += *p < 0x80 ? 1 : (*p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4);
        if (w == (const unsigned char *)S->data && p == end && wf_is_exact_str(self)) {
            if (wf_list_append(vm, list, self) < 0) goto fail;
        } else if (list_push(vm, list, subs(vm, S, (const char *)w, (size_t)(p - w))) < 0)
            goto fail;
    }
    return list;
fail:
    wf_decref(vm, list);
    return WF_NULL;
}

static WfValue rsplit_ws(WfVM *vm, WfValue self, int64_t maxsplit) {
    WfValue list = wf_list_new(vm, 0);
    if (WF_IS_NULL(list)) return list;
    const unsigned char *start = (const unsigned char *)S->data, *p = start + S->len;
    while (p > start) {
        while (p > start && space_at(prev_cp(p))) p = prev_cp(p);
        if (p <= start) break;
        if (maxsplit-- == 0) {
            if (list_push(vm, list, subs(vm, S, (const char *)start, (size_t)(p - start))) < 0)
                goto fail;
            break;
        }
        const unsigned char *w = p;
        while (p > start && !space_at(prev_cp(p))) p = prev_cp(p);
        if (list_push(vm, list, subs(vm, S, (const char *)p, (size_t)(w - p))) < 0) goto fail;
    }
    /* Collected right to left. */
    WfList *l = WF_LIST(list);
    for (size_t i = 0, j = l->n ? l->n - 1 : 0; i < j; i++, j--) {
        WfValue t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return list;
fail:
    wf_decref(vm, list);
    return WF_NULL;
}

static int split_args(WfVM *vm, const char *fname, const WfValue *args, size_t nargs,
                      WfObject *kwnames, WfValue *sep, int64_t *maxsplit) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    WfValue a[2] = {WF_NULL, WF_NULL};
    /* The arguments are read where they are, not copied: the VM wrote
     * them with 8-byte stores, and the 16-byte moves GCC copies a WfValue
     * with wait for those to retire (value.h, wf_vload). */
    const WfValue *a0 = nargs > 0 ? &args[0] : NULL, *a1 = nargs > 1 ? &args[1] : NULL;
    if (kwnames || nargs > 2) {
        if (wf_args_bind(vm, fname, args, nargs, kwnames, kwlist, 0, 0, a) < 0) return -1;
        a0 = WF_IS_NULL(a[0]) ? NULL : &a[0];
        a1 = WF_IS_NULL(a[1]) ? NULL : &a[1];
    }
    *maxsplit = -1;
    if (a1 && wf_index(vm, wf_vload(a1), NULL, maxsplit) < 0) return -1;
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    if (!a0 || WF_IS_NONE(*a0)) {
        *sep = WF_NONE;
        return 0;
    }
    if (!wf_is_str(*a0)) {
        wf_err_format(vm, &wf_exc_TypeError, "must be str or None, not %s", wf_type_name(*a0));
        return -1;
    }
    if (WF_STR(*a0)->len == 0) {
        wf_err_format(vm, &wf_exc_ValueError, "empty separator");
        return -1;
    }
    *sep = wf_vload(a0);
    return 0;
}

METHOD(str_split) {
    WfValue sepv;
    int64_t maxsplit;
    if (split_args(vm, "split", args, nargs, kwnames, &sepv, &maxsplit) < 0) return WF_NULL;
    if (WF_IS_NONE(sepv)) return split_ws(vm, self, maxsplit);
    WfStr *sep = WF_STR(sepv);
    const char *p = S->data, *end = p + S->len, *q;
    /* Find the cuts first: the list is allocated at its final size and
     * filled in place. The first ones are kept, so a text with few pieces
     * is searched once; past that the fill searches again. */
    const char *cuts[32];
    size_t n = 1;
    for (const char *c = p; (int64_t)(n - 1) < maxsplit &&
         (c = find_bytes(c, (size_t)(end - c), sep->data, (size_t)sep->len)); c += sep->len) {
        if (n <= sizeof cuts / sizeof cuts[0]) cuts[n - 1] = c;
        n++;
    }
    WfValue list = wf_list_new(vm, n);
    if (WF_IS_NULL(list)) return list;
    WfList *l = WF_LIST(list);
    while (l->n + 1 < n) {
        q = l->n < sizeof cuts / sizeof cuts[0]
                ? cuts[l->n]
                : find_bytes(p, (size_t)(end - p), sep->data, (size_t)sep->len);
        WfValue piece = subs(vm, S, p, (size_t)(q - p));
        if (WF_IS_NULL(piece)) goto fail;
        l->items[l->n++] = piece;
        p = q + sep->len;
    }
    WfValue last = p == S->data && wf_is_exact_str(self) ? wf_ref(self)
                                                          : subs(vm, S, p, (size_t)(end - p));
    if (WF_IS_NULL(last)) goto fail;
    l->items[l->n++] = last;
    return list;
fail:
    wf_decref(vm, list);
    return WF_NULL;
}

METHOD(str_rsplit) {
    WfValue sepv;
    int64_t maxsplit;
    if (split_args(vm, "rsplit", args, nargs, kwnames, &sepv, &maxsplit) < 0) return WF_NULL;
    if (WF_IS_NONE(sepv)) return rsplit_ws(vm, self, maxsplit);
    WfStr *sep = WF_STR(sepv);
    WfValue list = wf_list_new(vm, 0);
    if (WF_IS_NULL(list)) return list;
    const char *start = S->data, *end = start + S->len, *q;
    while (maxsplit-- > 0 &&
           (q = rfind_bytes(start, (size_t)(end - start), sep->data, (size_t)sep->len))) {
        if (list_push(vm, list, subs(vm, S, q + sep->len, (size_t)(end - q - sep->len))) < 0)
            goto fail;
        end = q;
    }
    if (end == S->data + S->len && wf_is_exact_str(self)) {
        if (wf_list_append(vm, list, self) < 0) goto fail;
    } else if (list_push(vm, list, subs(vm, S, start, (size_t)(end - start))) < 0) {
        goto fail;
    }
    WfList *l = WF_LIST(list);
    for (size_t i = 0, j = l->n - 1; i < j; i++, j--) {
        WfValue t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return list;
fail:
    wf_decref(vm, list);
    return WF_NULL;
}

/* Is the code point at p in chars (a str)? n receives its length. */
static bool in_chars(const unsigned char *p, const WfStr *chars, int *n) {
    if (*p < 0x80) {
        *n = 1;
        return memchr(chars->data, *p, (size_t)chars->len) != NULL;
    }
    wf_utf8_decode(p, n);
    return find_bytes(chars->data, (size_t)chars->len, (const char *)p, (size_t)*n) != NULL;
}

static WfValue do_strip(WfVM *vm, WfValue self, const char *fname, const WfValue *args,
                        size_t nargs, WfObject *kwnames, bool left, bool right) {
    if (wf_args_check(vm, fname, nargs, kwnames, 0, 1) < 0) return WF_NULL;
    WfStr *chars = NULL;
    if (nargs == 1 && !WF_IS_NONE(args[0])) {
        if (!wf_is_str(args[0]))
            return wf_err_format(vm, &wf_exc_TypeError, "%s arg must be None or str", strchr(fname, '.') + 1);
        chars = WF_STR(args[0]);
    }
    const unsigned char *b = (const unsigned char *)S->data, *e = b + S->len;
    int n;
    if (left) {
        while (b < e) {
            if (chars ? !in_chars(b, chars, &n) : !(n = space_at(b))) break;
            b += n;
        }
    }
    if (right) {
        while (e > b) {
            const unsigned char *q = prev_cp(e);
            if (chars ? !in_chars(q, chars, &n) : !space_at(q)) break;
            e = q;
        }
    }
    if (b == (const unsigned char *)S->data && e == b + S->len && wf_is_exact_str(self))
        return wf_ref(self);
    return subs(vm, S, (const char *)b, (size_t)(e - b));
}

METHOD(str_strip) { return do_strip(vm, self, "str.strip", args, nargs, kwnames, true, true); }
METHOD(str_lstrip) { return do_strip(vm, self, "str.lstrip", args, nargs, kwnames, true, false); }
METHOD(str_rstrip) { return do_strip(vm, self, "str.rstrip", args, nargs, kwnames, false, true); }

METHOD(str_replace) {
    if (wf_args_check(vm, "str.replace", nargs, kwnames, 2, 3) < 0) return WF_NULL;
    for (int i = 0; i < 2; i++)
        if (!wf_is_str(args[i]))
            return wf_err_format(vm, &wf_exc_TypeError, "replace() argument %d must be str, not %s",
                                 i + 1, wf_type_name(args[i]));
    int64_t count = -1;
    if (nargs == 3 && wf_index(vm, args[2], NULL, &count) < 0) return WF_NULL;
    if (count < 0) count = INT64_MAX;
    WfStr *old = WF_STR(args[0]), *rep = WF_STR(args[1]);
    const char *s = S->data, *end = s + S->len;
    int64_t n = 0;
    if (old->len == 0) {
        n = S->ncp + 1 < count ? S->ncp + 1 : count;
    } else {
        for (const char *p = s; n < count &&
             (p = find_bytes(p, (size_t)(end - p), old->data, (size_t)old->len));
             p += old->len)
            n++;
    }
    if (n == 0) {
        if (wf_is_exact_str(self)) return wf_ref(self);
        return wf_str_new(vm, S->data, (size_t)S->len);
    }
    size_t len = (size_t)S->len + (size_t)n * ((size_t)rep->len - (size_t)old->len);
    WfStr *r = wf_str_raw(vm, len);
    if (!r) return WF_NULL;
    char *o = r->data;
    const char *p = s;
    if (old->len == 0) {
        for (int64_t i = 0; i < n; i++) {
            memcpy(o, rep->data, (size_t)rep->len);
            o += rep->len;
            if (p < end) {
                int k = (unsigned char)*p < 0x80 ? 1 : (unsigned char)*p < 0xE0 ? 2
                        : (unsigned char)*p < 0xF0 ? 3 : 4;
                memcpy(o, p, (size_t)k);
                o += k;
                p += k;
            }
        }
    } else {
        for (int64_t i = 0; i < n; i++) {
            const char *q = find_bytes(p, (size_t)(end - p), old->data, (size_t)old->len);
            memcpy(o, p, (size_t)(q - p));
            o += q - p;
            memcpy(o, rep->data, (size_t)rep->len);
            o += rep->len;
            p = q + old->len;
        }
    }
    memcpy(o, p, (size_t)(end - p));
    return wf_str_seal(r, S->ncp + n * (rep->ncp - old->ncp));
}

WfValue wf_str_join(WfVM *vm, WfValue sepv, WfValue iterable) {
    WfValue seq = WF_NULL;
    const WfValue *items;
    size_t n;
    if (wf_is_list_items(iterable)) {
        items = WF_LIST(iterable)->items;
        n = WF_LIST(iterable)->n;
    } else if (wf_is_tuple_items(iterable)) {
        items = WF_TUPLE(iterable)->items;
        n = WF_TUPLE(iterable)->n;
    } else {
        WfType *t = wf_type_of(iterable);
        if (!t->iter && !t->getitem)
            return wf_err_format(vm, &wf_exc_TypeError, "can only join an iterable");
        seq = wf_list_from_iterable(vm, iterable);
        if (WF_IS_NULL(seq)) return seq;
        items = WF_LIST(seq)->items;
        n = WF_LIST(seq)->n;
    }
    WfStr *sep = WF_STR(sepv);
    WfValue result = WF_NULL;
    size_t len = 0;
    int64_t ncp = 0;
    for (size_t i = 0; i < n; i++) {
        if (!wf_is_str(items[i])) {
            wf_err_format(vm, &wf_exc_TypeError, "sequence item %zu: expected str instance, %s found",
                          i, wf_type_name(items[i]));
            goto done;
        }
        len += (size_t)WF_STR(items[i])->len;
        ncp += WF_STR(items[i])->ncp;
    }
    if (n == 0) {
        result = EMPTY_STR;
        goto done;
    }
    if (n == 1 && wf_is_exact_str(items[0])) {
        result = wf_ref(items[0]);
        goto done;
    }
    len += (size_t)sep->len * (n - 1);
    ncp += sep->ncp * (int64_t)(n - 1);
    WfStr *r = wf_str_raw(vm, len);
    if (!r) goto done;
    char *o = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i && sep->len) {
            if (sep->len == 1) *o = sep->data[0];
            else wf_copy_bytes(o, sep->data, (size_t)sep->len);
            o += sep->len;
        }
        WfStr *x = WF_STR(items[i]);
        wf_copy_bytes(o, x->data, (size_t)x->len);
        o += x->len;
    }
    result = wf_str_seal(r, ncp);
done:
    wf_decref(vm, seq);
    return result;
}

METHOD(str_join) {
    if (wf_args_check(vm, "str.join", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    return wf_str_join(vm, self, args[0]);
}

/* ---- case mapping ---- */

enum { CASE_UPPER, CASE_LOWER, CASE_TITLE, CASE_FOLD, CASE_SWAP };

/* Unconditional full mappings (SpecialCasing.txt) that utf8proc's simple
 * mappings miss: code point, upper, title. */
static const struct { uint32_t c; uint32_t up[3]; uint32_t ti[3]; } special_case[] = {
    {0x00DF, {0x53, 0x53, 0}, {0x53, 0x73, 0}},
    {0x0149, {0x2BC, 0x4E, 0}, {0x2BC, 0x4E, 0}},
    {0x01F0, {0x4A, 0x30C, 0}, {0x4A, 0x30C, 0}},
    {0x0390, {0x399, 0x308, 0x301}, {0x399, 0x308, 0x301}},
    {0x03B0, {0x3A5, 0x308, 0x301}, {0x3A5, 0x308, 0x301}},
    {0x0587, {0x535, 0x552, 0}, {0x535, 0x582, 0}},
    {0x1E96, {0x48, 0x331, 0}, {0x48, 0x331, 0}},
    {0x1E97, {0x54, 0x308, 0}, {0x54, 0x308, 0}},
    {0x1E98, {0x57, 0x30A, 0}, {0x57, 0x30A, 0}},
    {0x1E99, {0x59, 0x30A, 0}, {0x59, 0x30A, 0}},
    {0x1E9A, {0x41, 0x2BE, 0}, {0x41, 0x2BE, 0}},
    {0xFB00, {0x46, 0x46, 0}, {0x46, 0x66, 0}},
    {0xFB01, {0x46, 0x49, 0}, {0x46, 0x69, 0}},
    {0xFB02, {0x46, 0x4C, 0}, {0x46, 0x6C, 0}},
    {0xFB03, {0x46, 0x46, 0x49}, {0x46, 0x66, 0x69}},
    {0xFB04, {0x46, 0x46, 0x4C}, {0x46, 0x66, 0x6C}},
    {0xFB05, {0x53, 0x54, 0}, {0x53, 0x74, 0}},
    {0xFB06, {0x53, 0x54, 0}, {0x53, 0x74, 0}},
    {0xFB13, {0x544, 0x546, 0}, {0x544, 0x576, 0}},
    {0xFB14, {0x544, 0x535, 0}, {0x544, 0x565, 0}},
    {0xFB15, {0x544, 0x53B, 0}, {0x544, 0x56B, 0}},
    {0xFB16, {0x54E, 0x546, 0}, {0x54E, 0x576, 0}},
    {0xFB17, {0x544, 0x53D, 0}, {0x544, 0x56D, 0}},
};

static int map_special(uint32_t c, bool title, uint32_t out[3]) {
    for (size_t i = 0; i < sizeof special_case / sizeof special_case[0]; i++) {
        if (special_case[i].c == c) {
            const uint32_t *m = title ? special_case[i].ti : special_case[i].up;
            int n = 0;
            while (n < 3 && m[n]) {
                out[n] = m[n];
                n++;
            }
            return n;
        }
    }
    return 0;
}

static int map_upper(uint32_t c, uint32_t out[3]) {
    if (c < 128) {
        out[0] = c >= 'a' && c <= 'z' ? c - 32 : c;
        return 1;
    }
    int n = map_special(c, false, out);
    if (n) return n;
    out[0] = (uint32_t)utf8proc_toupper((utf8proc_int32_t)c);
    return 1;
}
static int map_title(uint32_t c, uint32_t out[3]) {
    if (c < 128) return map_upper(c, out);
    int n = map_special(c, true, out);
    if (n) return n;
    out[0] = (uint32_t)utf8proc_totitle((utf8proc_int32_t)c);
    return 1;
}

/* Lower case of the code point at p in s (final sigma needs context). */
static int map_lower(const unsigned char *start, const unsigned char *p, const unsigned char *end,
                     uint32_t c, uint32_t out[3]) {
    if (c < 128) {
        out[0] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        return 1;
    }
    if (c == 0x130) {
        out[0] = 'i';
        out[1] = 0x307;
        return 2;
    }
    if (c == 0x3A3) {
        /* Final sigma: a cased letter before, none after (skipping
         * case-ignorable characters), as CPython's handle_capital_sigma. */
        bool before = false, after = false;
        const unsigned char *q = p;
        int n;
        while (q > start) {
            q = prev_cp(q);
            uint32_t d = wf_utf8_decode(q, &n);
            if (uni_case_ignorable(d)) continue;
            before = uni_iscased(d);
            break;
        }
        wf_utf8_decode(p, &n);
        q = p + n;
        while (q < end) {
            uint32_t d = wf_utf8_decode(q, &n);
            q += n;
            if (uni_case_ignorable(d)) continue;
            after = uni_iscased(d);
            break;
        }
        out[0] = before && !after ? 0x3C2 : 0x3C3;
        return 1;
    }
    out[0] = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
    return 1;
}

static int map_fold(uint32_t c, uint32_t out[3]) {
    if (c < 128) {
        out[0] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        return 1;
    }
    utf8proc_int32_t buf[3];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 3, UTF8PROC_CASEFOLD, &last);
    if (n <= 0 || n > 3) {
        out[0] = c;
        return 1;
    }
    for (int i = 0; i < n; i++) out[i] = (uint32_t)buf[i];
    return (int)n;
}

static WfValue case_map(WfVM *vm, WfValue self, int mode) {
    if (S->ascii) {
        WfStr *r = wf_str_raw(vm, (size_t)S->len);
        if (!r) return WF_NULL;
        bool prev_cased = false;
        for (int64_t i = 0; i < S->len; i++) {
            unsigned char c = (unsigned char)S->data[i];
            bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
            switch (mode) {
            case CASE_UPPER: if (lo) c -= 32; break;
            case CASE_LOWER: case CASE_FOLD: if (up) c += 32; break;
            case CASE_SWAP: if (lo) c -= 32; else if (up) c += 32; break;
            case CASE_TITLE:
                if (prev_cased ? up : lo) c ^= 32;
                prev_cased = lo || up;
                break;
            }
            r->data[i] = (char)c;
        }
        return wf_str_seal(r, S->len);
    }
    WfBuf b;
    wf_buf_init(&b);
    const unsigned char *start = (const unsigned char *)S->data, *p = start, *end = p + S->len;
    bool prev_cased = false;
    while (p < end) {
        int n;
        uint32_t c = wf_utf8_decode(p, &n), out[3];
        int k;
        switch (mode) {
        case CASE_UPPER: k = map_upper(c, out); break;
        case CASE_LOWER: k = map_lower(start, p, end, c, out); break;
        case CASE_FOLD: k = map_fold(c, out); break;
        case CASE_SWAP:
            if (uni_isupper(c)) k = map_lower(start, p, end, c, out);
            else if (uni_islower(c)) k = map_upper(c, out);
            else out[0] = c, k = 1;
            break;
        default:
            k = prev_cased ? map_lower(start, p, end, c, out) : map_title(c, out);
            prev_cased = uni_iscased(c);
            break;
        }
        for (int i = 0; i < k; i++) {
            char e[4];
            wf_buf_append(vm, &b, e, (size_t)wf_utf8_encode(out[i], e));
        }
        p += n;
    }
    return wf_buf_finish(vm, &b);
}

#define CASE_METHOD(fn, name, mode) \
    METHOD(fn) { \
        if (wf_args_check(vm, "str." name, nargs, kwnames, 0, 0) < 0) return WF_NULL; \
        return case_map(vm, self, mode); \
    }
CASE_METHOD(str_upper, "upper", CASE_UPPER)
CASE_METHOD(str_lower, "lower", CASE_LOWER)
CASE_METHOD(str_title, "title", CASE_TITLE)
CASE_METHOD(str_casefold, "casefold", CASE_FOLD)
CASE_METHOD(str_swapcase, "swapcase", CASE_SWAP)

METHOD(str_capitalize) {
    if (wf_args_check(vm, "str.capitalize", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    if (S->len == 0) return str_str(vm, self);
    WfBuf b;
    wf_buf_init(&b);
    const unsigned char *start = (const unsigned char *)S->data, *p = start, *end = p + S->len;
    while (p < end) {
        int n;
        uint32_t c = wf_utf8_decode(p, &n), out[3];
        int k = p == start ? map_title(c, out) : map_lower(start, p, end, c, out);
        for (int i = 0; i < k; i++) {
            char e[4];
            wf_buf_append(vm, &b, e, (size_t)wf_utf8_encode(out[i], e));
        }
        p += n;
    }
    return wf_buf_finish(vm, &b);
}

/* ---- predicates ---- */

static WfValue all_chars(WfVM *vm, WfValue self, const char *name, size_t nargs,
                         WfObject *kwnames, bool (*pred)(uint32_t)) {
    if (wf_args_check(vm, name, nargs, kwnames, 0, 0) < 0) return WF_NULL;
    if (S->len == 0) return WF_FALSE;
    const unsigned char *p = (const unsigned char *)S->data, *end = p + S->len;
    while (p < end) {
        int n;
        uint32_t c = wf_utf8_decode(p, &n);
        if (!pred(c)) return WF_FALSE;
        p += n;
    }
    return WF_TRUE;
}

static bool uni_isalnum(uint32_t c) { return uni_isalpha(c) || uni_isnumeric(c); }
static bool uni_isdecimal(uint32_t c) { return wf_uni_decimal(c) >= 0; }

#define PRED_METHOD(fn, name, pred) \
    METHOD(fn) { return all_chars(vm, self, "str." name, nargs, kwnames, pred); }
PRED_METHOD(str_isdigit, "isdigit", uni_isdigit)
PRED_METHOD(str_isdecimal, "isdecimal", uni_isdecimal)
PRED_METHOD(str_isnumeric, "isnumeric", uni_isnumeric)
PRED_METHOD(str_isalpha, "isalpha", uni_isalpha)
PRED_METHOD(str_isalnum, "isalnum", uni_isalnum)
PRED_METHOD(str_isspace, "isspace", wf_uni_isspace)

METHOD(str_isprintable) {
    if (wf_args_check(vm, "str.isprintable", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    if (S->len == 0) return WF_TRUE;
    return all_chars(vm, self, "str.isprintable", 0, NULL, wf_uni_isprintable);
}

METHOD(str_isascii) {
    if (wf_args_check(vm, "str.isascii", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return WF_BOOL(S->ascii);
}

static WfValue cased_check(WfVM *vm, WfValue self, const char *name, size_t nargs,
                           WfObject *kwnames, bool want_upper) {
    if (wf_args_check(vm, name, nargs, kwnames, 0, 0) < 0) return WF_NULL;
    bool cased = false;
    const unsigned char *p = (const unsigned char *)S->data, *end = p + S->len;
    while (p < end) {
        int n;
        uint32_t c = wf_utf8_decode(p, &n);
        p += n;
        if (uni_istitle(c) || (want_upper ? uni_islower(c) : uni_isupper(c))) return WF_FALSE;
        if (want_upper ? uni_isupper(c) : uni_islower(c)) cased = true;
    }
    return WF_BOOL(cased);
}

METHOD(str_isupper) { return cased_check(vm, self, "str.isupper", nargs, kwnames, true); }
METHOD(str_islower) { return cased_check(vm, self, "str.islower", nargs, kwnames, false); }

METHOD(str_istitle) {
    if (wf_args_check(vm, "str.istitle", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    bool cased = false, prev = false;
    const unsigned char *p = (const unsigned char *)S->data, *end = p + S->len;
    while (p < end) {
        int n;
        uint32_t c = wf_utf8_decode(p, &n);
        p += n;
        if (uni_isupper(c) || uni_istitle(c)) {
            if (prev) return WF_FALSE;
            prev = cased = true;
        } else if (uni_islower(c)) {
            if (!prev) return WF_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return WF_BOOL(cased);
}

bool wf_str_is_identifier(const WfStr *s) {
    if (s->len == 0) return false;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    bool first = true;
    while (p < end) {
        int n;
        uint32_t c = wf_utf8_decode(p, &n);
        p += n;
        if (first ? !uni_xid_start(c) : !uni_xid_continue(c)) return false;
        first = false;
    }
    return true;
}

METHOD(str_isidentifier) {
    if (wf_args_check(vm, "str.isidentifier", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return WF_BOOL(wf_str_is_identifier(S));
}

/* ---- padding ---- */

static int width_arg(WfVM *vm, WfValue v, int64_t *out) { return wf_index(vm, v, NULL, out); }

static int fill_arg(WfVM *vm, const WfValue *args, size_t nargs, size_t i, char fill[4], int *fl) {
    fill[0] = ' ';
    *fl = 1;
    if (nargs <= i) return 0;
    WfValue f = args[i];
    if (!wf_is_str(f)) {
        wf_err_format(vm, &wf_exc_TypeError, "The fill character must be a unicode character, not %s",
                      wf_type_name(f));
        return -1;
    }
    if (WF_STR(f)->ncp != 1) {
        wf_err_format(vm, &wf_exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fl = (int)WF_STR(f)->len;
    memcpy(fill, WF_STR(f)->data, (size_t)*fl);
    return 0;
}

static WfValue pad(WfVM *vm, WfValue self, int64_t left, int64_t right, const char *fill, int fl) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0 && wf_is_exact_str(self)) return wf_ref(self);
    size_t len = (size_t)S->len + (size_t)(left + right) * (size_t)fl;
    WfStr *r = wf_str_raw(vm, len);
    if (!r) return WF_NULL;
    char *o = r->data;
    for (int64_t i = 0; i < left; i++, o += fl) memcpy(o, fill, (size_t)fl);
    memcpy(o, S->data, (size_t)S->len);
    o += S->len;
    for (int64_t i = 0; i < right; i++, o += fl) memcpy(o, fill, (size_t)fl);
    return wf_str_seal(r, S->ncp + left + right);
}

static WfValue do_just(WfVM *vm, WfValue self, const char *name, const WfValue *args,
                       size_t nargs, WfObject *kwnames, int where) {
    if (wf_args_check(vm, name, nargs, kwnames, 1, 2) < 0) return WF_NULL;
    int64_t width;
    char fill[4];
    int fl;
    if (width_arg(vm, args[0], &width) < 0 || fill_arg(vm, args, nargs, 1, fill, &fl) < 0)
        return WF_NULL;
    int64_t marg = width - S->ncp;
    if (marg <= 0) return wf_is_exact_str(self) ? wf_ref(self) : pad(vm, self, 0, 0, fill, fl);
    if (where < 0) return pad(vm, self, 0, marg, fill, fl);
    if (where > 0) return pad(vm, self, marg, 0, fill, fl);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(vm, self, left, marg - left, fill, fl);
}

METHOD(str_ljust) { return do_just(vm, self, "str.ljust", args, nargs, kwnames, -1); }
METHOD(str_rjust) { return do_just(vm, self, "str.rjust", args, nargs, kwnames, 1); }
METHOD(str_center) { return do_just(vm, self, "str.center", args, nargs, kwnames, 0); }

METHOD(str_zfill) {
    if (wf_args_check(vm, "str.zfill", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    int64_t width;
    if (width_arg(vm, args[0], &width) < 0) return WF_NULL;
    if (width <= S->ncp) return wf_is_exact_str(self) ? wf_ref(self) : pad(vm, self, 0, 0, "", 0);
    int64_t fillc = width - S->ncp;
    WfStr *r = wf_str_raw(vm, (size_t)(S->len + fillc));
    if (!r) return WF_NULL;
    memset(r->data, '0', (size_t)fillc);
    memcpy(r->data + fillc, S->data, (size_t)S->len);
    if (S->len && (S->data[0] == '+' || S->data[0] == '-')) {
        r->data[0] = S->data[0];
        r->data[fillc] = '0';
    }
    return wf_str_seal(r, width);
}

/* ---- partition, splitlines, expandtabs, prefixes ---- */

static WfValue triple(WfVM *vm, WfValue a, WfValue b, WfValue c) {
    if (WF_IS_NULL(a) || WF_IS_NULL(b) || WF_IS_NULL(c)) {
        wf_decref(vm, a);
        wf_decref(vm, b);
        wf_decref(vm, c);
        return WF_NULL;
    }
    WfValue t = wf_tuple_new(vm, 3);
    if (WF_IS_NULL(t)) {
        wf_decref(vm, a);
        wf_decref(vm, b);
        wf_decref(vm, c);
        return t;
    }
    WF_TUPLE(t)->items[0] = a;
    WF_TUPLE(t)->items[1] = b;
    WF_TUPLE(t)->items[2] = c;
    return t;
}

static WfValue do_partition(WfVM *vm, WfValue self, const char *name, const WfValue *args,
                            size_t nargs, WfObject *kwnames, bool rev) {
    if (wf_args_check(vm, name, nargs, kwnames, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "must be str, not %s", wf_type_name(args[0]));
    WfStr *sep = WF_STR(args[0]);
    if (sep->len == 0) return wf_err_format(vm, &wf_exc_ValueError, "empty separator");
    const char *p = rev ? rfind_bytes(S->data, (size_t)S->len, sep->data, (size_t)sep->len)
                        : find_bytes(S->data, (size_t)S->len, sep->data, (size_t)sep->len);
    WfValue whole = wf_is_exact_str(self) ? wf_ref(self) : str_str(vm, self);
    if (!p) {
        if (rev) return triple(vm, EMPTY_STR, EMPTY_STR, whole);
        return triple(vm, whole, EMPTY_STR, EMPTY_STR);
    }
    wf_decref(vm, whole);
    const char *end = S->data + S->len;
    return triple(vm, subs(vm, S, S->data, (size_t)(p - S->data)), wf_ref(args[0]),
                  subs(vm, S, p + sep->len, (size_t)(end - p - sep->len)));
}

METHOD(str_partition) { return do_partition(vm, self, "str.partition", args, nargs, kwnames, false); }
METHOD(str_rpartition) { return do_partition(vm, self, "str.rpartition", args, nargs, kwnames, true); }

/* Length of the line break at p (0 if none): \n \r \r\n \v \f \x1c-\x1e
 * \x85 \u2028 \u2029. */
static int linebreak_at(const unsigned char *p, const unsigned char *end) {
    switch (*p) {
    case '\r': return p + 1 < end && p[1] == '\n' ? 2 : 1;
    case '\n': case '\v': case '\f': case 0x1c: case 0x1d: case 0x1e: return 1;
    case 0xC2: return p[1] == 0x85 ? 2 : 0;
    case 0xE2: return p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9) ? 3 : 0;
    default: return 0;
    }
}

METHOD(str_splitlines) {
    static const char *const kwlist[] = {"keepends", NULL};
    WfValue a[1] = {WF_NULL};
    if (wf_args_bind(vm, "splitlines", args, nargs, kwnames, kwlist, 0, 0, a) < 0) return WF_NULL;
    int keep = 0;
    if (!WF_IS_NULL(a[0]) && (keep = wf_truthy(vm, a[0])) < 0) return WF_NULL;
    WfValue list = wf_list_new(vm, 0);
    if (WF_IS_NULL(list)) return list;
    const unsigned char *p = (const unsigned char *)S->data, *end = p + S->len, *line = p;
    while (p < end) {
        int k = linebreak_at(p, end);
        if (!k) {
            p++;
            continue;
        }
        const unsigned char *e = keep ? p + k : p;
        if (list_push(vm, list, subs(vm, S, (const char *)line, (size_t)(e - line))) < 0) goto fail;
        p += k;
        line = p;
    }
    if (line < end) {
        if (line == (const unsigned char *)S->data && wf_is_exact_str(self)) {
            if (wf_list_append(vm, list, self) < 0) goto fail;
        } else if (list_push(vm, list, subs(vm, S, (const char *)line, (size_t)(end - line))) < 0) {
            goto fail;
        }
    }
    return list;
fail:
    wf_decref(vm, list);
    return WF_NULL;
}

METHOD(str_expandtabs) {
    static const char *const kwlist[] = {"tabsize", NULL};
    WfValue a[1] = {WF_NULL};
    if (wf_args_bind(vm, "expandtabs", args, nargs, kwnames, kwlist, 0, 0, a) < 0) return WF_NULL;
    int64_t tab = 8;
    if (!WF_IS_NULL(a[0]) && wf_index(vm, a[0], NULL, &tab) < 0) return WF_NULL;
    if (!memchr(S->data, '\t', (size_t)S->len))
        return wf_is_exact_str(self) ? wf_ref(self) : str_str(vm, self);
    WfBuf b;
    wf_buf_init(&b);
    int64_t col = 0;
    const unsigned char *p = (const unsigned char *)S->data, *end = p + S->len;
    while (p < end) {
        unsigned char c = *p;
        if (c == '\t') {
            if (tab > 0) {
                int64_t k = tab - col % tab;
                for (int64_t i = 0; i < k; i++) wf_buf_putc(vm, &b, ' ');
                col += k;
            }
            p++;
        } else if (c == '\n' || c == '\r') {
            wf_buf_putc(vm, &b, (char)c);
            col = 0;
            p++;
        } else {
            int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            wf_buf_append(vm, &b, (const char *)p, (size_t)n);
            col++;
            p += n;
        }
    }
    return wf_buf_finish(vm, &b);
}

static WfValue do_remove(WfVM *vm, WfValue self, const char *name, const WfValue *args,
                         size_t nargs, WfObject *kwnames, bool suffix) {
    if (wf_args_check(vm, name, nargs, kwnames, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "%s() argument must be str, not %s", strchr(name, '.') + 1,
                             wf_type_name(args[0]));
    WfStr *x = WF_STR(args[0]);
    if (x->len > 0 && x->len <= S->len &&
        memcmp(suffix ? S->data + S->len - x->len : S->data, x->data, (size_t)x->len) == 0) {
        const char *p = suffix ? S->data : S->data + x->len;
        return subs(vm, S, p, (size_t)(S->len - x->len));
    }
    return wf_is_exact_str(self) ? wf_ref(self) : str_str(vm, self);
}

METHOD(str_removeprefix) { return do_remove(vm, self, "str.removeprefix", args, nargs, kwnames, false); }
METHOD(str_removesuffix) { return do_remove(vm, self, "str.removesuffix", args, nargs, kwnames, true); }

METHOD(str_format_spec) {
    if (wf_args_check(vm, "__format__", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "argument to __format__ must be str, not %s",
                             wf_type_name(args[0]));
    return wf_format(vm, self, args[0]);
}

METHOD(str_getnewargs) {
    if (wf_args_check(vm, "__getnewargs__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return wf_tuple_pack(vm, 1, self);
}

METHOD(str_len_method) {
    if (wf_args_check(vm, "__len__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return WF_INT(S->ncp);
}

static const WfMethodDef str_methods[] = {
    {"join", str_join, NULL, 0},
    {"split", str_split, NULL, 0},
    {"rsplit", str_rsplit, NULL, 0},
    {"strip", str_strip, NULL, 0},
    {"lstrip", str_lstrip, NULL, 0},
    {"rstrip", str_rstrip, NULL, 0},
    {"replace", str_replace, NULL, 0},
    {"find", str_find, NULL, 0},
    {"rfind", str_rfind, NULL, 0},
    {"index", str_index, NULL, 0},
    {"rindex", str_rindex, NULL, 0},
    {"count", str_count, NULL, 0},
    {"startswith", str_startswith, NULL, 0},
    {"endswith", str_endswith, NULL, 0},
    {"upper", str_upper, NULL, 0},
    {"lower", str_lower, NULL, 0},
    {"title", str_title, NULL, 0},
    {"capitalize", str_capitalize, NULL, 0},
    {"swapcase", str_swapcase, NULL, 0},
    {"casefold", str_casefold, NULL, 0},
    {"isdigit", str_isdigit, NULL, 0},
    {"isdecimal", str_isdecimal, NULL, 0},
    {"isnumeric", str_isnumeric, NULL, 0},
    {"isalpha", str_isalpha, NULL, 0},
    {"isalnum", str_isalnum, NULL, 0},
    {"isspace", str_isspace, NULL, 0},
    {"isupper", str_isupper, NULL, 0},
    {"islower", str_islower, NULL, 0},
    {"istitle", str_istitle, NULL, 0},
    {"isidentifier", str_isidentifier, NULL, 0},
    {"isascii", str_isascii, NULL, 0},
    {"isprintable", str_isprintable, NULL, 0},
    {"zfill", str_zfill, NULL, 0},
    {"center", str_center, NULL, 0},
    {"ljust", str_ljust, NULL, 0},
    {"rjust", str_rjust, NULL, 0},
    {"partition", str_partition, NULL, 0},
    {"rpartition", str_rpartition, NULL, 0},
    {"splitlines", str_splitlines, NULL, 0},
    {"format", wf_str_format_method, NULL, 0},
    {"format_map", wf_str_format_map_method, NULL, 0},
    {"expandtabs", str_expandtabs, NULL, 0},
    {"removeprefix", str_removeprefix, NULL, 0},
    {"removesuffix", str_removesuffix, NULL, 0},
    {"__format__", str_format_spec, NULL, 0},
    {"__getnewargs__", str_getnewargs, NULL, 0},
    {"__len__", str_len_method, NULL, 0},
    {NULL, NULL, NULL, 0}};

WfType wf_type_str = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "str",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_STR | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfStr),
    .itemsize = 1,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcmp = str_richcmp,
    .new_ = str_new,
    .iter = str_iter,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .truth = str_truth,
    .binop = {[WF_BIN_ADD] = str_add, [WF_BIN_MUL] = str_mul, [WF_BIN_MOD] = str_mod},
    .methods = str_methods,
    .doc = "str(object='') -> str",
};

/* format.c: string formatting. The format-spec mini-language (format(),
 * f-strings, str.format) is a port of CPython's formatter_unicode.c: the
 * spec parser, calc_number_widths / fill_number and the thousands
 * grouping, so padding, '=' alignment, zero fill through separators and
 * every error message match. `%` follows PyUnicode_Format (getnextarg,
 * the dict form, the sign/prefix/fill rules of unicode_format_arg_output),
 * and str.format follows unicode_format.h (MarkupIterator, field names,
 * auto numbering, nested specs two levels deep). Everything appends to one
 * WfBuf; only user __format__ methods and conversions make objects. */
#include <limits.h>
#include <string.h>
#include "floatobj.h"
#include "format.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

/* ---- the spec ------------------------------------------------------------------ */

enum { TS_NONE, TS_COMMA, TS_UNDERSCORE, TS_UNDER_FOUR, TS_LOCALE };

typedef struct Spec {
    char fill[4];
    int fill_len;
    bool fill_zero;              /* fill is '0' */
    char align;
    char sign;
    bool no_neg_0, alt;
    int thousands;               /* TS_* */
    int64_t width, precision;    /* -1: not given */
    uint32_t type;               /* 0: none */
} Spec;

static void bad_type_char(char *out, uint32_t type) {
    if (type > 32 && type < 128) snprintf(out, 16, "%c", (char)type);
    else snprintf(out, 16, "\\x%x", type);
}

static int unknown_code(WfVM *vm, uint32_t type, const char *tname) {
    char c[16];
    bad_type_char(c, type);
    wf_err_format(vm, &wf_exc_ValueError, "Unknown format code '%s' for object of type '%s'", c, tname);
    return -1;
}

static bool is_align(unsigned char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Decimal digits at *p; -1 with "Too many decimal digits" on overflow. */
static int get_integer(WfVM *vm, const char **p, const char *end, int64_t *out) {
    int64_t acc = 0;
    int n = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        int d = **p - '0';
        if (acc > (INT64_MAX - d) / 10) {
            wf_err_format(vm, &wf_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        (*p)++;
        n++;
    }
    *out = acc;
    return n;
}

/* CPython's parse_internal_render_format_spec (3.11, with 'z'). */
static int parse_spec(WfVM *vm, const char *s, size_t len, Spec *f, char default_type,
                      char default_align, const char *tname) {
    const char *p = s, *end = s + len;
    bool fill_given = false, align_given = false;
    f->fill[0] = ' ';
    f->fill_len = 1;
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = f->alt = false;
    f->thousands = TS_NONE;
    f->width = f->precision = -1;
    f->type = (unsigned char)default_type;
    int n = 1;
    if (p < end && (unsigned char)*p >= 0x80) wf_utf8_decode((const unsigned char *)p, &n);
    if (end - p >= n + 1 && is_align((unsigned char)p[n])) {
        memcpy(f->fill, p, (size_t)n);
        f->fill_len = n;
        f->align = p[n];
        fill_given = align_given = true;
        p += n + 1;
    } else if (p < end && is_align((unsigned char)*p)) {
        f->align = *p++;
        align_given = true;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) f->sign = *p++;
    if (p < end && *p == 'z') {
        f->no_neg_0 = true;
        p++;
    }
    if (p < end && *p == '#') {
        f->alt = true;
        p++;
    }
    if (!fill_given && p < end && *p == '0') {
        f->fill[0] = '0';
        f->fill_len = 1;
        if (!align_given && default_align == '>') f->align = '=';
        p++;
    }
    int k = get_integer(vm, &p, end, &f->width);
    if (k < 0) return -1;
    if (k == 0) f->width = -1;
    if (p < end && *p == ',') {
        f->thousands = TS_COMMA;
        p++;
    }
    if (p < end && *p == '_') {
        if (f->thousands != TS_NONE) goto both;
        f->thousands = TS_UNDERSCORE;
        p++;
    }
    if (p < end && *p == ',') goto both;
    if (p < end && *p == '.') {
        p++;
        k = get_integer(vm, &p, end, &f->precision);
        if (k < 0) return -1;
        if (k == 0) {
            wf_err_format(vm, &wf_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (p < end) {
        int tn = 1;
        uint32_t t = (unsigned char)*p;
        if (t >= 0x80) t = wf_utf8_decode((const unsigned char *)p, &tn);
        if (end - p > tn) {
            /* Built piece by piece: the spec may hold a NUL, where %s
             * would stop. */
            WfBuf b;
            wf_buf_init(&b);
            wf_buf_puts(vm, &b, "Invalid format specifier '");
            wf_buf_append(vm, &b, s, len);
            wf_buf_printf(vm, &b, "' for object of type '%s'", tname);
            WfValue msg = wf_buf_finish(vm, &b);
            if (!WF_IS_NULL(msg)) {
                wf_err_set_value(vm, &wf_exc_ValueError, msg);
                wf_decref(vm, msg);
            }
            return -1;
        }
        f->type = t;
    }
    f->fill_zero = f->fill_len == 1 && f->fill[0] == '0';
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == TS_UNDERSCORE) {
                f->thousands = TS_UNDER_FOUR;
                break;
            }
            /* fall through */
        default: {
            char c[16];
            bad_type_char(c, f->type);
            wf_err_format(vm, &wf_exc_ValueError, "Cannot specify ',' with '%s'.", c);
            return -1;
        }
        }
    }
    return 0;
both:
    wf_err_format(vm, &wf_exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

/* ---- layout ------------------------------------------------------------------------ */

static bool put_fill(WfVM *vm, WfBuf *b, const Spec *f, int64_t n) {
    if (n <= 0) return true;
    if (f->fill_len == 1) {
        for (int64_t i = 0; i < n; i++) wf_buf_putc(vm, b, f->fill[0]);
        return !b->failed;
    }
    for (int64_t i = 0; i < n; i++) wf_buf_append(vm, b, f->fill, (size_t)f->fill_len);
    return !b->failed;
}

static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

/* CPython's _PyUnicode_InsertThousandsGrouping: the digits with
 * separators every `group` (0: none), zero-padded on the left until
 * min_width is reached, never starting with a separator. Writes
 * backwards from out_end when it is not NULL; returns the length. */
static int64_t group_digits(char *out_end, const char *digits, int64_t n_digits,
                            int64_t min_width, int group, char sep) {
    if (min_width < 0) min_width = 0;
    int64_t count = 0, remaining = n_digits, dpos = n_digits;
    bool use_sep = false, broken = false;
    int sep_len = group ? 1 : 0;
#define FILL(nz, nc) \
    do { \
        count += (use_sep ? sep_len : 0) + (nz) + (nc); \
        if (out_end) { \
            if (use_sep && sep_len) *--out_end = sep; \
            dpos -= (nc); \
            out_end -= (nc); \
            memcpy(out_end, digits + dpos, (size_t)(nc)); \
            out_end -= (nz); \
            memset(out_end, '0', (size_t)(nz)); \
        } \
    } while (0)
    if (group > 0) {
        for (;;) {
            int64_t len = min64(group, max64(max64(remaining, min_width), 1));
            int64_t nz = max64(0, len - remaining), nc = max64(0, min64(remaining, len));
            FILL(nz, nc);
            use_sep = true;
            remaining -= nc;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if (!broken) {
        int64_t len = max64(max64(remaining, min_width), 1);
        int64_t nz = max64(0, len - remaining), nc = max64(0, min64(remaining, len));
        FILL(nz, nc);
    }
#undef FILL
    return count;
}

static void upper_ascii(char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') s[i] = (char)(s[i] - 32);
}

/* CPython's calc_number_widths + fill_number:
 * [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]. */
static bool write_number(WfVM *vm, WfBuf *b, const Spec *f, char sign_char, const char *prefix,
                         int n_prefix, const char *digits, int64_t n_digits, bool has_decimal,
                         const char *rem, size_t rem_bytes, int64_t rem_chars, bool upper) {
    char sign = 0;
    if (f->sign == '+') sign = sign_char == '-' ? '-' : '+';
    else if (f->sign == ' ') sign = sign_char == '-' ? '-' : ' ';
    else if (sign_char == '-') sign = '-';
    int64_t non_digit = (sign != 0) + n_prefix + has_decimal + rem_chars;
    int64_t min_width = f->fill_zero && f->align == '=' ? f->width - non_digit : 0;
    int group = 0;
    char sep = 0;
    if (f->thousands == TS_COMMA || f->thousands == TS_UNDERSCORE) group = 3;
    else if (f->thousands == TS_UNDER_FOUR) group = 4;
    if (group) sep = f->thousands == TS_COMMA ? ',' : '_';
    int64_t n_grouped = n_digits == 0 ? 0 : group_digits(NULL, digits, n_digits, min_width, group, sep);
    int64_t pad = f->width - (non_digit + n_grouped), lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (f->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    put_fill(vm, b, f, lpad);
    if (sign) wf_buf_putc(vm, b, sign);
    if (n_prefix) {
        char pre[2] = {prefix[0], prefix[1]};
        if (upper) upper_ascii(pre, 2);
        wf_buf_append(vm, b, pre, (size_t)n_prefix);
    }
    put_fill(vm, b, f, spad);
    if (n_grouped) {
        char small[128];
        char *tmp = n_grouped <= (int64_t)sizeof small ? small : wf_mem_alloc(vm, (size_t)n_grouped);
        if (!tmp) {
            b->failed = true;
            return false;
        }
        group_digits(tmp + n_grouped, digits, n_digits, min_width, group, sep);
        if (upper) upper_ascii(tmp, (size_t)n_grouped);
        wf_buf_append(vm, b, tmp, (size_t)n_grouped);
        if (tmp != small) wf_mem_free(vm, tmp);
    }
    if (has_decimal) wf_buf_putc(vm, b, '.');
    if (rem_bytes) wf_buf_append(vm, b, rem, rem_bytes);
    put_fill(vm, b, f, rpad);
    return !b->failed;
}

/* ---- str ------------------------------------------------------------------------------- */

static bool format_str(WfVM *vm, WfBuf *b, const char *s, size_t len, int64_t ncp, Spec *f) {
    if (f->sign) {
        wf_err_format(vm, &wf_exc_ValueError, f->sign == ' '
                      ? "Space not allowed in string format specifier"
                      : "Sign not allowed in string format specifier");
        return false;
    }
    if (f->no_neg_0) {
        wf_err_format(vm, &wf_exc_ValueError,
                      "Negative zero coercion (z) not allowed in string format specifier");
        return false;
    }
    if (f->alt) {
        wf_err_format(vm, &wf_exc_ValueError,
                      "Alternate form (#) not allowed in string format specifier");
        return false;
    }
    if (f->align == '=') {
        wf_err_format(vm, &wf_exc_ValueError, "'=' alignment not allowed in string format specifier");
        return false;
    }
    if (f->precision >= 0 && ncp > f->precision) {
        /* Cut at a code point boundary. */
        size_t cut = 0;
        int64_t k = 0;
        while (cut < len && k < f->precision) {
            unsigned char c = (unsigned char)s[cut];
            cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            k++;
        }
        len = cut;
        ncp = f->precision;
    }
    int64_t pad = f->width > ncp ? f->width - ncp : 0, lpad = 0;
    if (f->align == '>') lpad = pad;
    else if (f->align == '^') lpad = pad / 2;
    put_fill(vm, b, f, lpad);
    wf_buf_append(vm, b, s, len);
    put_fill(vm, b, f, pad - lpad);
    return !b->failed;
}

/* ---- int ------------------------------------------------------------------------------- */

static bool format_float_value(WfVM *vm, WfBuf *b, double val, Spec *f);

/* |v| in base (lower case) into a funnel buffer the caller frees. */
static char *abs_digits(WfVM *vm, WfValue v, int base, size_t *len) {
    if (v.tag != WF_TAG_OBJ) {
        char tmp[72];
        uint64_t a = v.u.i < 0 ? -(uint64_t)v.u.i : (uint64_t)v.u.i;
        int n = 0;
        do {
            tmp[n++] = "0123456789abcdef"[a % (unsigned)base];
            a /= (unsigned)base;
        } while (a);
        char *out = wf_mem_alloc(vm, (size_t)n + 1);
        if (!out) return NULL;
        for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
        out[n] = 0;
        *len = (size_t)n;
        return out;
    }
    mpz_srcptr z = WF_BIGINT(v)->z;
    size_t est = mpz_sizeinbase(z, base);
    if (base == 10 && est > WF_INT_MAX_STR_DIGITS + 1) goto limit;
    char *out = wf_mem_alloc(vm, est + 3);
    if (!out) return NULL;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(out, base, a);
    mpz_clear(a);
    *len = strlen(out);
    if (base == 10 && *len > WF_INT_MAX_STR_DIGITS) {
        wf_mem_free(vm, out);
        goto limit;
    }
    return out;
limit:
    wf_err_format(vm, &wf_exc_ValueError,
                  "Exceeds the limit (%d digits) for integer string conversion; use "
                  "sys.set_int_max_str_digits() to increase the limit",
                  WF_INT_MAX_STR_DIGITS);
    return NULL;
}

static bool format_int(WfVM *vm, WfBuf *b, WfValue v, Spec *f, const char *tname) {
    switch (f->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        bool ovf;
        double d = wf_int_as_double(vm, v, &ovf);
        if (ovf) {
            wf_err_format(vm, &wf_exc_OverflowError, "int too large to convert to float");
            return false;
        }
        return format_float_value(vm, b, d, f);
    }
    default:
        unknown_code(vm, f->type, tname);
        return false;
    }
    if (f->precision != -1) {
        wf_err_format(vm, &wf_exc_ValueError, "Precision not allowed in integer format specifier");
        return false;
    }
    if (f->no_neg_0) {
        wf_err_format(vm, &wf_exc_ValueError,
                      "Negative zero coercion (z) not allowed in integer format specifier");
        return false;
    }
    if (f->type == 'c') {
        if (f->sign) {
            wf_err_format(vm, &wf_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return false;
        }
        if (f->alt) {
            wf_err_format(vm, &wf_exc_ValueError,
                          "Alternate form (#) not allowed with integer format specifier 'c'");
            return false;
        }
        int64_t x;
        if (wf_int_as_i64(vm, v, &x) < 0) return false;
        if (x < 0 || x > 0x10FFFF) {
            wf_err_format(vm, &wf_exc_OverflowError, "%%c arg not in range(0x110000)");
            return false;
        }
        char ch[4];
        int n = wf_utf8_encode((uint32_t)x, ch);
        return write_number(vm, b, f, 0, NULL, 0, NULL, 0, false, ch, (size_t)n, 1, false);
    }
    int base = 10;
    const char *prefix = NULL;
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    bool neg = wf_int_sign(v) < 0;
    size_t nd;
    char *digits = abs_digits(vm, v, base, &nd);
    if (!digits) {
        b->failed = true;
        return false;
    }
    bool upper = f->type == 'X';
    bool ok;
    if (f->sign != '+' && f->sign != ' ' && f->width == -1 && !upper && f->type != 'n' &&
        !f->thousands) {
        if (neg) wf_buf_putc(vm, b, '-');
        if (f->alt && prefix) wf_buf_append(vm, b, prefix, 2);
        ok = wf_buf_append(vm, b, digits, nd);
    } else {
        ok = write_number(vm, b, f, neg ? '-' : 0, prefix, f->alt && prefix ? 2 : 0, digits,
                          (int64_t)nd, false, NULL, 0, 0, upper);
    }
    wf_mem_free(vm, digits);
    return ok;
}

/* ---- float ------------------------------------------------------------------------------ */

static bool format_float_value(WfVM *vm, WfBuf *b, double val, Spec *f) {
    if (f->precision > INT_MAX) {
        wf_err_format(vm, &wf_exc_ValueError, "precision too big");
        return false;
    }
    uint32_t type = f->type;
    int prec = (int)f->precision, default_prec = 6;
    unsigned flags = f->alt ? WF_DTSF_ALT : 0;
    bool pct = false;
    if (type == 0) {
        flags |= WF_DTSF_ADD_DOT_0;
        type = 'r';
        default_prec = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        pct = true;
    }
    if (prec < 0) prec = default_prec;
    else if (type == 'r') type = 'g';
    if (f->no_neg_0) flags |= WF_DTSF_NO_NEG_0;
    if (f->sign != '+' && f->sign != ' ' && f->width == -1 && f->type != 'n' && !f->thousands) {
        if (!wf_float_buf_format(vm, b, val, (char)type, prec, flags)) return false;
        return !pct || wf_buf_putc(vm, b, '%');
    }
    WfBuf t;
    wf_buf_init(&t);
    if (!wf_float_buf_format(vm, &t, val, (char)type, prec, flags) ||
        (pct && !wf_buf_putc(vm, &t, '%'))) {
        wf_buf_free(vm, &t);
        b->failed = true;
        return false;
    }
    const char *s = t.data, *end = t.data + t.len;
    char sign = 0;
    if (*s == '-') {
        sign = '-';
        s++;
    }
    const char *d = s;
    while (d < end && *d >= '0' && *d <= '9') d++;
    bool has_decimal = d < end && *d == '.';
    const char *rem = has_decimal ? d + 1 : d;
    bool ok = write_number(vm, b, f, sign, NULL, 0, s, d - s, has_decimal, rem,
                           (size_t)(end - rem), end - rem, false);
    wf_buf_free(vm, &t);
    return ok;
}

/* ---- dispatch ------------------------------------------------------------------------------ */

/* A __format__ defined by a user class (heap types in the MRO), or
 * WF_NULL. Borrowed. */
static WfValue user_format(WfVM *vm, WfType *t) {
    WfObject *key = wf_str_intern_cstr(vm, "__format__");
    if (!key) return WF_NULL;
    if (t->mro) {
        WfTuple *mro = (WfTuple *)t->mro;
        for (size_t i = 0; i < mro->n; i++) {
            WfType *m = (WfType *)mro->items[i].u.o;
            if (!(m->flags & WF_TPFLAG_HEAPTYPE) || !m->dict) continue;
            WfValue f = wf_dict_get_str(WF_OBJ(m->dict), key);
            if (!WF_IS_NULL(f)) return f;
        }
        return WF_NULL;
    }
    for (; t && (t->flags & WF_TPFLAG_HEAPTYPE); t = t->base) {
        if (!t->dict) continue;
        WfValue f = wf_dict_get_str(WF_OBJ(t->dict), key);
        if (!WF_IS_NULL(f)) return f;
    }
    return WF_NULL;
}

static bool call_user_format(WfVM *vm, WfBuf *b, WfValue fn, WfValue value, const char *spec,
                             size_t slen) {
    WfValue sv = wf_str_new(vm, spec, slen);
    if (WF_IS_NULL(sv)) {
        b->failed = true;
        return false;
    }
    WfValue args[2] = {value, sv};
    WfValue r = wf_call(vm, fn, args, 2, NULL);
    wf_decref(vm, sv);
    if (WF_IS_NULL(r)) {
        b->failed = true;
        return false;
    }
    if (!wf_is_str(r)) {
        wf_err_format(vm, &wf_exc_TypeError, "__format__ must return a str, not %s", wf_type_name(r));
        wf_decref(vm, r);
        b->failed = true;
        return false;
    }
    bool ok = wf_buf_append(vm, b, WF_STR(r)->data, (size_t)WF_STR(r)->len);
    wf_decref(vm, r);
    return ok;
}

bool wf_format_buf(WfVM *vm, WfBuf *b, WfValue value, const char *spec, size_t slen) {
    if (b->failed) return false;
    WfType *t = wf_type_of(value);
    if (t->flags & WF_TPFLAG_HEAPTYPE) {
        WfValue fn = user_format(vm, t);
        if (!WF_IS_NULL(fn)) return call_user_format(vm, b, fn, value, spec, slen);
        if (wf_err_occurred(vm)) {
            b->failed = true;
            return false;
        }
    }
    if (slen == 0) {
        if (wf_is_exact_str(value))
            return wf_buf_append(vm, b, WF_STR(value)->data, (size_t)WF_STR(value)->len);
        if (value.tag == WF_TAG_INT || (t == &wf_type_int && value.tag == WF_TAG_OBJ))
            return wf_int_buf_decimal(vm, b, value);
        return wf_buf_append_str(vm, b, value);
    }
    Spec f;
    bool ok;
    if (wf_is_str(value)) {
        if (parse_spec(vm, spec, slen, &f, 's', '<', t->name) < 0) goto fail;
        if (f.type != 's') {
            unknown_code(vm, f.type, t->name);
            goto fail;
        }
        WfStr *s = WF_STR(value);
        return format_str(vm, b, s->data, (size_t)s->len, s->ncp, &f);
    }
    if (wf_is_int(value)) {
        if (parse_spec(vm, spec, slen, &f, 'd', '>', t->name) < 0) goto fail;
        return format_int(vm, b, value, &f, t->name);
    }
    if (wf_is_float(value)) {
        if (parse_spec(vm, spec, slen, &f, 0, '>', t->name) < 0) goto fail;
        switch (f.type) {
        case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
            ok = format_float_value(vm, b, wf_float_value(value), &f);
            if (!ok) b->failed = true;
            return ok;
        default:
            unknown_code(vm, f.type, t->name);
            goto fail;
        }
    }
    wf_err_format(vm, &wf_exc_TypeError, "unsupported format string passed to %s.__format__",
                  t->name);
fail:
    b->failed = true;
    return false;
}

WfValue wf_format(WfVM *vm, WfValue value, WfValue spec) {
    if (!wf_is_str(spec))
        return wf_err_format(vm, &wf_exc_TypeError, "format() argument 2 must be str, not %s",
                             wf_type_name(spec));
    WfStr *sp = WF_STR(spec);
    if (sp->len == 0 && !(wf_type_of(value)->flags & WF_TPFLAG_HEAPTYPE)) {
        /* The f-string fast path: str(value) without a buffer. */
        if (wf_is_exact_str(value)) return wf_ref(value);
        if (value.tag == WF_TAG_INT) return wf_int_repr(vm, value);
        return wf_to_str(vm, value);
    }
    WfBuf b;
    wf_buf_init(&b);
    if (!wf_format_buf(vm, &b, value, sp->data, (size_t)sp->len)) {
        wf_buf_free(vm, &b);
        return WF_NULL;
    }
    return wf_buf_finish(vm, &b);
}

/* ---- result builder --------------------------------------------------------------------- */

/* The result of % and str.format under construction: the first bytes
 * live on the stack, so a typical result costs one allocation (the str
 * itself) and no scan when every piece is known to be ASCII. */
typedef struct SB {
    char *p;
    size_t len, cap;
    bool failed, ascii;
    char inl[256];
} SB;

static void sb_init(SB *s) {
    s->p = s->inl;
    s->len = 0;
    s->cap = sizeof s->inl;
    s->failed = false;
    s->ascii = true;
}

static void sb_free(WfVM *vm, SB *s) {
    if (s->p != s->inl) wf_mem_free(vm, s->p);
    s->p = s->inl;
}

static bool sb_grow(WfVM *vm, SB *s, size_t need) {
    size_t cap = s->cap * 2;
    while (cap < need) cap *= 2;
    char *np;
    if (s->p == s->inl) {
        np = wf_mem_alloc(vm, cap);
        if (np) memcpy(np, s->inl, s->len);
    } else {
        np = wf_mem_realloc(vm, s->p, cap);
    }
    if (!np) {
        s->failed = true;
        return false;
    }
    s->p = np;
    s->cap = cap;
    return true;
}

/* ascii: the bytes are known to be ASCII (false: unknown). */
static inline bool sb_put(WfVM *vm, SB *s, const char *d, size_t n, bool ascii) {
    if (s->failed) return false;
    if (s->len + n > s->cap && !sb_grow(vm, s, s->len + n)) return false;
    wf_copy_bytes(s->p + s->len, d, n);
    s->len += n;
    s->ascii &= ascii;
    return true;
}

static inline bool sb_putc(WfVM *vm, SB *s, char c) {
    if (s->failed) return false;
    if (s->len + 1 > s->cap && !sb_grow(vm, s, s->len + 1)) return false;
    s->p[s->len++] = c;
    s->ascii &= (unsigned char)c < 0x80;
    return true;
}

static bool all_ascii(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] >= 0x80) return false;
    return true;
}

/* Moves a scratch WfBuf's text into s and resets the buffer. */
static bool sb_take(WfVM *vm, SB *s, WfBuf *t) {
    if (t->failed) {
        s->failed = true;
        return false;
    }
    bool ok = sb_put(vm, s, t->data ? t->data : "", t->len, all_ascii(t->data, t->len));
    t->len = 0;
    return ok;
}

static WfValue sb_finish(WfVM *vm, SB *s) {
    WfValue r = WF_NULL;
    if (!s->failed)
        r = s->ascii ? wf_str_from_ascii(vm, s->p, s->len) : wf_str_new(vm, s->p, s->len);
    sb_free(vm, s);
    return r;
}

/* Appends str(v) for the field fast paths: an exact str or a small int
 * with an empty spec. false when v is neither (nothing appended). */
static bool sb_put_simple(WfVM *vm, SB *s, WfValue v) {
    if (wf_is_exact_str(v)) {
        sb_put(vm, s, WF_STR(v)->data, (size_t)WF_STR(v)->len, WF_STR(v)->ascii);
        return true;
    }
    if (v.tag == WF_TAG_INT) {
        char buf[24], *p = wf_int_i64_to_dec(v.u.i, buf + sizeof buf);
        sb_put(vm, s, p, (size_t)(buf + sizeof buf - p), true);
        return true;
    }
    return false;
}

/* ---- one-allocation fast paths ---------------------------------------------------------- */

/* The templates programs mostly use ("%s/%d" % (a, b), "{}|{}".format(a,
 * b)) only join literal text with exact strs and small ints. Those are
 * measured first and built straight into one str of the right size: no
 * builder, no second copy, no ASCII scan. Anything else (a spec, a flag,
 * another type, an error) goes to the general path, which starts over. */
#define FAST_PIECES 17
#define FAST_NUMS 8

typedef struct Pieces {
    const char *p[FAST_PIECES];
    size_t n[FAST_PIECES];
    int count, nums;
    size_t len;
    bool ascii;
    char num[FAST_NUMS][24];
} Pieces;

static void pieces_init(Pieces *ps, bool ascii) {
    ps->count = ps->nums = 0;
    ps->len = 0;
    ps->ascii = ascii;
}

static inline bool pieces_add(Pieces *ps, const char *p, size_t n) {
    if (n == 0) return true;
    if (ps->count == FAST_PIECES) return false;
    ps->p[ps->count] = p;
    ps->n[ps->count++] = n;
    ps->len += n;
    return true;
}

/* str(v) for an exact str or a small int; false for anything else. */
static inline bool pieces_value(Pieces *ps, WfValue v, bool str_ok) {
    if (str_ok && wf_is_exact_str(v)) {
        ps->ascii &= WF_STR(v)->ascii;
        return pieces_add(ps, WF_STR(v)->data, (size_t)WF_STR(v)->len);
    }
    if (v.tag != WF_TAG_INT || ps->nums == FAST_NUMS) return false;
    char *end = ps->num[ps->nums] + sizeof ps->num[0];
    char *p = wf_int_i64_to_dec(v.u.i, end);
    ps->nums++;
    return pieces_add(ps, p, (size_t)(end - p));
}

static WfValue pieces_finish(WfVM *vm, Pieces *ps) {
    if (ps->len <= 1) {
        /* The shared empty and one-character strs. */
        if (ps->len == 0) return wf_str_from_ascii(vm, "", 0);
        return wf_str_new(vm, ps->p[0], 1);
    }
    WfStr *r = wf_str_raw(vm, ps->len);
    if (!r) return WF_NULL;
    char *o = r->data;
    for (int i = 0; i < ps->count; i++) {
        wf_copy_bytes(o, ps->p[i], ps->n[i]);
        o += ps->n[i];
    }
    return wf_str_seal(r, ps->ascii ? (int64_t)ps->len : -1);
}

/* fmt % args when every conversion is %s, %d, %i or %u without flags,
 * width or precision, and args supply exactly those values: true with the
 * result (WF_NULL on MemoryError) in *out. false: the general path must
 * do it. */
static bool pct_fast(WfVM *vm, WfStr *fs, WfValue args, WfValue *out) {
    const WfValue *vals;
    size_t nvals;
    if (wf_is_tuple(args)) {
        vals = WF_TUPLE(args)->items;
        nvals = WF_TUPLE(args)->n;
    } else if (wf_is_exact_str(args) || args.tag == WF_TAG_INT) {
        vals = &args;
        nvals = 1;
    } else {
        return false;
    }
    Pieces ps;
    pieces_init(&ps, fs->ascii);
    const char *s = fs->data, *end = s + fs->len;
    size_t used = 0;
    while (s < end) {
        const char *pct = wf_find_byte(s, '%', (size_t)(end - s));
        if (!pct) {
            if (!pieces_add(&ps, s, (size_t)(end - s))) return false;
            break;
        }
        if (pct + 1 == end || !pieces_add(&ps, s, (size_t)(pct - s))) return false;
        char ch = pct[1];
        s = pct + 2;
        if (ch == '%') {
            if (!pieces_add(&ps, pct, 1)) return false;
            continue;
        }
        if ((ch != 's' && ch != 'd' && ch != 'i' && ch != 'u') || used == nvals ||
            !pieces_value(&ps, vals[used++], ch == 's'))
            return false;
    }
    if (used != nvals) return false;
    *out = pieces_finish(vm, &ps);
    return true;
}

/* str.format with positional "{}" or "{N}" fields only (no conversion,
 * no spec) of exact strs and small ints; returns as pct_fast does. */
static bool format_fast(WfVM *vm, WfStr *fs, const WfValue *args, size_t nargs, WfValue *out) {
    Pieces ps;
    pieces_init(&ps, fs->ascii);
    const char *s = fs->data, *end = s + fs->len;
    int numbering = 0;           /* 1: automatic, 2: manual */
    size_t next = 0;
    while (s < end) {
        const char *q = s;
        while (q < end && *q != '{' && *q != '}') q++;
        if (!pieces_add(&ps, s, (size_t)(q - s))) return false;
        if (q == end) break;
        if (q + 1 < end && q[1] == *q) {
            /* "{{" or "}}": one literal brace. */
            if (!pieces_add(&ps, q, 1)) return false;
            s = q + 2;
            continue;
        }
        if (*q == '}') return false;
        const char *f = ++q;
        size_t idx = 0;
        while (q < end && *q >= '0' && *q <= '9' && q - f < 6) idx = idx * 10 + (size_t)(*q++ - '0');
        if (q == end || *q != '}') return false;
        int kind = q == f ? 1 : 2;
        if (numbering && numbering != kind) return false;
        numbering = kind;
        if (kind == 1) idx = next++;
        if (idx >= nargs || !pieces_value(&ps, args[idx], true)) return false;
        s = q + 1;
    }
    *out = pieces_finish(vm, &ps);
    return true;
}

/* ---- printf-style % ---------------------------------------------------------------------- */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct PctArg {
    int flags;
    int64_t width, prec;
    int conv;
    bool sign;                   /* numeric: sign and prefix handling apply */
} PctArg;

typedef struct PctCtx {
    WfValue args;                /* what getnextarg reads: the tuple, the single
                                    value, or the value of a %(key) */
    int64_t arglen, argidx;
    WfValue dict;                /* mapping argument or WF_NULL */
} PctCtx;

static WfValue next_arg(WfVM *vm, PctCtx *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        if (c->arglen < 0) return c->args;
        return WF_TUPLE(c->args)->items[i];
    }
    return wf_err_format(vm, &wf_exc_TypeError, "not enough arguments for format string");
}

/* CPython's unicode_format_arg_output: sign, 0x prefix, fill and width
 * rules. len/nchars: bytes and code points of str. */
static void pct_output(WfVM *vm, SB *b, PctArg *a, const char *s, size_t len, int64_t nchars) {
    if ((a->width == -1 || a->width <= nchars) && (a->prec == -1 || a->prec >= nchars) &&
        !(a->flags & (F_SIGN | F_BLANK))) {
        sb_put(vm, b, s, len, false);
        return;
    }
    if (a->conv == 's' || a->conv == 'r' || a->conv == 'a') {
        if (a->prec >= 0 && nchars > a->prec) {
            size_t cut = 0;
            for (int64_t k = 0; k < a->prec; k++) {
                unsigned char c = (unsigned char)s[cut];
                cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            }
            len = cut;
            nchars = a->prec;
        }
    }
    char signchar = 0;
    bool sign = a->sign;
    char fill = sign && (a->flags & F_ZERO) ? '0' : ' ';
    if (sign) {
        if (s[0] == '-' || s[0] == '+') {
            signchar = s[0];
            s++;
            len--;
            nchars--;
        } else if (a->flags & F_SIGN) {
            signchar = '+';
        } else if (a->flags & F_BLANK) {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    int64_t width = a->width < nchars ? nchars : a->width;
    if (sign) {
        if (fill != ' ') sb_putc(vm, b, signchar);
        if (width > nchars) width--;
    }
    bool prefix = (a->flags & F_ALT) && (a->conv == 'x' || a->conv == 'X' || a->conv == 'o');
    if (prefix) {
        if (fill != ' ') {
            sb_put(vm, b, s, 2, true);
            s += 2;
        }
        width -= 2;
        if (width < 0) width = 0;
        nchars -= 2;
        len -= 2;
    }
    if (width > nchars && !(a->flags & F_LJUST)) {
        for (int64_t i = 0; i < width - nchars; i++) sb_putc(vm, b, fill);
        width = nchars;
    }
    if (fill == ' ') {
        if (sign) sb_putc(vm, b, signchar);
        if (prefix) {
            sb_put(vm, b, s, 2, true);
            s += 2;
        }
    }
    sb_put(vm, b, s, len, false);
    for (int64_t i = nchars; i < width; i++) sb_putc(vm, b, ' ');
}

/* %d %i %u %o %x %X: the text of the integer with its sign, alternate
 * prefix and precision zeros (CPython's _PyUnicode_FormatLong). */
static bool pct_long(WfVM *vm, WfBuf *t, WfValue v, PctArg *a) {
    int type = a->conv;
    WfValue iv = WF_NULL;
    if (wf_is_int(v)) {
        iv = wf_ref(v);
    } else {
        WfType *ty = wf_type_of(v);
        bool number = wf_is_float(v) || ty->index || ty->to_int || ty->to_float;
        if (!number) goto wrongtype;
        if (type == 'o' || type == 'x' || type == 'X') {
            if (!ty->index) goto wrongtype;
            iv = ty->index(vm, v);
        } else if (wf_is_float(v)) {
            iv = wf_int_from_double(vm, wf_float_value(v));
        } else {
            WfUnaryFn fn = ty->to_int ? ty->to_int : ty->index;
            if (!fn) goto wrongtype;
            iv = fn(vm, v);
        }
        if (WF_IS_NULL(iv)) {
            if (wf_err_matches(vm, &wf_exc_TypeError)) {
                wf_err_clear(vm);
                goto wrongtype;
            }
            return false;
        }
    }
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    size_t nd;
    char *digits = abs_digits(vm, iv, base, &nd);
    bool neg = wf_int_sign(iv) < 0;
    wf_decref(vm, iv);
    if (!digits) return false;
    if (neg) wf_buf_putc(vm, t, '-');
    if ((a->flags & F_ALT) && base != 10) {
        wf_buf_putc(vm, t, '0');
        wf_buf_putc(vm, t, (char)type);
    }
    for (int64_t i = (int64_t)nd; i < a->prec; i++) wf_buf_putc(vm, t, '0');
    if (type == 'X') upper_ascii(digits, nd);
    wf_buf_append(vm, t, digits, nd);
    wf_mem_free(vm, digits);
    return !t->failed;
wrongtype:
    if (type == 'o' || type == 'x' || type == 'X')
        wf_err_format(vm, &wf_exc_TypeError, "%%%c format: an integer is required, not %s", type,
                      wf_type_name(v));
    else
        wf_err_format(vm, &wf_exc_TypeError, "%%%c format: a real number is required, not %s", type,
                      wf_type_name(v));
    return false;
}

/* float(v) as PyFloat_AsDouble does it for %-formatting. */
static int pct_double(WfVM *vm, WfValue v, double *out) {
    int rc = wf_float_as_double(vm, v, out);
    if (rc <= 0) return rc;
    WfType *t = wf_type_of(v);
    WfUnaryFn fn = t->to_float ? t->to_float : t->index;
    if (fn) {
        WfValue r = fn(vm, v);
        if (WF_IS_NULL(r)) return -1;
        rc = wf_float_as_double(vm, r, out);
        wf_decref(vm, r);
        if (rc <= 0) return rc;
    }
    wf_err_format(vm, &wf_exc_TypeError, "must be real number, not %s", wf_type_name(v));
    return -1;
}

static int star_arg(WfVM *vm, PctCtx *c, int64_t *out) {
    WfValue v = next_arg(vm, c);
    if (WF_IS_NULL(v)) return -1;
    if (!wf_is_int(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "* wants int");
        return -1;
    }
    if (wf_is_bigint(v) && !mpz_fits_slong_p(WF_BIGINT(v)->z)) {
        wf_err_format(vm, &wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return wf_int_as_i64(vm, v, out);
}

static __attribute__((noinline)) WfValue str_mod_general(WfVM *vm, WfValue fmtv, WfValue args);

WfValue wf_str_mod(WfVM *vm, WfValue fmtv, WfValue args) {
    WfValue fast;
    if (pct_fast(vm, WF_STR(fmtv), args, &fast)) return fast;
    return str_mod_general(vm, fmtv, args);
}

/* PyUnicode_Format. */
static WfValue str_mod_general(WfVM *vm, WfValue fmtv, WfValue args) {
    WfStr *fs = WF_STR(fmtv);
    const char *start = fs->data, *s = start, *end = s + fs->len;
    PctCtx c;
    bool tuple = wf_is_tuple(args);
    c.args = args;
    c.arglen = tuple ? (int64_t)WF_TUPLE(args)->n : -1;
    c.argidx = tuple ? 0 : -2;
    c.dict = !tuple && !wf_is_str(args) && wf_type_of(args)->getitem ? args : WF_NULL;
    WfValue keyed = WF_NULL;     /* owned value of the current %(key) */
    bool lit_ascii = fs->ascii;
    SB b;
    WfBuf t;
    sb_init(&b);
    wf_buf_init(&t);
    while (s < end) {
        const char *pct = memchr(s, '%', (size_t)(end - s));
        if (!pct) {
            sb_put(vm, &b, s, (size_t)(end - s), lit_ascii);
            break;
        }
        sb_put(vm, &b, s, (size_t)(pct - s), lit_ascii);
        const char *p = pct + 1;
        if (p < end && *p == '%') {
            sb_putc(vm, &b, '%');
            s = p + 1;
            continue;
        }
        PctArg a = {.flags = 0, .width = -1, .prec = -1, .conv = 0, .sign = false};
        if (p < end && *p == '(') {
            if (WF_IS_NULL(c.dict)) {
                wf_err_format(vm, &wf_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            int depth = 1;
            const char *ks = ++p;
            while (depth > 0 && p < end) {
                if (*p == ')') depth--;
                else if (*p == '(') depth++;
                p++;
            }
            if (depth > 0) {
                wf_err_format(vm, &wf_exc_ValueError, "incomplete format key");
                goto fail;
            }
            WfValue key = wf_str_new(vm, ks, (size_t)(p - 1 - ks));
            if (WF_IS_NULL(key)) goto fail;
            keyed = wf_getitem(vm, c.dict, key);
            wf_decref(vm, key);
            if (WF_IS_NULL(keyed)) goto fail;
            c.args = keyed;
            c.arglen = -1;
            c.argidx = -2;
        }
#define NEXT() (p < end ? (int)(unsigned char)*p++ : -1)
        int ch = NEXT();
        for (;; ch = NEXT()) {
            if (ch == '-') a.flags |= F_LJUST;
            else if (ch == '+') a.flags |= F_SIGN;
            else if (ch == ' ') a.flags |= F_BLANK;
            else if (ch == '#') a.flags |= F_ALT;
            else if (ch == '0') a.flags |= F_ZERO;
            else break;
        }
        if (ch == '*') {
            if (star_arg(vm, &c, &a.width) < 0) goto fail;
            if (a.width < 0) {
                a.flags |= F_LJUST;
                a.width = -a.width;
            }
            ch = NEXT();
        } else if (ch >= '0' && ch <= '9') {
            a.width = ch - '0';
            while ((ch = NEXT()) >= '0' && ch <= '9') {
                if (a.width > (INT64_MAX - (ch - '0')) / 10) {
                    wf_err_format(vm, &wf_exc_ValueError, "width too big");
                    goto fail;
                }
                a.width = a.width * 10 + (ch - '0');
            }
        }
        if (ch == '.') {
            a.prec = 0;
            ch = NEXT();
            if (ch == '*') {
                if (star_arg(vm, &c, &a.prec) < 0) goto fail;
                if (a.prec < 0) a.prec = 0;
                ch = NEXT();
            } else if (ch >= '0' && ch <= '9') {
                a.prec = ch - '0';
                while ((ch = NEXT()) >= '0' && ch <= '9') {
                    if (a.prec > (INT_MAX - (ch - '0')) / 10) {
                        wf_err_format(vm, &wf_exc_ValueError, "precision too big");
                        goto fail;
                    }
                    a.prec = a.prec * 10 + (ch - '0');
                }
            }
        }
        if (ch == 'h' || ch == 'l' || ch == 'L') ch = NEXT();
#undef NEXT
        if (ch < 0) {
            wf_err_format(vm, &wf_exc_ValueError, "incomplete format");
            goto fail;
        }
        a.conv = ch;
        WfValue v = next_arg(vm, &c);
        if (WF_IS_NULL(v)) goto fail;
        if (a.width == -1 && a.prec == -1 && !(a.flags & (F_SIGN | F_BLANK))) {
            /* The common "%s" of a str and "%d" of a small int: straight
             * into the result. */
            if ((ch == 's' && wf_is_exact_str(v)) ||
                (v.tag == WF_TAG_INT && (ch == 's' || ch == 'd' || ch == 'i' || ch == 'u' || ch == 'r'))) {
                sb_put_simple(vm, &b, v);
                goto next;
            }
        }
        t.len = 0;
        int64_t nchars = -1;
        switch (ch) {
        case 's': case 'r': case 'a': {
            WfValue sv = ch == 's' ? wf_to_str(vm, v) : ch == 'r' ? wf_repr(vm, v) : wf_ascii(vm, v);
            if (WF_IS_NULL(sv)) goto fail;
            wf_buf_append(vm, &t, WF_STR(sv)->data, (size_t)WF_STR(sv)->len);
            nchars = WF_STR(sv)->ncp;
            wf_decref(vm, sv);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            if (!pct_long(vm, &t, v, &a)) goto fail;
            a.sign = true;
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d;
            if (pct_double(vm, v, &d) < 0) goto fail;
            if (!wf_float_buf_format(vm, &t, d, (char)ch, a.prec < 0 ? 6 : (int)a.prec,
                                     (a.flags & F_ALT) ? WF_DTSF_ALT : 0))
                goto fail;
            a.sign = true;
            break;
        }
        case 'c': {
            uint32_t cp;
            if (wf_is_str(v)) {
                if (WF_STR(v)->ncp != 1) goto bad_char;
                int n;
                cp = wf_utf8_decode((const unsigned char *)WF_STR(v)->data, &n);
            } else {
                int64_t x;
                if (!wf_is_int(v) && !wf_type_of(v)->index) goto bad_char;
                if (wf_is_bigint(v) && !mpz_fits_slong_p(WF_BIGINT(v)->z)) x = -1;
                else if (wf_index(vm, v, NULL, &x) < 0) goto fail;
                if (x < 0 || x > 0x10FFFF) {
                    wf_err_format(vm, &wf_exc_OverflowError, "%%c arg not in range(0x110000)");
                    goto fail;
                }
                cp = (uint32_t)x;
            }
            char e[4];
            wf_buf_append(vm, &t, e, (size_t)wf_utf8_encode(cp, e));
            nchars = 1;
            break;
        bad_char:
            wf_err_format(vm, &wf_exc_TypeError, "%%c requires int or char");
            goto fail;
        }
        default: {
            int n = 1;
            uint32_t cp = (uint32_t)ch;
            if (ch >= 0x80) cp = wf_utf8_decode((const unsigned char *)p - 1, &n);
            int64_t idx = 0;
            for (const char *q = start; q < p - 1; q++) idx += ((unsigned char)*q & 0xC0) != 0x80;
            wf_err_format(vm, &wf_exc_ValueError,
                          "unsupported format character '%c' (0x%x) at index %lld",
                          cp >= 31 && cp <= 126 ? (char)cp : '?', cp, (long long)idx);
            goto fail;
        }
        }
        if (t.failed) goto fail;
        if (nchars < 0) nchars = (int64_t)t.len;   /* numbers are ASCII */
        pct_output(vm, &b, &a, t.data ? t.data : "", t.len, nchars);
    next:
        if (!WF_IS_NULL(keyed)) {
            wf_decref(vm, keyed);
            keyed = WF_NULL;
        }
        if (!WF_IS_NULL(c.dict) && c.argidx < c.arglen) {
            wf_err_format(vm, &wf_exc_TypeError, "not all arguments converted during string formatting");
            goto fail;
        }
        s = p;
    }
    if (c.argidx < c.arglen && WF_IS_NULL(c.dict)) {
        wf_err_format(vm, &wf_exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    wf_buf_free(vm, &t);
    return sb_finish(vm, &b);
fail:
    wf_decref(vm, keyed);
    wf_buf_free(vm, &t);
    sb_free(vm, &b);
    return WF_NULL;
}

/* ---- str.format ----------------------------------------------------------------------------- */

typedef struct FmtCtx {
    const WfValue *args;         /* positional; NULL for format_map */
    size_t nargs;
    const WfValue *kwvals;       /* keyword values, parallel to kwnames */
    WfTuple *kwnames;            /* NULL when none */
    WfValue mapping;             /* format_map's mapping, or WF_NULL */
    int auto_state;              /* 0 init, 1 auto, 2 manual */
    int64_t auto_next;
    bool ascii;                  /* the template is ASCII */
} FmtCtx;

/* Decimal value of [s, e) (ASCII or Unicode digits); -1 if not all
 * digits or empty, -2 with ValueError on overflow. */
static int64_t field_integer(WfVM *vm, const char *s, const char *e) {
    if (s >= e) return -1;
    int64_t acc = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (p < (const unsigned char *)e) {
        int n = 1, d;
        if (*p < 0x80) d = *p >= '0' && *p <= '9' ? *p - '0' : -1;
        else d = wf_uni_decimal(wf_utf8_decode(p, &n));
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) {
            wf_err_format(vm, &wf_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
        p += n;
    }
    return acc;
}

static WfValue lookup_keyword(WfVM *vm, FmtCtx *c, const char *s, size_t n) {
    if (!WF_IS_NULL(c->mapping)) {
        WfValue key = wf_str_new(vm, s, n);
        if (WF_IS_NULL(key)) return key;
        WfValue r = wf_getitem(vm, c->mapping, key);
        wf_decref(vm, key);
        return r;
    }
    if (c->kwnames) {
        for (size_t i = 0; i < c->kwnames->n; i++) {
            WfStr *k = WF_STR(c->kwnames->items[i]);
            if ((size_t)k->len == n && memcmp(k->data, s, n) == 0) return wf_ref(c->kwvals[i]);
        }
    }
    WfValue key = wf_str_new(vm, s, n);
    if (WF_IS_NULL(key)) return key;
    wf_err_set_value(vm, &wf_exc_KeyError, key);
    wf_decref(vm, key);
    return WF_NULL;
}

/* The object a field name [s, e) designates: first part (index or
 * keyword), then .attr and [key] parts. New reference. */
static WfValue field_object(WfVM *vm, FmtCtx *c, const char *s, const char *e) {
    const char *q = s;
    while (q < e && *q != '.' && *q != '[') q++;
    int64_t idx = field_integer(vm, s, q);
    if (idx == -2) return WF_NULL;
    bool empty = q == s;
    if (empty || idx >= 0) {
        if (c->auto_state == 0) c->auto_state = empty ? 1 : 2;
        if (c->auto_state == 2 && empty)
            return wf_err_format(vm, &wf_exc_ValueError,
                                 "cannot switch from manual field specification to automatic field "
                                 "numbering");
        if (c->auto_state == 1 && !empty)
            return wf_err_format(vm, &wf_exc_ValueError,
                                 "cannot switch from automatic field numbering to manual field "
                                 "specification");
        if (empty) idx = c->auto_next++;
    }
    WfValue obj;
    if (idx < 0) {
        obj = lookup_keyword(vm, c, s, (size_t)(q - s));
    } else {
        if (!c->args)
            return wf_err_format(vm, &wf_exc_ValueError, "Format string contains positional fields");
        if ((size_t)idx >= c->nargs)
            return wf_err_format(vm, &wf_exc_IndexError,
                                 "Replacement index %lld out of range for positional args tuple",
                                 (long long)idx);
        obj = wf_ref(c->args[idx]);
    }
    if (WF_IS_NULL(obj)) return obj;
    while (q < e) {
        char kind = *q++;
        const char *ns = q, *ne;
        if (kind == '.') {
            while (q < e && *q != '.' && *q != '[') q++;
            ne = q;
        } else if (kind == '[') {
            while (q < e && *q != ']') q++;
            if (q >= e) {
                wf_err_format(vm, &wf_exc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            ne = q++;
        } else {
            wf_err_format(vm, &wf_exc_ValueError,
                          "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        if (ns == ne) {
            wf_err_format(vm, &wf_exc_ValueError, "Empty attribute in format string");
            goto fail;
        }
        WfValue next;
        if (kind == '.') {
            WfObject *name = wf_str_intern(vm, ns, (size_t)(ne - ns));
            if (!name) goto fail;
            next = wf_getattr(vm, obj, name);
        } else {
            int64_t k = field_integer(vm, ns, ne);
            if (k == -2) goto fail;
            WfValue key = k >= 0 ? WF_INT(k) : wf_str_new(vm, ns, (size_t)(ne - ns));
            if (WF_IS_NULL(key)) goto fail;
            next = wf_getitem(vm, obj, key);
            wf_decref(vm, key);
        }
        wf_decref(vm, obj);
        obj = next;
        if (WF_IS_NULL(obj)) return obj;
    }
    return obj;
fail:
    wf_decref(vm, obj);
    return WF_NULL;
}

static bool build_format(WfVM *vm, SB *b, const char *s, const char *end, FmtCtx *c,
                         int depth);

/* One replacement field: p points just after its '{'. Advances *pp past
 * the closing '}'. CPython's parse_field + output_markup. */
static bool do_field(WfVM *vm, SB *b, const char **pp, const char *end, FmtCtx *c, int depth) {
    const char *p = *pp, *name_s = p;
    int ch = 0;
    while (p < end) {
        ch = (unsigned char)*p++;
        if (ch == '{') {
            wf_err_format(vm, &wf_exc_ValueError, "unexpected '{' in field name");
            return false;
        }
        if (ch == '[') {
            while (p < end && *p != ']') p++;
            ch = 0;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') break;
        ch = 0;
    }
    const char *name_e = ch ? p - 1 : p;
    uint32_t conv = 0;
    const char *spec_s = NULL, *spec_e = NULL;
    bool expand = false;
    if (ch == '!' || ch == ':') {
        if (ch == '!') {
            if (p >= end) {
                wf_err_format(vm, &wf_exc_ValueError,
                              "end of string while looking for conversion specifier");
                return false;
            }
            int n = 1;
            conv = (unsigned char)*p;
            if (conv >= 0x80) conv = wf_utf8_decode((const unsigned char *)p, &n);
            p += n;
            if (p < end) {
                int c2 = (unsigned char)*p++;
                if (c2 == '}') goto parsed;
                if (c2 != ':') {
                    wf_err_format(vm, &wf_exc_ValueError, "expected ':' after conversion specifier");
                    return false;
                }
            }
        }
        spec_s = p;
        int count = 1;
        while (p < end) {
            int c2 = (unsigned char)*p++;
            if (c2 == '{') {
                expand = true;
                count++;
            } else if (c2 == '}' && --count == 0) {
                spec_e = p - 1;
                goto parsed;
            }
        }
        wf_err_format(vm, &wf_exc_ValueError, "unmatched '{' in format spec");
        return false;
    } else if (ch != '}') {
        wf_err_format(vm, &wf_exc_ValueError, "expected '}' before end of string");
        return false;
    }
parsed:
    *pp = p;
    WfValue obj = field_object(vm, c, name_s, name_e);
    if (WF_IS_NULL(obj)) return false;
    if (conv) {
        WfValue t;
        if (conv == 'r') t = wf_repr(vm, obj);
        else if (conv == 's') t = wf_to_str(vm, obj);
        else if (conv == 'a') t = wf_ascii(vm, obj);
        else {
            char cs[16];
            bad_type_char(cs, conv);
            t = wf_err_format(vm, &wf_exc_ValueError, "Unknown conversion specifier %s", cs);
        }
        wf_decref(vm, obj);
        if (WF_IS_NULL(t)) return false;
        obj = t;
    }
    bool ok;
    if (!spec_s || spec_s == spec_e) {
        if (!(wf_type_of(obj)->flags & WF_TPFLAG_HEAPTYPE) && sb_put_simple(vm, b, obj)) {
            wf_decref(vm, obj);
            return !b->failed;
        }
        spec_s = spec_e = "";
    }
    WfBuf t;
    wf_buf_init(&t);
    if (expand) {
        SB spec;
        sb_init(&spec);
        ok = build_format(vm, &spec, spec_s, spec_e, c, depth - 1) &&
             wf_format_buf(vm, &t, obj, spec.p, spec.len);
        sb_free(vm, &spec);
    } else {
        ok = wf_format_buf(vm, &t, obj, spec_s, (size_t)(spec_e - spec_s));
    }
    ok = ok && sb_take(vm, b, &t);
    wf_buf_free(vm, &t);
    wf_decref(vm, obj);
    return ok;
}

/* CPython's MarkupIterator loop over [s, end). */
static bool build_format(WfVM *vm, SB *b, const char *s, const char *end, FmtCtx *c,
                         int depth) {
    if (depth <= 0) {
        wf_err_format(vm, &wf_exc_ValueError, "Max string recursion exceeded");
        return false;
    }
    const char *p = s;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '{' && *q != '}') q++;
        sb_put(vm, b, p, (size_t)(q - p), c->ascii);
        if (q >= end) break;
        char brace = *q++;
        if (q < end && *q == brace) {
            sb_putc(vm, b, brace);
            p = q + 1;
            continue;
        }
        if (brace == '}') {
            wf_err_format(vm, &wf_exc_ValueError, "Single '}' encountered in format string");
            return false;
        }
        if (q >= end) {
            wf_err_format(vm, &wf_exc_ValueError, "Single '{' encountered in format string");
            return false;
        }
        if (!do_field(vm, b, &q, end, c, depth)) return false;
        p = q;
    }
    return !b->failed;
}

static __attribute__((noinline)) WfValue format_general(WfVM *vm, WfValue self,
                                                        const WfValue *args, size_t nargs,
                                                        WfObject *kwnames);

WfValue wf_str_format_method(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                             WfObject *kwnames) {
    WfValue fast;
    if ((!kwnames || WF_TUPLE(WF_OBJ(kwnames))->n == 0) &&
        format_fast(vm, WF_STR(self), args, nargs, &fast))
        return fast;
    return format_general(vm, self, args, nargs, kwnames);
}

static WfValue format_general(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                              WfObject *kwnames) {
    FmtCtx c = {.args = args, .nargs = nargs, .kwvals = args + nargs,
                .kwnames = kwnames && WF_TUPLE(WF_OBJ(kwnames))->n ? (WfTuple *)kwnames : NULL,
                .mapping = WF_NULL, .auto_state = 0, .auto_next = 0, .ascii = false};
    WfStr *s = WF_STR(self);
    c.ascii = s->ascii;
    SB b;
    sb_init(&b);
    if (!build_format(vm, &b, s->data, s->data + s->len, &c, 2)) {
        sb_free(vm, &b);
        return WF_NULL;
    }
    return sb_finish(vm, &b);
}

WfValue wf_str_format_map_method(WfVM *vm, WfValue self, const WfValue *args, size_t nargs,
                                 WfObject *kwnames) {
    if (wf_args_check(vm, "format_map", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    FmtCtx c = {.args = NULL, .nargs = 0, .kwvals = NULL, .kwnames = NULL, .mapping = args[0],
                .auto_state = 0, .auto_next = 0, .ascii = false};
    WfStr *s = WF_STR(self);
    c.ascii = s->ascii;
    SB b;
    sb_init(&b);
    if (!build_format(vm, &b, s->data, s->data + s->len, &c, 2)) {
        sb_free(vm, &b);
        return WF_NULL;
    }
    return sb_finish(vm, &b);
}

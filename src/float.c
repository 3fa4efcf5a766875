/* float.c: the float type (doubles live inline in WfValue): arithmetic
 * with CPython's special cases and messages, exact int/float comparison,
 * CPython's hash, float() parsing, round(), and the double -> text
 * conversion behind repr, str, format() and %-formatting. Text follows
 * PyOS_double_to_string: digits come from glibc's correctly rounded
 * printf (or the shortest round-trip search for repr) and are laid out
 * by a port of CPython's format_float_short, so every corner (1e+16,
 * 0.0001, '#', 'z', the None type's ".0") matches. */
#include <ctype.h>
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "floatobj.h"
#include "format.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

/* ---- digits ------------------------------------------------------------------ */

/* Writes to buf (40 bytes) a p-significant-digit decimal that reads back
 * as d > 0, if there is one: the nearest, else the neighbour on the other
 * side of d (printf rounds in the current rounding direction, so
 * switching it gives the floor or ceiling decimal). */
static bool round_trips(double d, int p, char *buf) {
    snprintf(buf, 40, "%.*e", p - 1, d);
    double r = strtod(buf, NULL);
    if (r == d) return true;
    int old = fegetround();
    fesetround(r > d ? FE_DOWNWARD : FE_UPWARD);
    snprintf(buf, 40, "%.*e", p - 1, d);
    fesetround(old);
    return strtod(buf, NULL) == d;
}

/* Shortest digits of finite d > 0 that read back as d: the decimal
 * digits (no trailing zeros) and decpt, with d ~ 0.DIGITS * 10**decpt.
 * digits needs 32 bytes. Returns the digit count. */
static int shortest_digits(double d, char *digits, int *decpt) {
    if (d < 9007199254740992.0 && d == floor(d)) {
        /* Integers below 2**53 are exact: their digits are the answer. */
        uint64_t n = (uint64_t)d;
        char tmp[24];
        int k = 0;
        do {
            tmp[k++] = (char)('0' + n % 10);
            n /= 10;
        } while (n);
        *decpt = k;
        int len = 0;
        for (int i = k - 1; i >= 0; i--) digits[len++] = tmp[i];
        while (len > 1 && digits[len - 1] == '0') len--;
        digits[len] = 0;
        return len;
    }
    /* The fewest significant digits that round-trip (17 always do). At a
     * given count the decimal nearest d may miss while its neighbour on
     * the other side of d still reads back as d (dtoa's shortest mode
     * finds those), so both neighbours count; "some p-digit decimal
     * reads back as d" only gets truer as p grows, so binary search is
     * exact. */
    char buf[40];
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (round_trips(d, mid, buf)) hi = mid;
        else lo = mid + 1;
    }
    round_trips(d, lo, buf);
    int len = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[len++] = *p;
    while (len > 1 && digits[len - 1] == '0') len--;
    digits[len] = 0;
    *decpt = atoi(p + 1) + 1;
    return len;
}

/* Correctly rounded digits of finite d >= 0 from printf: mode 2 keeps
 * ndigits significant digits, mode 3 ndigits after the point. Same output
 * convention as shortest_digits; dig must hold ndigits + 330 bytes. */
static int printf_digits(double d, int mode, int ndigits, char *dig, int *decpt) {
    size_t cap = (size_t)ndigits + 330;
    int len = 0;
    if (mode == 2) {
        int n = snprintf(dig, cap, "%.*e", ndigits - 1, d);
        char *e = memchr(dig, 'e', (size_t)n);
        int exp10 = atoi(e + 1);
        for (char *p = dig; p < e; p++)
            if (*p != '.') dig[len++] = *p;
        *decpt = exp10 + 1;
    } else {
        int n = snprintf(dig, cap, "%.*f", ndigits, d);
        char *dot = memchr(dig, '.', (size_t)n);
        int intlen = dot ? (int)(dot - dig) : n;
        for (int i = 0; i < n; i++)
            if (dig[i] != '.') dig[len++] = dig[i];
        int z = 0;
        while (z < len && dig[z] == '0') z++;
        if (z == len) {
            dig[0] = '0';
            dig[1] = 0;
            *decpt = 1;
            return 1;
        }
        memmove(dig, dig + z, (size_t)(len - z));
        len -= z;
        *decpt = intlen - z;
    }
    while (len > 1 && dig[len - 1] == '0') len--;
    if (len == 1 && dig[0] == '0') *decpt = 1;
    dig[len] = 0;
    return len;
}

/* CPython's format_float_short layout of digits: out needs
 * len + |decpt| + precision + 16 bytes. Returns the length written. */
static size_t layout(char *out, const char *digits, int digits_len, int decpt, bool neg,
                     char type, int precision, unsigned flags, bool upper) {
    bool add_dot_0 = flags & WF_DTSF_ADD_DOT_0, alt = flags & WF_DTSF_ALT, use_exp = false;
    int exp = 0, vdigits_end = digits_len;
    switch (type) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (alt) vdigits_end = precision;
        break;
    default: /* 'r' */
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    char *p = out;
    if (neg) *p++ = '-';
    else if (flags & WF_DTSF_SIGN) *p++ = '+';
    if (decpt <= 0) {
        memset(p, '0', (size_t)(decpt - vdigits_start));
        p += decpt - vdigits_start;
        *p++ = '.';
        memset(p, '0', (size_t)-decpt);
        p += -decpt;
    } else {
        memset(p, '0', (size_t)-vdigits_start);
        p += -vdigits_start;
    }
    if (decpt > 0 && decpt <= digits_len) {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(digits_len - decpt));
        p += digits_len - decpt;
    } else {
        memcpy(p, digits, (size_t)digits_len);
        p += digits_len;
    }
    if (digits_len < decpt) {
        memset(p, '0', (size_t)(decpt - digits_len));
        p += decpt - digits_len;
        *p++ = '.';
        memset(p, '0', (size_t)(vdigits_end - decpt));
        p += vdigits_end - decpt;
    } else {
        memset(p, '0', (size_t)(vdigits_end - digits_len));
        p += vdigits_end - digits_len;
    }
    if (p[-1] == '.' && !alt) p--;
    if (use_exp) {
        *p++ = upper ? 'E' : 'e';
        p += sprintf(p, "%+.02d", exp);
    }
    *p = 0;
    return (size_t)(p - out);
}

void wf_float_repr_buf(double d, char *buf, size_t size) {
    char out[64];
    if (isnan(d)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, size, d > 0 ? "inf" : "-inf");
        return;
    }
    char digits[32];
    int decpt, n;
    if (d == 0) {
        digits[0] = '0';
        n = decpt = 1;
    } else {
        n = shortest_digits(fabs(d), digits, &decpt);
    }
    layout(out, digits, n, decpt, signbit(d) != 0, 'r', 0, WF_DTSF_ADD_DOT_0, false);
    snprintf(buf, size, "%s", out);
}

bool wf_float_buf_format(WfVM *vm, WfBuf *b, double d, char type, int prec, unsigned flags) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char t = upper ? (char)(type + 32) : type;
    if (isnan(d) || isinf(d)) {
        const char *s = isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        if (!isnan(d) && d < 0) wf_buf_putc(vm, b, '-');
        else if (flags & WF_DTSF_SIGN) wf_buf_putc(vm, b, '+');
        return wf_buf_puts(vm, b, s);
    }
    /* As PyOS_double_to_string: 'e' counts the digit before the point. */
    int mode;
    switch (t) {
    case 'e': mode = 2; prec++; break;
    case 'f': mode = 3; break;
    case 'g': mode = 2; if (prec == 0) prec = 1; break;
    default: mode = 0; prec = 0; break;
    }
    int nd = prec;
    char small_dig[400], small_out[512];
    size_t digcap = (size_t)nd + 330;
    char *dig = digcap <= sizeof small_dig ? small_dig : wf_mem_alloc(vm, digcap);
    if (!dig) {
        b->failed = true;
        return false;
    }
    int decpt, n;
    double a = fabs(d);
    if (mode == 0) {
        if (a == 0) {
            dig[0] = '0';
            n = decpt = 1;
        } else {
            n = shortest_digits(a, dig, &decpt);
        }
    } else {
        n = printf_digits(a, mode, nd, dig, &decpt);
    }
    bool neg = signbit(d) != 0;
    if ((flags & WF_DTSF_NO_NEG_0) && neg && n == 1 && dig[0] == '0') neg = false;
    size_t outcap = (size_t)n + (size_t)abs(decpt) + (size_t)prec + 32;
    char *out = outcap <= sizeof small_out ? small_out : wf_mem_alloc(vm, outcap);
    bool ok = false;
    if (out) {
        size_t len = layout(out, dig, n, decpt, neg, t, prec, flags, upper);
        ok = wf_buf_append(vm, b, out, len);
        if (out != small_out) wf_mem_free(vm, out);
    } else {
        b->failed = true;
    }
    if (dig != small_dig) wf_mem_free(vm, dig);
    return ok;
}

/* ---- hash ------------------------------------------------------------------------ */

int64_t wf_float_hash(double v) {
    const uint64_t MOD = ((uint64_t)1 << 61) - 1;
    const int BITS = 61;
    if (!isfinite(v)) {
        if (isinf(v)) return v > 0 ? 314159 : -314159;
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0, y;
    while (m) {
        x = ((x << 28) & MOD) | x >> (BITS - 28);
        m *= 268435456.0;   /* 2**28 */
        e -= 28;
        y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= MOD) x -= MOD;
    }
    e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
    x = ((x << e) & MOD) | x >> (BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* ---- arithmetic --------------------------------------------------------------------- */

int wf_float_as_double(WfVM *vm, WfValue v, double *out) {
    if (wf_is_float(v)) {
        *out = wf_float_value(v);
        return 0;
    }
    if (!wf_is_int(v)) return 1;
    bool ovf;
    *out = wf_int_as_double(vm, v, &ovf);
    if (ovf) {
        wf_err_format(vm, &wf_exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    return 0;
}

static bool is_odd_integer(double y) { return fmod(fabs(y), 2.0) == 1.0; }

WfValue wf_float_pow(WfVM *vm, double iv, double iw) {
    if (iw == 0) return WF_FLOAT(1.0);
    if (isnan(iv)) return WF_FLOAT(iv);
    if (isnan(iw)) return WF_FLOAT(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return WF_FLOAT(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return WF_FLOAT(fabs(iw));
        return WF_FLOAT(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return WF_FLOAT(odd ? iv : fabs(iv));
        return WF_FLOAT(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return wf_err_format(vm, &wf_exc_ZeroDivisionError,
                                 "0.0 cannot be raised to a negative power");
        return WF_FLOAT(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            return wf_err_format(vm, &wf_exc_ValueError,
                                 "negative number cannot be raised to a fractional power");
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return WF_FLOAT(negate ? -1.0 : 1.0);
    errno = 0;
    double r = pow(iv, iw);
    if (negate) r = -r;
    if (isinf(r))
        return wf_err_format(vm, &wf_exc_OverflowError, "(34, 'Numerical result out of range')");
    return WF_FLOAT(r);
}

static WfValue float_floordiv_mod(WfVM *vm, double vx, double wx, int want) {
    /* CPython's float_divmod: want 0 = floordiv, 1 = mod, 2 = both. */
    if (wx == 0.0) {
        const char *msg = want == 0 ? "float floor division by zero"
                          : want == 1 ? "float modulo" : "float divmod()";
        return wf_err_format(vm, &wf_exc_ZeroDivisionError, "%s", msg);
    }
    double mod = fmod(vx, wx), div = (vx - mod) / wx, floordiv;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    if (want == 0) return WF_FLOAT(floordiv);
    if (want == 1) return WF_FLOAT(mod);
    return wf_tuple_pack(vm, 2, WF_FLOAT(floordiv), WF_FLOAT(mod));
}

static WfValue float_mod_only(WfVM *vm, double vx, double wx) {
    if (wx == 0.0) return wf_err_format(vm, &wf_exc_ZeroDivisionError, "float modulo");
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = copysign(0.0, wx);
    }
    return WF_FLOAT(mod);
}

WfValue wf_float_binop(WfVM *vm, int op, WfValue a, WfValue b) {
    if (op > WF_BIN_POW) return WF_NOTIMPL;
    double x, y;
    int rc = wf_float_as_double(vm, a, &x);
    if (rc) return rc < 0 ? WF_NULL : WF_NOTIMPL;
    rc = wf_float_as_double(vm, b, &y);
    if (rc) return rc < 0 ? WF_NULL : WF_NOTIMPL;
    switch (op) {
    case WF_BIN_ADD: return WF_FLOAT(x + y);
    case WF_BIN_SUB: return WF_FLOAT(x - y);
    case WF_BIN_MUL: return WF_FLOAT(x * y);
    case WF_BIN_TRUEDIV:
        if (y == 0.0) return wf_err_format(vm, &wf_exc_ZeroDivisionError, "float division by zero");
        return WF_FLOAT(x / y);
    case WF_BIN_FLOORDIV: return float_floordiv_mod(vm, x, y, 0);
    case WF_BIN_MOD: return float_mod_only(vm, x, y);
    default: return wf_float_pow(vm, x, y);
    }
}

WfValue wf_number_divmod(WfVM *vm, WfValue a, WfValue b) {
    if (wf_is_int(a) && wf_is_int(b)) return wf_int_divmod(vm, a, b);
    double x, y;
    int rc = wf_float_as_double(vm, a, &x);
    if (rc) return rc < 0 ? WF_NULL : WF_NOTIMPL;
    rc = wf_float_as_double(vm, b, &y);
    if (rc) return rc < 0 ? WF_NULL : WF_NOTIMPL;
    return float_floordiv_mod(vm, x, y, 2);
}

#define FLOAT_SLOT(fn, op) \
    static WfValue fn(WfVM *vm, WfValue a, WfValue b) { return wf_float_binop(vm, op, a, b); }
FLOAT_SLOT(float_add, WF_BIN_ADD)
FLOAT_SLOT(float_sub, WF_BIN_SUB)
FLOAT_SLOT(float_mul, WF_BIN_MUL)
FLOAT_SLOT(float_truediv, WF_BIN_TRUEDIV)
FLOAT_SLOT(float_floordiv, WF_BIN_FLOORDIV)
FLOAT_SLOT(float_mod, WF_BIN_MOD)
FLOAT_SLOT(float_pow, WF_BIN_POW)

static WfValue float_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    if (!wf_is_float(a)) return WF_NOTIMPL;
    double x = wf_float_value(a);
    int c;
    if (wf_is_float(b)) {
        double y = wf_float_value(b);
        if (isnan(x) || isnan(y)) return WF_BOOL(op == WF_CMP_NE);
        c = (x > y) - (x < y);
    } else if (wf_is_int(b)) {
        c = wf_int_cmp_double(b, x);
        if (c == 2) return WF_BOOL(op == WF_CMP_NE);
        c = -c;
    } else {
        return WF_NOTIMPL;
    }
    switch (op) {
    case WF_CMP_LT: return WF_BOOL(c < 0);
    case WF_CMP_LE: return WF_BOOL(c <= 0);
    case WF_CMP_EQ: return WF_BOOL(c == 0);
    case WF_CMP_NE: return WF_BOOL(c != 0);
    case WF_CMP_GT: return WF_BOOL(c > 0);
    default: return WF_BOOL(c >= 0);
    }
}

static WfValue float_repr(WfVM *vm, WfValue v) {
    char buf[40];
    wf_float_repr_buf(wf_float_value(v), buf, sizeof buf);
    return wf_str_from_ascii(vm, buf, strlen(buf));
}

static int float_hash(WfVM *vm, WfValue v, int64_t *out) {
    *out = wf_float_hash(wf_float_value(v));
    return 0;
}

/* Subclass instances reach these through their class's copied slots; the
 * results are plain floats, as CPython's. */
static int float_truth(WfVM *vm, WfValue v) { return wf_float_value(v) != 0.0; }
static WfValue float_neg(WfVM *vm, WfValue v) { return WF_FLOAT(-wf_float_value(v)); }
static WfValue float_pos(WfVM *vm, WfValue v) { return WF_FLOAT(wf_float_value(v)); }
static WfValue float_abs(WfVM *vm, WfValue v) { return WF_FLOAT(fabs(wf_float_value(v))); }
static WfValue float_to_int(WfVM *vm, WfValue v) { return wf_int_from_double(vm, wf_float_value(v)); }

/* ---- parsing ---------------------------------------------------------------------- */

static WfValue cant_convert(WfVM *vm, const char *s, size_t len) {
    WfBuf b;
    wf_buf_init(&b);
    wf_str_buf_repr(vm, &b, s, len, false);
    if (!b.failed)
        wf_err_format(vm, &wf_exc_ValueError, "could not convert string to float: %s", b.data);
    wf_buf_free(vm, &b);
    return WF_NULL;
}

static bool is_ws(char c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

WfValue wf_float_from_string(WfVM *vm, const char *s0, size_t len0) {
    /* Work on an ASCII copy: Unicode digits and spaces mapped to ASCII,
     * '_' dropped once validated; anything unusual becomes '?'. */
    char small[128];
    char *w = len0 + 1 <= sizeof small ? small : wf_mem_alloc(vm, len0 + 1);
    if (!w) return WF_NULL;
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s0, *end = p + len0;
    while (p < end) {
        if (*p < 0x80) {
            w[n++] = (char)*p++;
            continue;
        }
        int k, d;
        uint32_t c = wf_utf8_decode(p, &k);
        p += k;
        if (wf_uni_isspace(c)) w[n++] = ' ';
        else if ((d = wf_uni_decimal(c)) >= 0) w[n++] = (char)('0' + d);
        else w[n++] = '?';
    }
    w[n] = 0;
    WfValue result = WF_NULL;
    char *a = w, *e = w + n;
    while (a < e && is_ws(*a)) a++;
    while (e > a && is_ws(e[-1])) e--;
    *e = 0;
    char *q = a;
    bool neg = false;
    if (*q == '+' || *q == '-') neg = *q++ == '-';
    if (strcasecmp(q, "inf") == 0 || strcasecmp(q, "infinity") == 0) {
        result = WF_FLOAT(neg ? -HUGE_VAL : HUGE_VAL);
        goto done;
    }
    if (strcasecmp(q, "nan") == 0) {
        result = WF_FLOAT(neg ? -NAN : NAN);
        goto done;
    }
    /* [digits][.digits][e[sign]digits] with '_' only between digits. */
    char *o = q;
    const char *r = q;
    int mant = 0;
    bool ok = true;
#define DIGITS(count) \
    while (*r >= '0' && *r <= '9') { \
        *o++ = *r++; \
        count++; \
        if (*r == '_' && r[1] >= '0' && r[1] <= '9') r++; \
    }
    DIGITS(mant)
    if (*r == '.') {
        *o++ = *r++;
        DIGITS(mant)
    }
    if (mant == 0) ok = false;
    if (ok && (*r == 'e' || *r == 'E')) {
        *o++ = *r++;
        if (*r == '+' || *r == '-') *o++ = *r++;
        int ed = 0;
        DIGITS(ed)
        if (ed == 0) ok = false;
    }
#undef DIGITS
    if (*r) ok = false;
    if (!ok) {
        cant_convert(vm, s0, len0);
        goto done;
    }
    *o = 0;
    double d = strtod(q, NULL);
    result = WF_FLOAT(neg ? -d : d);
done:
    if (w != small) wf_mem_free(vm, w);
    return result;
}

/* ---- round ----------------------------------------------------------------------------- */

/* CPython's limits for ndigits: beyond them every double rounds to
 * itself (NDIGITS_MAX) or to a signed zero (NDIGITS_MIN). */
#define NDIGITS_MAX 323
#define NDIGITS_MIN (-308)

WfValue wf_float_round(WfVM *vm, WfValue xv, WfValue ndigits) {
    double x = wf_float_value(xv);
    if (WF_IS_NULL(ndigits) || WF_IS_NONE(ndigits)) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return wf_int_from_double(vm, r);
    }
    int64_t nd;
    if (wf_is_bigint(ndigits)) nd = wf_int_sign(ndigits) < 0 ? INT64_MIN : INT64_MAX;
    else if (wf_index(vm, ndigits, NULL, &nd) < 0) return WF_NULL;
    if (!isfinite(x) || x == 0.0) return WF_FLOAT(x);
    if (nd > NDIGITS_MAX) return WF_FLOAT(x);
    if (nd < NDIGITS_MIN) return WF_FLOAT(0.0 * x);
    if (nd >= 0) {
        /* glibc's printf rounds the exact binary value half to even, as
         * dtoa's mode 3 does. */
        char buf[NDIGITS_MAX + 330];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return WF_FLOAT(strtod(buf, NULL));
    }
    /* Negative ndigits: exact rational arithmetic on x = m * 2**e. */
    int e;
    double f = frexp(fabs(x), &e);
    mpz_t m, p, q, r, den;
    mpz_inits(m, p, q, r, den, NULL);
    mpz_set_d(m, ldexp(f, 53));
    e -= 53;
    mpz_ui_pow_ui(p, 10, (unsigned long)-nd);
    mpz_set(den, p);
    if (e >= 0) mpz_mul_2exp(m, m, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_fdiv_qr(q, r, m, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(m, p, r, den, NULL);
    WfValue iv = wf_int_from_mpz_steal(vm, q);
    if (WF_IS_NULL(iv)) return iv;
    bool ovf;
    double d = wf_int_as_double(vm, iv, &ovf);
    wf_decref(vm, iv);
    if (ovf) return wf_err_format(vm, &wf_exc_OverflowError, "rounded value too large to represent");
    return WF_FLOAT(copysign(d, x));
}

/* ---- constructor and methods ---------------------------------------------------------- */

/* x.name() for a user class's special method (see int.c); WF_NULL with no
 * exception when absent. */
static WfValue call_dunder(WfVM *vm, WfValue x, const char *name) {
    WfObject *n = wf_str_intern_cstr(vm, name);
    if (!n) return WF_NULL;
    WfValue m = wf_getattr_opt(vm, x, n);
    if (WF_IS_NULL(m)) return m;
    WfValue r = wf_call0(vm, m);
    wf_decref(vm, m);
    return r;
}

static WfValue float_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                         WfObject *kwnames);

/* A subclass instance carries its value in a WfFloatObj (sized for the
 * class's instance dict). */
static __attribute__((cold, noinline)) WfValue float_subtype_new(WfVM *vm, WfType *type, const WfValue *args,
                                                                 size_t nargs, WfObject *kwnames) {
    WfValue x = float_new(vm, &wf_type_float, args, nargs, kwnames);
    if (WF_IS_NULL(x)) return x;
    double d = wf_float_value(x);
    wf_decref(vm, x);
    WfFloatObj *o = (WfFloatObj *)wf_obj_alloc(vm, type, type->size);
    if (!o) return WF_NULL;
    o->d = d;
    return WF_OBJ(o);
}

static WfValue float_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                         WfObject *kwnames) {
    if (type != &wf_type_float) return float_subtype_new(vm, type, args, nargs, kwnames);
    if (wf_args_check(vm, "float", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    if (nargs == 0) return WF_FLOAT(0.0);
    WfValue x = args[0];
    if (x.tag == WF_TAG_FLOAT) return x;
    if (wf_is_str(x)) return wf_float_from_string(vm, WF_STR(x)->data, (size_t)WF_STR(x)->len);
    WfType *t = wf_type_of(x);
    double d;
    int rc;
    /* Instances of user classes (float and int subclasses too) go through
     * their __float__, which they may override. */
    if (!(t->flags & WF_TPFLAG_HEAPTYPE)) {
        rc = wf_float_as_double(vm, x, &d);
        if (rc < 0) return WF_NULL;
        if (rc == 0) return WF_FLOAT(d);
    }
    WfValue r = WF_NULL;
    if (t->to_float) r = t->to_float(vm, x);
    else if (t->flags & WF_TPFLAG_HEAPTYPE) r = call_dunder(vm, x, "__float__");
    if (!WF_IS_NULL(r)) {
        if (r.tag == WF_TAG_FLOAT) return r;
        if (wf_is_float(r)) {
            double rd = wf_float_value(r);
            wf_decref(vm, r);
            return WF_FLOAT(rd);
        }
        const char *rn = wf_type_name(r);
        wf_decref(vm, r);
        return wf_err_format(vm, &wf_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                             t->name, rn);
    }
    if (wf_err_occurred(vm)) return WF_NULL;
    if (t->index) {
        r = t->index(vm, x);
        if (WF_IS_NULL(r)) return r;
        rc = wf_float_as_double(vm, r, &d);
        wf_decref(vm, r);
        if (rc < 0) return WF_NULL;
        if (rc == 0) return WF_FLOAT(d);
    }
    return wf_err_format(vm, &wf_exc_TypeError,
                         "float() argument must be a string or a real number, not '%s'", t->name);
}

#define METHOD(name) \
    static WfValue name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, \
                        WfObject *kwnames)

METHOD(float_is_integer) {
    if (wf_args_check(vm, "float.is_integer", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    double x = wf_float_value(self);
    return WF_BOOL(isfinite(x) && x == floor(x));
}

METHOD(float_as_integer_ratio) {
    if (wf_args_check(vm, "float.as_integer_ratio", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    double x = wf_float_value(self);
    if (isinf(x))
        return wf_err_format(vm, &wf_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return wf_err_format(vm, &wf_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double f = frexp(x, &e);
    for (int i = 0; i < 300 && f != floor(f); i++) {
        f *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, f);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    WfValue n = wf_int_from_mpz_steal(vm, num), d = wf_int_from_mpz_steal(vm, den);
    WfValue t = WF_NULL;
    if (!WF_IS_NULL(n) && !WF_IS_NULL(d)) t = wf_tuple_pack(vm, 2, n, d);
    wf_decref(vm, n);
    wf_decref(vm, d);
    return t;
}

METHOD(float_conjugate) {
    if (wf_args_check(vm, "float.conjugate", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return WF_FLOAT(wf_float_value(self));
}

METHOD(float_trunc) {
    if (wf_args_check(vm, "__trunc__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return wf_int_from_double(vm, wf_float_value(self));
}

METHOD(float_floor) {
    if (wf_args_check(vm, "__floor__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return wf_int_from_double(vm, floor(wf_float_value(self)));
}

METHOD(float_ceil) {
    if (wf_args_check(vm, "__ceil__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return wf_int_from_double(vm, ceil(wf_float_value(self)));
}

METHOD(float_float) {
    if (wf_args_check(vm, "__float__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return WF_FLOAT(wf_float_value(self));
}

METHOD(float_round_method) {
    if (wf_args_check(vm, "__round__", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    return wf_float_round(vm, self, nargs ? args[0] : WF_NULL);
}

METHOD(float_format_method) {
    if (wf_args_check(vm, "__format__", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "argument to __format__ must be str, not %s",
                             wf_type_name(args[0]));
    return wf_format(vm, self, args[0]);
}

METHOD(float_hex) {
    if (wf_args_check(vm, "float.hex", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    double x = wf_float_value(self);
    char buf[64];
    if (!isfinite(x)) {
        wf_float_repr_buf(x, buf, sizeof buf);
    } else if (x == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(x) ? "-" : "");
    } else {
        /* CPython's float_hex: 0xH.HHHHHHHHHHHHHp+E, subnormals as
         * 0x0.xxxp-1022. */
        int e;
        double m = frexp(fabs(x), &e);
        int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
        m = ldexp(m, shift);
        e -= shift;
        char *p = buf;
        if (x < 0) *p++ = '-';
        *p++ = '0';
        *p++ = 'x';
        *p++ = "0123456789abcdef"[(int)m];
        m -= (int)m;
        *p++ = '.';
        for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
            m *= 16.0;
            *p++ = "0123456789abcdef"[(int)m];
            m -= (int)m;
        }
        snprintf(p, sizeof buf - (size_t)(p - buf), "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    return wf_str_from_ascii(vm, buf, strlen(buf));
}

/* float.fromhex(s): CPython's grammar (optional 0x, '.', p exponent, inf
 * and nan), read by strtod, which rounds half to even as CPython does. */
METHOD(float_fromhex) {
    if (wf_args_check(vm, "fromhex", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "must be str, not %s", wf_type_name(args[0]));
    WfStr *str = WF_STR(args[0]);
    const char *p = str->data, *end = p + str->len;
    while (p < end && is_ws(*p)) p++;
    while (end > p && is_ws(end[-1])) end--;
    size_t n = (size_t)(end - p);
    char small[128];
    char *w = n + 3 <= sizeof small ? small : wf_mem_alloc(vm, n + 3);
    if (!w) return WF_NULL;
    WfValue r = WF_NULL;
    const char *q = p;
    char *o = w;
    if (q < end && (*q == '+' || *q == '-')) *o++ = *q++;
    size_t rest = (size_t)(end - q);
    if ((rest == 3 && strncasecmp(q, "inf", 3) == 0) ||
        (rest == 8 && strncasecmp(q, "infinity", 8) == 0)) {
        r = WF_FLOAT(w[0] == '-' && o > w ? -HUGE_VAL : HUGE_VAL);
        goto done;
    }
    if (rest == 3 && strncasecmp(q, "nan", 3) == 0) {
        r = WF_FLOAT(NAN);
        goto done;
    }
    if (end - q >= 2 && q[0] == '0' && (q[1] | 0x20) == 'x') q += 2;
    *o++ = '0';
    *o++ = 'x';
    int digits = 0;
    while (q < end && isxdigit((unsigned char)*q)) *o++ = *q++, digits++;
    if (q < end && *q == '.') {
        *o++ = *q++;
        while (q < end && isxdigit((unsigned char)*q)) *o++ = *q++, digits++;
    }
    bool ok = digits > 0;
    if (ok && q < end && (*q | 0x20) == 'p') {
        *o++ = *q++;
        if (q < end && (*q == '+' || *q == '-')) *o++ = *q++;
        int ed = 0;
        while (q < end && *q >= '0' && *q <= '9') *o++ = *q++, ed++;
        ok = ed > 0;
    }
    if (!ok || q != end) {
        wf_err_format(vm, &wf_exc_ValueError, "invalid hexadecimal floating-point string");
        goto done;
    }
    *o = 0;
    double d = strtod(w, NULL);
    if (isinf(d)) {
        wf_err_format(vm, &wf_exc_OverflowError, "hexadecimal value too large to represent as a float");
        goto done;
    }
    r = WF_FLOAT(d);
done:
    if (w != small) wf_mem_free(vm, w);
    /* On a subclass, as CPython: the class called with the float. */
    if (!WF_IS_NULL(r) && wf_is_type(self) && self.u.o != &wf_type_float.ob) {
        WfValue x = r;
        r = wf_call1(vm, self, x);
    }
    return r;
}

METHOD(float_getnewargs) {
    if (wf_args_check(vm, "__getnewargs__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return wf_tuple_pack(vm, 1, WF_FLOAT(wf_float_value(self)));
}

static WfValue float_get_real(WfVM *vm, WfValue v) { return WF_FLOAT(wf_float_value(v)); }
static WfValue float_get_imag(WfVM *vm, WfValue v) { return WF_FLOAT(0.0); }

static const WfMethodDef float_methods[] = {
    {"is_integer", float_is_integer, NULL, 0},
    {"as_integer_ratio", float_as_integer_ratio, NULL, 0},
    {"conjugate", float_conjugate, NULL, 0},
    {"hex", float_hex, NULL, 0},
    {"fromhex", float_fromhex, NULL, WF_METH_CLASS},
    {"__trunc__", float_trunc, NULL, 0},
    {"__int__", float_trunc, NULL, 0},
    {"__floor__", float_floor, NULL, 0},
    {"__ceil__", float_ceil, NULL, 0},
    {"__float__", float_float, NULL, 0},
    {"__round__", float_round_method, NULL, 0},
    {"__format__", float_format_method, NULL, 0},
    {"__getnewargs__", float_getnewargs, NULL, 0},
    {NULL, NULL, NULL, 0}};

static const WfGetSetDef float_getsets[] = {
    {"real", float_get_real, NULL},
    {"imag", float_get_imag, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_float = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "float",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_FLOAT | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfFloatObj),
    .repr = float_repr,
    .hash = float_hash,
    .richcmp = float_richcmp,
    .new_ = float_new,
    .truth = float_truth,
    .binop = {[WF_BIN_ADD] = float_add, [WF_BIN_SUB] = float_sub, [WF_BIN_MUL] = float_mul,
              [WF_BIN_TRUEDIV] = float_truediv, [WF_BIN_FLOORDIV] = float_floordiv,
              [WF_BIN_MOD] = float_mod, [WF_BIN_POW] = float_pow},
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .to_int = float_to_int,
    .to_float = float_pos,
    .methods = float_methods,
    .getsets = float_getsets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};

/* int.c: the int and bool types. Small ints are inline int64 values and
 * the arithmetic here is the general path behind the VM's inlined int64
 * fast paths: overflow is caught with __builtin_*_overflow and redone in
 * GMP, and every result is normalised back to a small int when it fits.
 * Slots accept any mix of small int, big int, bool and float operands (a
 * float operand hands the operation to float.c). Called through the type
 * slots (object.c), by the VM on overflow (wf_int_binop), and by the
 * builtins (pow, round, divmod, bin/oct/hex). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "floatobj.h"
#include "format.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

_Static_assert(GMP_LIMB_BITS == 64, "weft assumes 64-bit GMP limbs");
_Static_assert(sizeof(long) == 8, "weft assumes LP64 (mpz_*_si take int64)");

/* Results beyond this many bits raise MemoryError up front: GMP aborts the
 * process when an allocation fails, and `1 << 10**12` must not do that.
 * 2**34 bits is 2 GiB, beyond anything a test legitimately builds. */
#define WF_INT_MAX_BITS ((uint64_t)1 << 34)

#define IS_SMALL(v) ((v).tag == WF_TAG_INT || (v).tag == WF_TAG_BOOL)

/* ---- construction ---------------------------------------------------------- */

static void bigint_dealloc(WfVM *vm, WfObject *o) {
    mpz_clear(((WfBigInt *)o)->z);
    wf_obj_free(vm, o);
}

static WfBigInt *bigint_alloc(WfVM *vm, WfType *type) {
    WfBigInt *b = (WfBigInt *)wf_obj_alloc(vm, type, type->size > sizeof(WfBigInt)
                                                          ? type->size : sizeof(WfBigInt));
    if (b) mpz_init(b->z);
    return b;
}

WfValue wf_int_from_mpz_steal(WfVM *vm, mpz_ptr z) {
    if (mpz_fits_slong_p(z)) {
        int64_t n = mpz_get_si(z);
        mpz_clear(z);
        return WF_INT(n);
    }
    WfBigInt *b = (WfBigInt *)wf_obj_alloc(vm, &wf_type_int, sizeof(WfBigInt));
    if (!b) {
        mpz_clear(z);
        return WF_NULL;
    }
    /* Take over z's limbs; b->z is left as z's storage. */
    memcpy(b->z, z, sizeof(mpz_t));
    return WF_OBJ(b);
}

WfValue wf_int_from_mpz(WfVM *vm, mpz_srcptr z) {
    if (mpz_fits_slong_p(z)) return WF_INT(mpz_get_si(z));
    WfBigInt *b = bigint_alloc(vm, &wf_type_int);
    if (!b) return WF_NULL;
    mpz_set(b->z, z);
    return WF_OBJ(b);
}

WfValue wf_int_from_u64(WfVM *vm, uint64_t n) {
    if (n <= INT64_MAX) return WF_INT((int64_t)n);
    WfBigInt *b = bigint_alloc(vm, &wf_type_int);
    if (!b) return WF_NULL;
    mpz_set_ui(b->z, n);
    return WF_OBJ(b);
}

WfValue wf_int_from_double(WfVM *vm, double d) {
    if (isinf(d))
        return wf_err_format(vm, &wf_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return wf_err_format(vm, &wf_exc_ValueError, "cannot convert float NaN to integer");
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return WF_INT((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);   /* exact: |d| >= 2**63 is integral */
    return wf_int_from_mpz_steal(vm, z);
}

mpz_srcptr wf_int_mpz(WfValue v, WfMpzView *t) {
    if (v.tag == WF_TAG_OBJ) return WF_BIGINT(v)->z;
    int64_t i = v.u.i;
    t->limb = i < 0 ? -(uint64_t)i : (uint64_t)i;
    return mpz_roinit_n(t->z, &t->limb, i < 0 ? -1 : i > 0);
}

int wf_int_sign(WfValue v) {
    if (IS_SMALL(v)) return (v.u.i > 0) - (v.u.i < 0);
    return mpz_sgn(WF_BIGINT(v)->z);
}

uint64_t wf_int_bit_length(WfValue v) {
    if (IS_SMALL(v)) {
        uint64_t a = v.u.i < 0 ? -(uint64_t)v.u.i : (uint64_t)v.u.i;
        return a ? 64 - (uint64_t)__builtin_clzll(a) : 0;
    }
    if (mpz_sgn(WF_BIGINT(v)->z) == 0) return 0;
    return mpz_sizeinbase(WF_BIGINT(v)->z, 2);
}

int wf_int_as_i64(WfVM *vm, WfValue v, int64_t *out) {
    if (IS_SMALL(v)) {
        *out = v.u.i;
        return 0;
    }
    if (!wf_is_bigint(v)) {
        wf_err_format(vm, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      wf_type_name(v));
        return -1;
    }
    if (!mpz_fits_slong_p(WF_BIGINT(v)->z)) {
        wf_err_format(vm, &wf_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = mpz_get_si(WF_BIGINT(v)->z);
    return 0;
}

/* |z| rounded half-to-even to a double (mpz_get_d truncates). */
static double mpz_to_double(mpz_srcptr z, bool *overflow) {
    *overflow = false;
    size_t bits = mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0;
    if (bits <= 53) return mpz_get_d(z);
    if (bits > 1024) {
        *overflow = true;
        return mpz_sgn(z) < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    /* Keep the top 53 bits of |z|; round on the highest dropped bit, ties
     * to even unless a lower bit is set. */
    size_t drop = bits - 53;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    bool half = mpz_tstbit(a, drop - 1);
    bool below = mpz_scan1(a, 0) < drop - 1;
    mpz_tdiv_q_2exp(a, a, drop);
    uint64_t top = mpz_get_ui(a);
    mpz_clear(a);
    if (half && (below || (top & 1))) top++;
    double r = ldexp((double)top, (int)drop);
    if (isinf(r)) *overflow = true;
    return mpz_sgn(z) < 0 ? -r : r;
}

double wf_int_as_double(WfVM *vm, WfValue v, bool *overflow) {
    bool ovf = false;
    double r;
    if (IS_SMALL(v)) r = (double)v.u.i;
    else r = mpz_to_double(WF_BIGINT(v)->z, &ovf);
    if (overflow) *overflow = ovf;
    else if (ovf) {
        wf_err_format(vm, &wf_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return r;
}

/* ---- text --------------------------------------------------------------------- */

static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

char *wf_int_i64_to_dec(int64_t n, char *end) {
    uint64_t a = n < 0 ? -(uint64_t)n : (uint64_t)n;
    char *p = end;
    /* Two digits per division; 32-bit divisions once the value fits,
     * which is every step for the ints programs mostly print. */
    while (a > UINT32_MAX) {
        unsigned r = (unsigned)(a % 100);
        a /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    uint32_t b = (uint32_t)a;
    while (b >= 100) {
        uint32_t r = b % 100;
        b /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    if (b >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * b, 2);
    } else {
        *--p = (char)('0' + b);
    }
    if (n < 0) *--p = '-';
    return p;
}
static WfValue limit_error(WfVM *vm) {
    return wf_err_format(vm, &wf_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion; use "
                         "sys.set_int_max_str_digits() to increase the limit",
                         WF_INT_MAX_STR_DIGITS);
}

/* Decimal text of a big int in a funnel buffer (caller frees), or NULL
 * with ValueError past the digit limit. */
static char *big_decimal(WfVM *vm, mpz_srcptr z, size_t *len) {
    size_t est = mpz_sizeinbase(z, 10);   /* exact or one too many */
    if (est > WF_INT_MAX_STR_DIGITS + 1) {
        limit_error(vm);
        return NULL;
    }
    char *buf = wf_mem_alloc(vm, est + 2);
    if (!buf) return NULL;
    mpz_get_str(buf, 10, z);
    *len = strlen(buf);
    if (*len - (buf[0] == '-') > WF_INT_MAX_STR_DIGITS) {
        wf_mem_free(vm, buf);
        limit_error(vm);
        return NULL;
    }
    return buf;
}

WfValue wf_int_repr(WfVM *vm, WfValue v) {
    if (IS_SMALL(v)) {
        char buf[24], *end = buf + sizeof buf;
        char *p = wf_int_i64_to_dec(v.u.i, end);
        return wf_str_from_ascii(vm, p, (size_t)(end - p));
    }
    size_t len;
    char *s = big_decimal(vm, WF_BIGINT(v)->z, &len);
    if (!s) return WF_NULL;
    WfValue r = wf_str_from_ascii(vm, s, len);
    wf_mem_free(vm, s);
    return r;
}

bool wf_int_buf_decimal(WfVM *vm, WfBuf *b, WfValue v) {
    if (IS_SMALL(v)) {
        char buf[24], *end = buf + sizeof buf;
        char *p = wf_int_i64_to_dec(v.u.i, end);
        return wf_buf_append(vm, b, p, (size_t)(end - p));
    }
    size_t len;
    char *s = big_decimal(vm, WF_BIGINT(v)->z, &len);
    if (!s) {
        b->failed = true;
        return false;
    }
    bool ok = wf_buf_append(vm, b, s, len);
    wf_mem_free(vm, s);
    return ok;
}

WfValue wf_int_to_base(WfVM *vm, WfValue v, int base, bool prefix) {
    WfMpzView t;
    mpz_srcptr z = wf_int_mpz(v, &t);
    size_t n = mpz_sizeinbase(z, base);
    char *buf = wf_mem_alloc(vm, n + 5);
    if (!buf) return WF_NULL;
    char *p = buf;
    if (mpz_sgn(z) < 0) *p++ = '-';
    if (prefix) {
        *p++ = '0';
        *p++ = base == 16 ? 'x' : base == 8 ? 'o' : base == 2 ? 'b' : '?';
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(p, base, a);
    mpz_clear(a);
    WfValue r = wf_str_from_ascii(vm, buf, strlen(buf));
    wf_mem_free(vm, buf);
    return r;
}

/* ---- parsing ------------------------------------------------------------------- */

static WfValue invalid_literal(WfVM *vm, const char *s, size_t len, int base) {
    WfBuf b;
    wf_buf_init(&b);
    wf_str_buf_repr(vm, &b, s, len, false);
    if (b.failed) {
        wf_buf_free(vm, &b);
        return WF_NULL;
    }
    /* CPython prints at most 200 characters of the repr (%.200R). */
    size_t cut = b.len, k = 0;
    for (size_t i = 0; i < b.len; i++) {
        if (((unsigned char)b.data[i] & 0xC0) != 0x80 && k++ == 200) {
            cut = i;
            break;
        }
    }
    wf_err_format(vm, &wf_exc_ValueError, "invalid literal for int() with base %d: %.*s", base,
                  (int)cut, b.data);
    wf_buf_free(vm, &b);
    return WF_NULL;
}

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

WfValue wf_int_from_string(WfVM *vm, const char *s0, size_t len0, int base) {
    if (base != 0 && (base < 2 || base > 36))
        return wf_err_format(vm, &wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    /* Non-ASCII text: Unicode digits become ASCII digits and Unicode
     * spaces become ' ' (CPython's _PyUnicode_TransformDecimalAndSpace
     * ToASCII); anything else non-ASCII makes the literal invalid. */
    char small[128];
    char *work = NULL;
    const char *s = s0;
    size_t len = len0;
    bool ascii = true;
    for (size_t i = 0; i < len0; i++)
        if ((unsigned char)s0[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (!ascii) {
        work = len0 < sizeof small ? small : wf_mem_alloc(vm, len0 + 1);
        if (!work) return WF_NULL;
        const unsigned char *p = (const unsigned char *)s0, *end = p + len0;
        size_t o = 0;
        while (p < end) {
            int n;
            uint32_t c = wf_utf8_decode(p, &n);
            p += n;
            int d;
            if (c < 0x80) work[o++] = (char)c;
            else if (wf_uni_isspace(c)) work[o++] = ' ';
            else if ((d = wf_uni_decimal(c)) >= 0) work[o++] = (char)('0' + d);
            else work[o++] = '?';
        }
        s = work;
        len = o;
    }
    WfValue result = WF_NULL;
    const char *p = s, *end = s + len;
    while (p < end && (*p == ' ' || (*p >= 9 && *p <= 13) || (*p >= 0x1c && *p <= 0x1f))) p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= 9 && end[-1] <= 13) ||
                       (end[-1] >= 0x1c && end[-1] <= 0x1f)))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    int b = base;
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char x = (char)(p[1] | 0x20);
        if ((x == 'x' && (b == 16 || b == 0)) || (x == 'o' && (b == 8 || b == 0)) ||
            (x == 'b' && (b == 2 || b == 0))) {
            b = x == 'x' ? 16 : x == 'o' ? 8 : 2;
            p += 2;
            prefixed = true;
        }
    }
    bool zero_lead = false;
    if (b == 0) {
        b = 10;
        zero_lead = p < end && *p == '0';
    }
    /* Validate: digits, single underscores between digits (or right after
     * a base prefix). */
    size_t ndigits = 0;
    bool ok = p < end && (*p != '_' || prefixed);
    for (const char *q = p; ok && q < end; q++) {
        if (*q == '_') {
            if (q > p && q[-1] == '_') ok = false;
            continue;
        }
        if (digit_value((unsigned char)*q) >= b) ok = false;
        if (zero_lead && *q != '0') ok = false;
        ndigits++;
    }
    if (ok && (ndigits == 0 || end[-1] == '_')) ok = false;
    if (!ok) {
        invalid_literal(vm, s0, len0, base);
        goto done;
    }
    if ((b & (b - 1)) != 0 && ndigits > WF_INT_MAX_STR_DIGITS) {
        wf_err_format(vm, &wf_exc_ValueError,
                      "Exceeds the limit (%d digits) for integer string conversion: value has "
                      "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                      WF_INT_MAX_STR_DIGITS, ndigits);
        goto done;
    }
    if (ndigits <= 64) {
        /* Most literals fit: accumulate until the first overflow. */
        int64_t v = 0;
        bool ovf = false;
        for (const char *q = p; q < end && !ovf; q++)
            if (*q != '_')
                ovf = __builtin_mul_overflow(v, (int64_t)b, &v) ||
                      __builtin_add_overflow(v, (int64_t)digit_value((unsigned char)*q), &v);
        if (!ovf) {
            result = WF_INT(neg ? -v : v);
            goto done;
        }
    }
    char *digits = wf_mem_alloc(vm, ndigits + 2);
    if (!digits) goto done;
    size_t o = 0;
    if (neg) digits[o++] = '-';
    for (const char *q = p; q < end; q++)
        if (*q != '_') digits[o++] = *q;
    digits[o] = 0;
    mpz_t z;
    mpz_init_set_str(z, digits, b);
    wf_mem_free(vm, digits);
    result = wf_int_from_mpz_steal(vm, z);
done:
    if (work && work != small) wf_mem_free(vm, work);
    return result;
}

WfValue wf_int_from_decimal(WfVM *vm, const char *digits) {
    return wf_int_from_string(vm, digits, strlen(digits), 10);
}

/* ---- arithmetic --------------------------------------------------------------- */

static WfValue too_big(WfVM *vm) { return wf_err_no_memory(vm); }

/* True division of ints, correctly rounded (CPython's long_true_divide):
 * scale so the integer quotient has 55-56 bits, then round half to even
 * at the precision the result's exponent allows (fewer bits when it is
 * subnormal), with the remainder as the sticky bit. */
static WfValue int_truediv(WfVM *vm, WfValue a, WfValue b) {
    if (IS_SMALL(a) && IS_SMALL(b)) {
        int64_t x = a.u.i, y = b.u.i;
        if (y == 0) return wf_err_format(vm, &wf_exc_ZeroDivisionError, "division by zero");
        const int64_t lim = (int64_t)1 << 53;
        if (x >= -lim && x <= lim && y >= -lim && y <= lim) return WF_FLOAT((double)x / (double)y);
    }
    WfMpzView ta, tb;
    mpz_srcptr za = wf_int_mpz(a, &ta), zb = wf_int_mpz(b, &tb);
    if (mpz_sgn(zb) == 0) return wf_err_format(vm, &wf_exc_ZeroDivisionError, "division by zero");
    bool negate = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
    if (mpz_sgn(za) == 0) return WF_FLOAT(negate ? -0.0 : 0.0);
    int64_t na = (int64_t)mpz_sizeinbase(za, 2), nb = (int64_t)mpz_sizeinbase(zb, 2);
    int64_t diff = na - nb;
    if (diff > DBL_MAX_EXP + 1)
        return wf_err_format(vm, &wf_exc_OverflowError,
                             "integer division result too large for a float");
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) return WF_FLOAT(negate ? -0.0 : 0.0);
    int64_t shift = diff - 55;
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, za);
    mpz_abs(den, zb);
    if (shift < 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)-shift);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)shift);
    mpz_tdiv_qr(q, r, num, den);
    uint64_t m = mpz_get_ui(q);
    bool sticky = mpz_sgn(r) != 0;
    mpz_clears(num, den, q, r, NULL);
    int qbits = 64 - __builtin_clzll(m);
    int64_t e = qbits - 1 + shift;   /* exponent of the top bit */
    int keep = 53;
    if (e < DBL_MIN_EXP - 1) keep = (int)(e + 1075);   /* subnormal: bits down to 2**-1074 */
    if (keep < 0) return WF_FLOAT(negate ? -0.0 : 0.0);
    int drop = qbits - keep;   /* 2..56: q has 55 or 56 bits */
    uint64_t top = m >> drop;
    uint64_t rest = m & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rest > half || (rest == half && (sticky || (top & 1)))) top++;
    double d = ldexp((double)top, (int)(shift + drop));
    if (isinf(d))
        return wf_err_format(vm, &wf_exc_OverflowError,
                             "integer division result too large for a float");
    return WF_FLOAT(negate ? -d : d);
}

static WfValue int_pow(WfVM *vm, WfValue a, WfValue b) {
    if (wf_int_sign(b) < 0) {
        /* A negative exponent gives a float, as float(a) ** float(b). */
        bool ovf;
        double x = wf_int_as_double(vm, a, &ovf);
        if (ovf) return wf_err_format(vm, &wf_exc_OverflowError, "int too large to convert to float");
        double y = wf_int_as_double(vm, b, &ovf);
        if (ovf) return wf_err_format(vm, &wf_exc_OverflowError, "int too large to convert to float");
        return wf_float_pow(vm, x, y);
    }
    if (IS_SMALL(a) && IS_SMALL(b)) {
        int64_t base = a.u.i, e = b.u.i, r = 1;
        bool ovf = false;
        while (e > 0) {
            if (e & 1) ovf |= __builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) {
                ovf = true;
            }
            if (ovf) break;
        }
        if (!ovf) return WF_INT(r);
    }
    WfMpzView ta;
    mpz_srcptr za = wf_int_mpz(a, &ta);
    if (mpz_cmpabs_ui(za, 1) <= 0) {
        /* 0, 1 and -1 to any power. */
        if (mpz_sgn(za) == 0) return WF_INT(wf_int_sign(b) == 0 ? 1 : 0);
        if (mpz_sgn(za) > 0) return WF_INT(1);
        bool odd = IS_SMALL(b) ? (b.u.i & 1) : mpz_odd_p(WF_BIGINT(b)->z);
        return WF_INT(odd ? -1 : 1);
    }
    if (!IS_SMALL(b)) return too_big(vm);
    uint64_t e = (uint64_t)b.u.i;
    uint64_t bits = mpz_sizeinbase(za, 2);
    if (e > WF_INT_MAX_BITS || bits * e > WF_INT_MAX_BITS) return too_big(vm);
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, za, e);
    return wf_int_from_mpz_steal(vm, r);
}

/* Floor division and modulo of small ints; false on overflow. */
static inline bool small_divmod(int64_t x, int64_t y, int64_t *q, int64_t *m) {
    if (y == -1) {
        if (x == INT64_MIN) return false;
        *q = -x;
        *m = 0;
        return true;
    }
    int64_t qq = x / y, mm = x % y;
    if (mm != 0 && ((mm < 0) != (y < 0))) {
        mm += y;
        qq--;
    }
    *q = qq;
    *m = mm;
    return true;
}

WfValue wf_int_binop(WfVM *vm, int op, WfValue a, WfValue b) {
    if (IS_SMALL(a) && IS_SMALL(b)) {
        int64_t x = a.u.i, y = b.u.i, r, q, m;
        switch (op) {
        case WF_BIN_ADD:
            if (!__builtin_add_overflow(x, y, &r)) return WF_INT(r);
            break;
        case WF_BIN_SUB:
            if (!__builtin_sub_overflow(x, y, &r)) return WF_INT(r);
            break;
        case WF_BIN_MUL:
            if (!__builtin_mul_overflow(x, y, &r)) return WF_INT(r);
            break;
        case WF_BIN_FLOORDIV:
            if (y == 0)
                return wf_err_format(vm, &wf_exc_ZeroDivisionError,
                                     "integer division or modulo by zero");
            if (small_divmod(x, y, &q, &m)) return WF_INT(q);
            break;
        case WF_BIN_MOD:
            if (y == 0) return wf_err_format(vm, &wf_exc_ZeroDivisionError, "integer modulo by zero");
            if (small_divmod(x, y, &q, &m)) return WF_INT(m);
            break;
        case WF_BIN_TRUEDIV: return int_truediv(vm, a, b);
        case WF_BIN_POW: return int_pow(vm, a, b);
        case WF_BIN_LSHIFT:
            if (y < 0) return wf_err_format(vm, &wf_exc_ValueError, "negative shift count");
            if (x == 0) return WF_INT(0);
            if (y < 63) {
                int64_t s = (int64_t)((uint64_t)x << y);
                if ((s >> y) == x) return WF_INT(s);
            }
            break;
        case WF_BIN_RSHIFT:
            if (y < 0) return wf_err_format(vm, &wf_exc_ValueError, "negative shift count");
            return WF_INT(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
        case WF_BIN_AND: return WF_INT(x & y);
        case WF_BIN_OR: return WF_INT(x | y);
        case WF_BIN_XOR: return WF_INT(x ^ y);
        default: return WF_NOTIMPL;
        }
    }
    WfMpzView ta, tb;
    mpz_srcptr za = wf_int_mpz(a, &ta), zb = wf_int_mpz(b, &tb);
    mpz_t r;
    switch (op) {
    case WF_BIN_TRUEDIV: return int_truediv(vm, a, b);
    case WF_BIN_POW: return int_pow(vm, a, b);
    case WF_BIN_FLOORDIV:
    case WF_BIN_MOD:
        if (mpz_sgn(zb) == 0)
            return wf_err_format(vm, &wf_exc_ZeroDivisionError,
                                 op == WF_BIN_MOD ? "integer modulo by zero"
                                                  : "integer division or modulo by zero");
        break;
    case WF_BIN_MUL:
        if (mpz_sizeinbase(za, 2) + mpz_sizeinbase(zb, 2) > WF_INT_MAX_BITS) return too_big(vm);
        break;
    case WF_BIN_LSHIFT:
    case WF_BIN_RSHIFT:
        if (mpz_sgn(zb) < 0) return wf_err_format(vm, &wf_exc_ValueError, "negative shift count");
        if (op == WF_BIN_RSHIFT && !mpz_fits_slong_p(zb)) return WF_INT(mpz_sgn(za) < 0 ? -1 : 0);
        if (op == WF_BIN_LSHIFT) {
            if (mpz_sgn(za) == 0) return WF_INT(0);
            if (!mpz_fits_slong_p(zb) ||
                mpz_sizeinbase(za, 2) + (uint64_t)mpz_get_si(zb) > WF_INT_MAX_BITS)
                return too_big(vm);
        }
        break;
    case WF_BIN_MATMUL: return WF_NOTIMPL;
    default: break;
    }
    mpz_init(r);
    switch (op) {
    case WF_BIN_ADD: mpz_add(r, za, zb); break;
    case WF_BIN_SUB: mpz_sub(r, za, zb); break;
    case WF_BIN_MUL: mpz_mul(r, za, zb); break;
    case WF_BIN_FLOORDIV: mpz_fdiv_q(r, za, zb); break;
    case WF_BIN_MOD: mpz_fdiv_r(r, za, zb); break;
    case WF_BIN_LSHIFT: mpz_mul_2exp(r, za, (mp_bitcnt_t)mpz_get_si(zb)); break;
    case WF_BIN_RSHIFT: mpz_fdiv_q_2exp(r, za, (mp_bitcnt_t)mpz_get_si(zb)); break;
    case WF_BIN_AND: mpz_and(r, za, zb); break;
    case WF_BIN_OR: mpz_ior(r, za, zb); break;
    case WF_BIN_XOR: mpz_xor(r, za, zb); break;
    }
    return wf_int_from_mpz_steal(vm, r);
}

WfValue wf_int_divmod(WfVM *vm, WfValue a, WfValue b) {
    WfValue q, m;
    if (IS_SMALL(a) && IS_SMALL(b) && b.u.i != 0) {
        int64_t qq, mm;
        if (small_divmod(a.u.i, b.u.i, &qq, &mm)) return wf_tuple_pack(vm, 2, WF_INT(qq), WF_INT(mm));
    }
    WfMpzView ta, tb;
    mpz_srcptr za = wf_int_mpz(a, &ta), zb = wf_int_mpz(b, &tb);
    if (mpz_sgn(zb) == 0)
        return wf_err_format(vm, &wf_exc_ZeroDivisionError, "integer division or modulo by zero");
    mpz_t zq, zm;
    mpz_inits(zq, zm, NULL);
    mpz_fdiv_qr(zq, zm, za, zb);
    q = wf_int_from_mpz_steal(vm, zq);
    m = wf_int_from_mpz_steal(vm, zm);
    WfValue t = WF_NULL;
    if (!WF_IS_NULL(q) && !WF_IS_NULL(m)) t = wf_tuple_pack(vm, 2, q, m);
    wf_decref(vm, q);
    wf_decref(vm, m);
    return t;
}

WfValue wf_int_pow3(WfVM *vm, WfValue base, WfValue exp, WfValue mod) {
    if (!wf_is_int(base) || !wf_is_int(exp) || !wf_is_int(mod))
        return wf_err_format(vm, &wf_exc_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    if (wf_int_sign(mod) == 0)
        return wf_err_format(vm, &wf_exc_ValueError, "pow() 3rd argument cannot be 0");
    if (IS_SMALL(base) && IS_SMALL(exp) && IS_SMALL(mod) && exp.u.i >= 0 &&
        mod.u.i != INT64_MIN) {
        int64_t mv = mod.u.i;
        uint64_t m = mv < 0 ? (uint64_t)-mv : (uint64_t)mv;
        int64_t bm = base.u.i % (int64_t)m;
        uint64_t bb = (uint64_t)(bm < 0 ? bm + (int64_t)m : bm), r = 1 % m;
        for (uint64_t e = (uint64_t)exp.u.i; e; e >>= 1) {
            if (e & 1) r = (uint64_t)((unsigned __int128)r * bb % m);
            bb = (uint64_t)((unsigned __int128)bb * bb % m);
        }
        int64_t res = (int64_t)r;
        if (mv < 0 && res != 0) res -= (int64_t)m;
        return WF_INT(res);
    }
    WfMpzView tb, te, tm;
    mpz_srcptr zb = wf_int_mpz(base, &tb), ze = wf_int_mpz(exp, &te), zm = wf_int_mpz(mod, &tm);
    mpz_t m, b, e, r;
    mpz_inits(m, b, e, r, NULL);
    mpz_abs(m, zm);
    mpz_set(b, zb);
    mpz_set(e, ze);
    if (mpz_sgn(e) < 0) {
        if (!mpz_invert(b, b, m)) {
            mpz_clears(m, b, e, r, NULL);
            return wf_err_format(vm, &wf_exc_ValueError, "base is not invertible for the given modulus");
        }
        mpz_neg(e, e);
    }
    mpz_powm(r, b, e, m);
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, m);
    mpz_clears(m, b, e, NULL);
    return wf_int_from_mpz_steal(vm, r);
}

WfValue wf_int_round(WfVM *vm, WfValue v, WfValue ndigits) {
    if (WF_IS_NULL(ndigits) || WF_IS_NONE(ndigits) || !wf_int_sign(v) ||
        (wf_is_int(ndigits) && wf_int_sign(ndigits) >= 0)) {
        if (IS_SMALL(v)) return WF_INT(v.u.i);
        return wf_int_from_mpz(vm, WF_BIGINT(v)->z);
    }
    int64_t nd;
    if (wf_index(vm, ndigits, NULL, &nd) < 0) return WF_NULL;
    if (nd >= 0) return IS_SMALL(v) ? WF_INT(v.u.i) : wf_int_from_mpz(vm, WF_BIGINT(v)->z);
    uint64_t k = -(uint64_t)nd;
    /* 10**k beyond |v|'s digits: the result is 0 (half of 10**k exceeds
     * |v| too). */
    if (k > wf_int_bit_length(v) / 3 + 2) return WF_INT(0);
    WfMpzView tv;
    mpz_srcptr z = wf_int_mpz(v, &tv);
    mpz_t p, q, r, twice;
    mpz_inits(p, q, r, twice, NULL);
    mpz_ui_pow_ui(p, 10, k);
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, twice, NULL);
    return wf_int_from_mpz_steal(vm, q);
}

int wf_int_cmp_double(WfValue v, double d) {
    if (isnan(d)) return 2;
    if (IS_SMALL(v)) {
        int64_t i = v.u.i;
        const int64_t lim = (int64_t)1 << 53;
        if (i >= -lim && i <= lim) {
            double x = (double)i;
            return (x > d) - (x < d);
        }
    }
    WfMpzView t;
    int c = mpz_cmp_d(wf_int_mpz(v, &t), d);
    return (c > 0) - (c < 0);
}

int wf_int_hash(WfVM *vm, WfValue v, int64_t *out) {
    if (IS_SMALL(v)) {
        *out = wf_int_hash_i64(v.u.i);
        return 0;
    }
    mpz_srcptr z = WF_BIGINT(v)->z;
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int64_t h = (int64_t)mpz_tdiv_ui(z, P);
    if (mpz_sgn(z) < 0) h = -h;
    *out = h == -1 ? -2 : h;
    return 0;
}

/* ---- slots ---------------------------------------------------------------------- */

/* Instances of float subclasses are left to the float slot (through the
 * right operand, which may override the reflected method): int's own
 * operations take ints and plain floats, as CPython's take only ints. */
static bool is_number(WfValue v) { return v.tag == WF_TAG_FLOAT || wf_is_int(v); }

static WfValue int_binop_any(WfVM *vm, int op, WfValue a, WfValue b) {
    if (wf_is_int(a) && wf_is_int(b)) return wf_int_binop(vm, op, a, b);
    if (is_number(a) && is_number(b)) return wf_float_binop(vm, op, a, b);
    return WF_NOTIMPL;
}

#define INT_SLOT(fn, op) \
    static WfValue fn(WfVM *vm, WfValue a, WfValue b) { return int_binop_any(vm, op, a, b); }
INT_SLOT(int_add, WF_BIN_ADD)
INT_SLOT(int_sub, WF_BIN_SUB)
INT_SLOT(int_mul, WF_BIN_MUL)
INT_SLOT(int_truediv_slot, WF_BIN_TRUEDIV)
INT_SLOT(int_floordiv, WF_BIN_FLOORDIV)
INT_SLOT(int_mod, WF_BIN_MOD)
INT_SLOT(int_pow_slot, WF_BIN_POW)
INT_SLOT(int_lshift, WF_BIN_LSHIFT)
INT_SLOT(int_rshift, WF_BIN_RSHIFT)
INT_SLOT(int_and, WF_BIN_AND)
INT_SLOT(int_or, WF_BIN_OR)
INT_SLOT(int_xor, WF_BIN_XOR)

static WfValue int_richcmp(WfVM *vm, WfValue a, WfValue b, int op) {
    int c;
    if (!wf_is_int(a)) return WF_NOTIMPL;
    if (IS_SMALL(a) && IS_SMALL(b)) {
        c = (a.u.i > b.u.i) - (a.u.i < b.u.i);
    } else if (wf_is_int(b)) {
        WfMpzView ta, tb;
        c = mpz_cmp(wf_int_mpz(a, &ta), wf_int_mpz(b, &tb));
        c = (c > 0) - (c < 0);
    } else if (b.tag == WF_TAG_FLOAT) {
        c = wf_int_cmp_double(a, b.u.f);
        if (c == 2) return WF_BOOL(op == WF_CMP_NE);
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

static WfValue int_neg(WfVM *vm, WfValue v) {
    if (IS_SMALL(v) && v.u.i != INT64_MIN) return WF_INT(-v.u.i);
    WfMpzView t;
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, wf_int_mpz(v, &t));
    return wf_int_from_mpz_steal(vm, r);
}

static WfValue int_pos(WfVM *vm, WfValue v) {
    if (IS_SMALL(v)) return WF_INT(v.u.i);
    if (v.u.o->type == &wf_type_int) return wf_ref(v);
    return wf_int_from_mpz(vm, WF_BIGINT(v)->z);
}

static WfValue int_abs(WfVM *vm, WfValue v) {
    return wf_int_sign(v) < 0 ? int_neg(vm, v) : int_pos(vm, v);
}

static WfValue int_invert(WfVM *vm, WfValue v) {
    if (IS_SMALL(v)) return WF_INT(~v.u.i);
    mpz_t r;
    mpz_init(r);
    mpz_com(r, WF_BIGINT(v)->z);
    return wf_int_from_mpz_steal(vm, r);
}

static WfValue int_to_float(WfVM *vm, WfValue v) {
    double d = wf_int_as_double(vm, v, NULL);
    if (d == -1.0 && wf_err_occurred(vm)) return WF_NULL;
    return WF_FLOAT(d);
}

static int int_truth(WfVM *vm, WfValue v) { return wf_int_sign(v) != 0; }

static int int_hash_slot(WfVM *vm, WfValue v, int64_t *out) { return wf_int_hash(vm, v, out); }

/* x.name() for a user class's special method, looked up on demand (the
 * class machinery maps only some dunders to slots); WF_NULL with no
 * exception when x has no such attribute. */
static WfValue call_dunder(WfVM *vm, WfValue x, const char *name) {
    WfObject *n = wf_str_intern_cstr(vm, name);
    if (!n) return WF_NULL;
    WfValue m = wf_getattr_opt(vm, x, n);
    if (WF_IS_NULL(m)) return m;
    WfValue r = wf_call0(vm, m);
    wf_decref(vm, m);
    return r;
}

/* int(x) for one argument. */
static WfValue int_from_value(WfVM *vm, WfValue x) {
    if (IS_SMALL(x)) return WF_INT(x.u.i);
    /* Subclass instances go through their class's __int__ (maybe
     * overridden) below. */
    if (x.tag == WF_TAG_FLOAT) return wf_int_from_double(vm, x.u.f);
    if (wf_is_bigint(x) && x.u.o->type == &wf_type_int) return int_pos(vm, x);
    if (wf_is_str(x)) return wf_int_from_string(vm, WF_STR(x)->data, (size_t)WF_STR(x)->len, 10);
    WfType *t = wf_type_of(x);
    static const char *const dunders[] = {"__int__", "__index__", "__trunc__"};
    for (int i = 0; i < 3; i++) {
        WfValue r;
        if (i == 0 && t->to_int) r = t->to_int(vm, x);
        else if (i == 1 && t->index) r = t->index(vm, x);
        else if (t->flags & WF_TPFLAG_HEAPTYPE) r = call_dunder(vm, x, dunders[i]);
        else continue;
        if (WF_IS_NULL(r)) {
            if (wf_err_occurred(vm)) return r;
            continue;
        }
        if (wf_is_int(r)) return r;
        const char *rn = wf_type_name(r);
        wf_decref(vm, r);
        return wf_err_format(vm, &wf_exc_TypeError, "%s returned non-int (type %s)", dunders[i], rn);
    }
    return wf_err_format(vm, &wf_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, "
                         "not '%s'", t->name);
}

static WfValue int_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                       WfObject *kwnames) {
    WfValue a[2] = {WF_NULL, WF_NULL};
    if (kwnames || nargs > 1) {
        static const char *const kwlist[] = {"", "base", NULL};
        if (wf_args_bind(vm, "int", args, nargs, kwnames, kwlist, 1, 0, a) < 0) return WF_NULL;
    } else if (nargs == 1) {
        a[0] = args[0];
    }
    WfValue r;
    if (!WF_IS_NULL(a[1])) {
        int64_t base;
        if (wf_index(vm, a[1], NULL, &base) < 0) return WF_NULL;
        if (WF_IS_NULL(a[0]))
            return wf_err_format(vm, &wf_exc_TypeError, "int() missing string argument");
        if (!wf_is_str(a[0]))
            return wf_err_format(vm, &wf_exc_TypeError,
                                 "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return wf_err_format(vm, &wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        r = wf_int_from_string(vm, WF_STR(a[0])->data, (size_t)WF_STR(a[0])->len, (int)base);
    } else if (WF_IS_NULL(a[0])) {
        r = WF_INT(0);
    } else {
        r = int_from_value(vm, a[0]);
    }
    if (WF_IS_NULL(r) || type == &wf_type_int) return r;
    /* A subclass instance always holds its value as an mpz. */
    WfBigInt *o = bigint_alloc(vm, type);
    if (!o) {
        wf_decref(vm, r);
        return WF_NULL;
    }
    WfMpzView t;
    mpz_set(o->z, wf_int_mpz(r, &t));
    wf_decref(vm, r);
    return WF_OBJ(o);
}

/* ---- methods ---------------------------------------------------------------------- */

#define METHOD(name) \
    static WfValue name(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, \
                        WfObject *kwnames)

METHOD(int_bit_length) {
    if (wf_args_check(vm, "int.bit_length", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return WF_INT((int64_t)wf_int_bit_length(self));
}

METHOD(int_bit_count) {
    if (wf_args_check(vm, "bit_count", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    if (IS_SMALL(self)) {
        uint64_t a = self.u.i < 0 ? -(uint64_t)self.u.i : (uint64_t)self.u.i;
        return WF_INT(__builtin_popcountll(a));
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, WF_BIGINT(self)->z);
    int64_t n = (int64_t)mpz_popcount(a);
    mpz_clear(a);
    return WF_INT(n);
}

METHOD(int_conjugate) {
    if (wf_args_check(vm, "int.conjugate", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return int_pos(vm, self);
}

METHOD(int_index_method) {
    if (wf_args_check(vm, "__index__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return int_pos(vm, self);
}

METHOD(int_float_method) {
    if (wf_args_check(vm, "__float__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    return int_to_float(vm, self);
}

METHOD(int_round_method) {
    if (wf_args_check(vm, "__round__", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    return wf_int_round(vm, self, nargs ? args[0] : WF_NULL);
}

METHOD(int_as_integer_ratio) {
    if (wf_args_check(vm, "int.as_integer_ratio", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    WfValue n = int_pos(vm, self);
    if (WF_IS_NULL(n)) return n;
    WfValue t = wf_tuple_pack(vm, 2, n, WF_INT(1));
    wf_decref(vm, n);
    return t;
}

METHOD(int_format_method) {
    if (wf_args_check(vm, "__format__", nargs, kwnames, 1, 1) < 0) return WF_NULL;
    if (!wf_is_str(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "argument to __format__ must be str, not %s",
                             wf_type_name(args[0]));
    return wf_format(vm, self, args[0]);
}

METHOD(int_getnewargs) {
    if (wf_args_check(vm, "__getnewargs__", nargs, kwnames, 0, 0) < 0) return WF_NULL;
    WfValue n = int_pos(vm, self);
    if (WF_IS_NULL(n)) return n;
    WfValue t = wf_tuple_pack(vm, 1, n);
    wf_decref(vm, n);
    return t;
}

static WfValue int_get_self(WfVM *vm, WfValue v) { return int_pos(vm, v); }
static WfValue int_get_zero(WfVM *vm, WfValue v) { return WF_INT(0); }
static WfValue int_get_one(WfVM *vm, WfValue v) { return WF_INT(1); }

static const WfMethodDef int_methods[] = {
    {"bit_length", int_bit_length, NULL, 0},
    {"bit_count", int_bit_count, NULL, 0},
    {"conjugate", int_conjugate, NULL, 0},
    {"as_integer_ratio", int_as_integer_ratio, NULL, 0},
    {"__index__", int_index_method, NULL, 0},
    {"__int__", int_index_method, NULL, 0},
    {"__trunc__", int_index_method, NULL, 0},
    {"__floor__", int_index_method, NULL, 0},
    {"__ceil__", int_index_method, NULL, 0},
    {"__float__", int_float_method, NULL, 0},
    {"__round__", int_round_method, NULL, 0},
    {"__format__", int_format_method, NULL, 0},
    {"__getnewargs__", int_getnewargs, NULL, 0},
    {NULL, NULL, NULL, 0}};

static const WfGetSetDef int_getsets[] = {
    {"real", int_get_self, NULL},
    {"imag", int_get_zero, NULL},
    {"numerator", int_get_self, NULL},
    {"denominator", int_get_one, NULL},
    {NULL, NULL, NULL}};

#define INT_BINOPS \
    [WF_BIN_ADD] = int_add, [WF_BIN_SUB] = int_sub, [WF_BIN_MUL] = int_mul, \
    [WF_BIN_TRUEDIV] = int_truediv_slot, [WF_BIN_FLOORDIV] = int_floordiv, \
    [WF_BIN_MOD] = int_mod, [WF_BIN_POW] = int_pow_slot, [WF_BIN_LSHIFT] = int_lshift, \
    [WF_BIN_RSHIFT] = int_rshift

WfType wf_type_int = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "int",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_INT | WF_TPFLAG_BASETYPE,
    .size = sizeof(WfBigInt),
    .dealloc = bigint_dealloc,
    .repr = wf_int_repr,
    .hash = int_hash_slot,
    .richcmp = int_richcmp,
    .new_ = int_new,
    .truth = int_truth,
    .binop = {INT_BINOPS, [WF_BIN_AND] = int_and, [WF_BIN_OR] = int_or, [WF_BIN_XOR] = int_xor},
    .neg = int_neg,
    .pos = int_pos,
    .abs = int_abs,
    .invert = int_invert,
    .index = int_pos,
    .to_int = int_pos,
    .to_float = int_to_float,
    .methods = int_methods,
    .getsets = int_getsets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};

/* ---- bool -------------------------------------------------------------------------- */

static WfValue bool_repr(WfVM *vm, WfValue v) {
    return wf_str_from_ascii(vm, v.u.i ? "True" : "False", v.u.i ? 4 : 5);
}

static WfValue bool_new(WfVM *vm, WfType *type, const WfValue *args, size_t nargs,
                        WfObject *kwnames) {
    if (wf_args_check(vm, "bool", nargs, kwnames, 0, 1) < 0) return WF_NULL;
    if (nargs == 0) return WF_FALSE;
    int t = wf_truthy(vm, args[0]);
    return t < 0 ? WF_NULL : WF_BOOL(t);
}

/* &, | and ^ of two bools stay bools; anything else is int arithmetic. */
static WfValue bool_and(WfVM *vm, WfValue a, WfValue b) {
    if (a.tag == WF_TAG_BOOL && b.tag == WF_TAG_BOOL) return WF_BOOL(a.u.i & b.u.i);
    return int_and(vm, a, b);
}
static WfValue bool_or(WfVM *vm, WfValue a, WfValue b) {
    if (a.tag == WF_TAG_BOOL && b.tag == WF_TAG_BOOL) return WF_BOOL(a.u.i | b.u.i);
    return int_or(vm, a, b);
}
static WfValue bool_xor(WfVM *vm, WfValue a, WfValue b) {
    if (a.tag == WF_TAG_BOOL && b.tag == WF_TAG_BOOL) return WF_BOOL(a.u.i ^ b.u.i);
    return int_xor(vm, a, b);
}

WfType wf_type_bool = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "bool",
    .base = &wf_type_int,
    .flags = WF_TPFLAG_INT,
    .size = sizeof(WfBigInt),
    .dealloc = bigint_dealloc,
    .repr = bool_repr,
    .hash = int_hash_slot,
    .richcmp = int_richcmp,
    .new_ = bool_new,
    .truth = int_truth,
    .binop = {INT_BINOPS, [WF_BIN_AND] = bool_and, [WF_BIN_OR] = bool_or, [WF_BIN_XOR] = bool_xor},
    .neg = int_neg,
    .pos = int_pos,
    .abs = int_abs,
    .invert = int_invert,
    .index = int_pos,
    .to_int = int_pos,
    .to_float = int_to_float,
    .doc = "bool(x) -> bool",
};

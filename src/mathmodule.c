/* mathmodule.c: the `math` module, CPython's functions with CPython's
 * results and errors ("math domain error" when the C result is NaN for a
 * non-NaN argument, "math range error" on overflow). Float functions
 * accept ints (converted exactly or OverflowError), bools, floats and
 * objects with __float__ / __index__; integer functions (factorial, gcd,
 * comb, perm, isqrt) work on GMP integers, so big results are exact.
 * fsum is Shewchuk's algorithm as in CPython's mathmodule.c. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include "floatobj.h"
#include "int.h"
#include "mathmodule.h"
#include "type.h"

/* ---- argument conversion -------------------------------------------------------------- */

/* x as a double: float, int, bool, or __float__ / __index__. */
static int as_double(WfVM *vm, WfValue v, double *out) {
    int rc = wf_float_as_double(vm, v, out);
    if (rc <= 0) return rc;
    WfType *t = wf_type_of(v);
    WfValue f = WF_NULL;
    if (t->to_float && t != &wf_type_str) f = t->to_float(vm, v);
    else if (t->index) f = t->index(vm, v);
    else {
        wf_err_format(vm, &wf_exc_TypeError, "must be real number, not %s", t->name);
        return -1;
    }
    if (WF_IS_NULL(f)) return -1;
    rc = wf_float_as_double(vm, f, out);
    if (rc > 0) {
        wf_err_format(vm, &wf_exc_TypeError, "must be real number, not %s", wf_type_name(f));
        rc = -1;
    }
    wf_decref(vm, f);
    return rc;
}

/* An integer argument (int, bool or __index__); a new reference. */
static WfValue as_int(WfVM *vm, WfValue v) {
    if (wf_is_int(v)) return v.tag == WF_TAG_BOOL ? WF_INT(v.u.i) : wf_ref(v);
    WfType *t = wf_type_of(v);
    if (t->index) {
        WfValue r = t->index(vm, v);
        if (WF_IS_NULL(r) || wf_is_int(r)) return r;
        wf_decref(vm, r);
    }
    return wf_err_format(vm, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", t->name);
}

static WfValue domain_error(WfVM *vm) { return wf_err_format(vm, &wf_exc_ValueError, "math domain error"); }
static WfValue range_error(WfVM *vm) { return wf_err_format(vm, &wf_exc_OverflowError, "math range error"); }

/* CPython's math_1: NaN from a non-NaN argument is a domain error; an
 * infinity from a finite one is a range error when the function can
 * overflow, else a domain error. */
static WfValue math_1(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kw, const char *name,
                      double (*fn)(double), bool can_overflow) {
    if (wf_args_check(vm, name, nargs, kw, 1, 1) < 0) return WF_NULL;
    double x;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
    return WF_FLOAT(r);
}

#define MATH_1(pyname, cfn, ovf)                                                                              \
    static WfValue m_##pyname(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) { \
        return math_1(vm, args, nargs, kw, #pyname, cfn, ovf);                                           \
    }
MATH_1(sqrt, sqrt, false)
MATH_1(exp, exp, true)
MATH_1(expm1, expm1, true)
MATH_1(sin, sin, false)
MATH_1(cos, cos, false)
MATH_1(tan, tan, false)
MATH_1(asin, asin, false)
MATH_1(acos, acos, false)
MATH_1(atan, atan, false)
MATH_1(sinh, sinh, true)
MATH_1(cosh, cosh, true)
MATH_1(tanh, tanh, false)
MATH_1(asinh, asinh, false)
MATH_1(acosh, acosh, false)
MATH_1(atanh, atanh, false)
MATH_1(fabs, fabs, false)
MATH_1(erf, erf, false)
MATH_1(erfc, erfc, false)
MATH_1(log1p, log1p, false)
#undef MATH_1

static double degrees(double x) { return x * (180.0 / M_PI); }
static double radians(double x) { return x * (M_PI / 180.0); }
static WfValue m_degrees(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return math_1(vm, args, nargs, kw, "degrees", degrees, true);
}
static WfValue m_radians(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return math_1(vm, args, nargs, kw, "radians", radians, true);
}

/* gamma and lgamma have poles at 0 and the negative integers. */
static WfValue gamma_like(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kw, bool log) {
    if (wf_args_check(vm, log ? "lgamma" : "gamma", nargs, kw, 1, 1) < 0) return WF_NULL;
    double x;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    if (isfinite(x) && x <= 0 && floor(x) == x) return domain_error(vm);
    if (isnan(x)) return WF_FLOAT(x);
    if (isinf(x)) {
        if (log) return WF_FLOAT(INFINITY);
        if (x < 0) return domain_error(vm);
        return WF_FLOAT(x);
    }
    double r = log ? lgamma(x) : tgamma(x);
    if (isinf(r)) return range_error(vm);
    return WF_FLOAT(r);
}
static WfValue m_gamma(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return gamma_like(vm, args, nargs, kw, false);
}
static WfValue m_lgamma(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return gamma_like(vm, args, nargs, kw, true);
}

/* ---- logarithms: exact for big ints ------------------------------------------------ */

/* func(x) with CPython's loghelper: ints must be positive and may be too
 * big for a double (then log(m) + e*log(2) from x = m * 2**e). */
static int loghelper(WfVM *vm, WfValue v, double (*fn)(double), double *out) {
    if (wf_is_int(v)) {
        if (wf_int_sign(v) <= 0) {
            domain_error(vm);
            return -1;
        }
        if (v.tag == WF_TAG_OBJ) {
            WfMpzView tmp;
            long e;
            double m = mpz_get_d_2exp(&e, wf_int_mpz(v, &tmp));
            if (e > DBL_MAX_EXP - 2) {
                *out = fn(m) + fn(2.0) * (double)e;
                return 0;
            }
        }
    }
    double x;
    if (as_double(vm, v, &x) < 0) return -1;
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error(vm);
        return -1;
    }
    *out = fn(x);
    return 0;
}

static WfValue m_log(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "log", nargs, kw, 1, 2) < 0) return WF_NULL;
    double num, den;
    if (loghelper(vm, args[0], log, &num) < 0) return WF_NULL;
    if (nargs == 1) return WF_FLOAT(num);
    if (loghelper(vm, args[1], log, &den) < 0) return WF_NULL;
    if (den == 0) return wf_err_format(vm, &wf_exc_ZeroDivisionError, "float division by zero");
    return WF_FLOAT(num / den);
}
static WfValue m_log2(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "log2", nargs, kw, 1, 1) < 0) return WF_NULL;
    double r;
    return loghelper(vm, args[0], log2, &r) < 0 ? WF_NULL : WF_FLOAT(r);
}
static WfValue m_log10(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "log10", nargs, kw, 1, 1) < 0) return WF_NULL;
    double r;
    return loghelper(vm, args[0], log10, &r) < 0 ? WF_NULL : WF_FLOAT(r);
}

/* ---- two-argument float functions --------------------------------------------------- */

static int two_doubles(WfVM *vm, const char *name, const WfValue *args, size_t nargs, WfObject *kw, double *x,
                       double *y) {
    if (wf_args_check(vm, name, nargs, kw, 2, 2) < 0) return -1;
    if (as_double(vm, args[0], x) < 0 || as_double(vm, args[1], y) < 0) return -1;
    return 0;
}

static WfValue m_pow(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    double x, y;
    if (two_doubles(vm, "pow", args, nargs, kw, &x, &y) < 0) return WF_NULL;
    /* C99 pow's special values are what CPython returns for non-finite
     * arguments; errors only for finite ones. */
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) return WF_FLOAT(y == 0.0 ? 1.0 : x);
        if (isnan(y)) return WF_FLOAT(x == 1.0 ? 1.0 : y);
        return WF_FLOAT(pow(x, y));
    }
    if (x == 0.0 && y < 0.0) return domain_error(vm);
    double r = pow(x, y);
    if (isnan(r)) return domain_error(vm);
    if (isinf(r)) return range_error(vm);
    return WF_FLOAT(r);
}
static WfValue m_atan2(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    double y, x;
    if (two_doubles(vm, "atan2", args, nargs, kw, &y, &x) < 0) return WF_NULL;
    return WF_FLOAT(atan2(y, x));
}
static WfValue m_copysign(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    double x, y;
    if (two_doubles(vm, "copysign", args, nargs, kw, &x, &y) < 0) return WF_NULL;
    return WF_FLOAT(copysign(x, y));
}
static WfValue m_fmod(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    double x, y;
    if (two_doubles(vm, "fmod", args, nargs, kw, &x, &y) < 0) return WF_NULL;
    if (isinf(y) && isfinite(x)) return WF_FLOAT(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    return WF_FLOAT(r);
}
static WfValue m_remainder(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    double x, y;
    if (two_doubles(vm, "remainder", args, nargs, kw, &x, &y) < 0) return WF_NULL;
    if (isnan(x) || isnan(y)) return WF_FLOAT(isnan(x) ? x : y);
    if (isinf(x) || y == 0.0) return domain_error(vm);
    if (isinf(y)) return WF_FLOAT(x);
    return WF_FLOAT(remainder(x, y));
}
static WfValue m_ldexp(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "ldexp", nargs, kw, 2, 2) < 0) return WF_NULL;
    double x;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    if (!wf_is_int(args[1]))
        return wf_err_format(vm, &wf_exc_TypeError, "Expected an int as second argument to ldexp.");
    /* Exponents beyond any double's range saturate, as CPython's. */
    int64_t e;
    if (args[1].tag == WF_TAG_OBJ) e = wf_int_sign(args[1]) > 0 ? INT32_MAX : INT32_MIN;
    else e = args[1].u.i;
    if (e > INT32_MAX) e = INT32_MAX;
    if (e < INT32_MIN) e = INT32_MIN;
    if (x == 0.0 || !isfinite(x)) return WF_FLOAT(x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error(vm);
    return WF_FLOAT(r);
}
static WfValue m_nextafter(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    double x, y;
    if (two_doubles(vm, "nextafter", args, nargs, kw, &x, &y) < 0) return WF_NULL;
    return WF_FLOAT(nextafter(x, y));
}
static WfValue m_ulp(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "ulp", nargs, kw, 1, 1) < 0) return WF_NULL;
    double x;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    if (isnan(x)) return WF_FLOAT(x);
    x = fabs(x);
    if (isinf(x)) return WF_FLOAT(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return WF_FLOAT(x - x2);
    }
    return WF_FLOAT(x2 - x);
}

/* ---- predicates, decomposition ------------------------------------------------------- */

static WfValue pred(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kw, const char *name, int which) {
    if (wf_args_check(vm, name, nargs, kw, 1, 1) < 0) return WF_NULL;
    double x;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    return WF_BOOL(which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
}
static WfValue m_isnan(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return pred(vm, args, nargs, kw, "isnan", 0);
}
static WfValue m_isinf(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return pred(vm, args, nargs, kw, "isinf", 1);
}
static WfValue m_isfinite(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return pred(vm, args, nargs, kw, "isfinite", 2);
}

static WfValue m_isclose(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    WfValue a[4];
    if (wf_args_bind(vm, "isclose", args, nargs, kw, kwlist, 2, 2, a) < 0) return WF_NULL;
    if (nargs > 2)
        return wf_err_format(vm, &wf_exc_TypeError, "isclose() takes exactly 2 positional arguments (%zu given)",
                             nargs);
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (as_double(vm, a[0], &x) < 0 || as_double(vm, a[1], &y) < 0) return WF_NULL;
    if (!WF_IS_NULL(a[2]) && as_double(vm, a[2], &rel) < 0) return WF_NULL;
    if (!WF_IS_NULL(a[3]) && as_double(vm, a[3], &abs_tol) < 0) return WF_NULL;
    if (rel < 0.0 || abs_tol < 0.0) return wf_err_format(vm, &wf_exc_ValueError, "tolerances must be non-negative");
    if (x == y) return WF_TRUE;
    if (isinf(x) || isinf(y)) return WF_FALSE;
    double diff = fabs(y - x);
    return WF_BOOL((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || (diff <= abs_tol));
}

static WfValue m_modf(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "modf", nargs, kw, 1, 1) < 0) return WF_NULL;
    double x, ip;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    if (isinf(x)) return wf_tuple_pack(vm, 2, WF_FLOAT(copysign(0.0, x)), WF_FLOAT(x));
    double fp = modf(x, &ip);
    return wf_tuple_pack(vm, 2, WF_FLOAT(fp), WF_FLOAT(ip));
}
static WfValue m_frexp(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "frexp", nargs, kw, 1, 1) < 0) return WF_NULL;
    double x;
    if (as_double(vm, args[0], &x) < 0) return WF_NULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    return wf_tuple_pack(vm, 2, WF_FLOAT(m), WF_INT(e));
}

/* ---- rounding to int ----------------------------------------------------------------- */

/* floor/ceil/trunc: ints are returned as they are, floats rounded, other
 * objects asked through __floor__/__ceil__/__trunc__ (and floor/ceil fall
 * back to __float__). */
static WfValue round_to_int(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kw, const char *name,
                            const char *dunder, double (*fn)(double)) {
    if (wf_args_check(vm, name, nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue v = args[0];
    if (v.tag == WF_TAG_INT || v.tag == WF_TAG_BOOL) return WF_INT(v.u.i);
    if (v.tag == WF_TAG_OBJ && v.u.o->type == &wf_type_int) return wf_ref(v);
    if (v.tag == WF_TAG_FLOAT) return wf_int_from_double(vm, fn(v.u.f));
    WfValue m = wf_getattr_opt(vm, v, wf_str_intern_cstr(vm, dunder));
    if (!WF_IS_NULL(m)) {
        WfValue r = wf_call0(vm, m);
        wf_decref(vm, m);
        return r;
    }
    if (wf_err_occurred(vm)) return WF_NULL;
    if (fn == trunc)
        return wf_err_format(vm, &wf_exc_TypeError, "type %s doesn't define %s method", wf_type_name(v), dunder);
    double x;
    if (as_double(vm, v, &x) < 0) return WF_NULL;
    return wf_int_from_double(vm, fn(x));
}
static WfValue m_floor(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return round_to_int(vm, args, nargs, kw, "floor", "__floor__", floor);
}
static WfValue m_ceil(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return round_to_int(vm, args, nargs, kw, "ceil", "__ceil__", ceil);
}
static WfValue m_trunc(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return round_to_int(vm, args, nargs, kw, "trunc", "__trunc__", trunc);
}

/* ---- integer functions (GMP) ---------------------------------------------------------- */

static WfValue m_factorial(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "factorial", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue n = as_int(vm, args[0]);
    if (WF_IS_NULL(n)) return n;
    int sign = wf_int_sign(n);
    bool big = n.tag == WF_TAG_OBJ;
    int64_t k = big ? 0 : n.u.i;
    wf_decref(vm, n);
    if (sign < 0) return wf_err_format(vm, &wf_exc_ValueError, "factorial() not defined for negative values");
    if (big)
        return wf_err_format(vm, &wf_exc_OverflowError, "factorial() argument should not exceed %lld",
                             (long long)INT64_MAX);
    if (k < 21) {
        int64_t r = 1;
        for (int64_t i = 2; i <= k; i++) r *= i;
        return WF_INT(r);
    }
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)k);
    return wf_int_from_mpz_steal(vm, z);
}

/* Collects the integer arguments of gcd/lcm. */
static WfValue gcd_lcm(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kw, bool lcm) {
    if (kw && ((WfTuple *)kw)->n)
        return wf_err_format(vm, &wf_exc_TypeError, "%s() takes no keyword arguments", lcm ? "lcm" : "gcd");
    mpz_t acc;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    for (size_t i = 0; i < nargs; i++) {
        WfValue n = as_int(vm, args[i]);
        if (WF_IS_NULL(n)) {
            mpz_clear(acc);
            return n;
        }
        WfMpzView tmp;
        mpz_srcptr z = wf_int_mpz(n, &tmp);
        if (lcm) mpz_lcm(acc, acc, z);
        else mpz_gcd(acc, acc, z);
        wf_decref(vm, n);
    }
    mpz_abs(acc, acc);
    return wf_int_from_mpz_steal(vm, acc);
}
static WfValue m_gcd(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return gcd_lcm(vm, args, nargs, kw, false);
}
static WfValue m_lcm(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return gcd_lcm(vm, args, nargs, kw, true);
}

static WfValue m_isqrt(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "isqrt", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue n = as_int(vm, args[0]);
    if (WF_IS_NULL(n)) return n;
    if (wf_int_sign(n) < 0) {
        wf_decref(vm, n);
        return wf_err_format(vm, &wf_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    WfMpzView tmp;
    mpz_t r;
    mpz_init(r);
    mpz_sqrt(r, wf_int_mpz(n, &tmp));
    wf_decref(vm, n);
    return wf_int_from_mpz_steal(vm, r);
}

/* comb(n, k) and perm(n, k): n and k must be non-negative integers; k > n
 * gives 0. k must fit an unsigned long when it matters (CPython's limit
 * is similar: "min(n - k, k) must not exceed ..."). */
static WfValue comb_perm(WfVM *vm, const WfValue *args, size_t nargs, WfObject *kw, bool perm) {
    const char *name = perm ? "perm" : "comb";
    if (wf_args_check(vm, name, nargs, kw, perm ? 1 : 2, 2) < 0) return WF_NULL;
    WfValue n = as_int(vm, args[0]);
    if (WF_IS_NULL(n)) return n;
    WfValue k = nargs > 1 && !WF_IS_NONE(args[1]) ? as_int(vm, args[1]) : wf_ref(n);
    if (WF_IS_NULL(k)) {
        wf_decref(vm, n);
        return k;
    }
    WfValue r = WF_NULL;
    WfMpzView tn, tk;
    mpz_srcptr zn = wf_int_mpz(n, &tn), zk = wf_int_mpz(k, &tk);
    if (mpz_sgn(zn) < 0) {
        wf_err_format(vm, &wf_exc_ValueError, "n must be a non-negative integer");
    } else if (mpz_sgn(zk) < 0) {
        wf_err_format(vm, &wf_exc_ValueError, "k must be a non-negative integer");
    } else if (mpz_cmp(zk, zn) > 0) {
        r = WF_INT(0);
    } else {
        mpz_t d;
        mpz_init(d);
        mpz_sub(d, zn, zk);
        /* comb: the smaller of k and n-k */
        mpz_srcptr kk = (!perm && mpz_cmp(d, zk) < 0) ? d : zk;
        if (!mpz_fits_ulong_p(kk)) {
            wf_err_format(vm, &wf_exc_OverflowError, "%s must not exceed %lu", perm ? "k" : "min(n - k, k)",
                          (unsigned long)-1);
        } else {
            unsigned long kv = mpz_get_ui(kk);
            mpz_t acc;
            mpz_init(acc);
            if (perm) {
                /* n * (n-1) * ... * (n-k+1) */
                mpz_set_ui(acc, 1);
                mpz_t f;
                mpz_init_set(f, zn);
                for (unsigned long i = 0; i < kv; i++) {
                    mpz_mul(acc, acc, f);
                    mpz_sub_ui(f, f, 1);
                }
                mpz_clear(f);
            } else {
                mpz_bin_ui(acc, zn, kv);
            }
            r = wf_int_from_mpz_steal(vm, acc);
        }
        mpz_clear(d);
    }
    wf_decref(vm, n);
    wf_decref(vm, k);
    return r;
}
static WfValue m_comb(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return comb_perm(vm, args, nargs, kw, false);
}
static WfValue m_perm(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    return comb_perm(vm, args, nargs, kw, true);
}

/* ---- over iterables -------------------------------------------------------------------- */

static WfValue m_prod(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    static const char *const kwlist[] = {"iterable", "start", NULL};
    WfValue a[2];
    if (wf_args_bind(vm, "prod", args, nargs, kw, kwlist, 1, 1, a) < 0) return WF_NULL;
    if (nargs > 1)
        return wf_err_format(vm, &wf_exc_TypeError, "prod() takes exactly 1 positional argument (%zu given)", nargs);
    WfValue acc = WF_IS_NULL(a[1]) ? WF_INT(1) : wf_ref(a[1]);
    WfValue it = wf_iter(vm, a[0]);
    if (WF_IS_NULL(it)) {
        wf_decref(vm, acc);
        return it;
    }
    for (;;) {
        WfValue x = wf_iternext(vm, it);
        if (WF_IS_NULL(x)) break;
        WfValue p = wf_binop(vm, WF_BIN_MUL, acc, x);
        wf_decref(vm, x);
        wf_decref(vm, acc);
        acc = p;
        if (WF_IS_NULL(acc)) break;
    }
    wf_decref(vm, it);
    if (wf_err_occurred(vm)) {
        wf_decref(vm, acc);
        return WF_NULL;
    }
    return acc;
}

/* Full precision summation (Shewchuk), CPython's math_fsum: partials
 * hold the exact sum as non-overlapping doubles; infinities and NaNs are
 * tracked apart. */
static WfValue m_fsum(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "fsum", nargs, kw, 1, 1) < 0) return WF_NULL;
    WfValue it = wf_iter(vm, args[0]);
    if (WF_IS_NULL(it)) return it;
    double small[32];
    double *p = small;
    size_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    WfValue result = WF_NULL;
    for (;;) {
        WfValue item = wf_iternext(vm, it);
        if (WF_IS_NULL(item)) {
            if (wf_err_occurred(vm)) goto done;
            break;
        }
        double x;
        int rc = as_double(vm, item, &x);
        wf_decref(vm, item);
        if (rc < 0) goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* a nonfinite x could arise either from an infinite or
                 * nan summand or from an intermediate overflow */
                if (isfinite(xsave)) {
                    wf_err_format(vm, &wf_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    size_t ncap = cap * 2;
                    double *np = p == small ? wf_mem_alloc(vm, ncap * sizeof(double))
                                            : wf_mem_realloc(vm, p, ncap * sizeof(double));
                    if (!np) goto done;
                    if (p == small) memcpy(np, small, sizeof small);
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            wf_err_format(vm, &wf_exc_ValueError, "-inf + inf in fsum");
            goto done;
        }
        result = WF_FLOAT(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        double lo = 0.0;
        /* sum_exact(ps, hi) from the top, stop when the sum becomes
         * inexact. */
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* Make half-even rounding work across multiple partials. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = WF_FLOAT(hi);
done:
    if (p != small) wf_mem_free(vm, p);
    wf_decref(vm, it);
    return result;
}

/* hypot(*coordinates) and dist(p, q): CPython scales by the largest
 * magnitude to avoid overflow; plain scaled sums are accurate enough for
 * the values scripts print (exact for Pythagorean triples). */
static WfValue vector_norm(WfVM *vm, const double *v, size_t n, bool found_nan, double max) {
    if (isinf(max)) return WF_FLOAT(max);
    if (found_nan) return WF_FLOAT(NAN);
    if (max == 0 || n <= 1) return WF_FLOAT(max);
    if (n == 2) {
        double a = v[0], b = v[1];
        return WF_FLOAT(hypot(a, b));
    }
    double sum = 0.0, comp = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] / max;
        double t = x * x - comp;
        double s = sum + t;
        comp = (s - sum) - t;
        sum = s;
    }
    return WF_FLOAT(max * sqrt(sum));
}

static WfValue m_hypot(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (kw && ((WfTuple *)kw)->n) return wf_err_format(vm, &wf_exc_TypeError, "hypot() takes no keyword arguments");
    double small[16];
    double *v = nargs <= 16 ? small : wf_mem_alloc(vm, nargs * sizeof(double));
    if (!v) return WF_NULL;
    double max = 0.0;
    bool nan = false;
    for (size_t i = 0; i < nargs; i++) {
        if (as_double(vm, args[i], &v[i]) < 0) {
            if (v != small) wf_mem_free(vm, v);
            return WF_NULL;
        }
        v[i] = fabs(v[i]);
        nan |= isnan(v[i]);
        if (v[i] > max) max = v[i];
    }
    WfValue r = vector_norm(vm, v, nargs, nan, max);
    if (v != small) wf_mem_free(vm, v);
    return r;
}

static WfValue m_dist(WfVM *vm, WfValue self, const WfValue *args, size_t nargs, WfObject *kw) {
    if (wf_args_check(vm, "dist", nargs, kw, 2, 2) < 0) return WF_NULL;
    if (!wf_is_tuple(args[0]) && !wf_is_list(args[0]))
        return wf_err_format(vm, &wf_exc_TypeError, "dist(): argument 1 must be tuple, not %s", wf_type_name(args[0]));
    if (!wf_is_tuple(args[1]) && !wf_is_list(args[1]))
        return wf_err_format(vm, &wf_exc_TypeError, "dist(): argument 2 must be tuple, not %s", wf_type_name(args[1]));
    WfValue p = wf_tuple_from_iterable(vm, args[0]);
    WfValue q = WF_IS_NULL(p) ? WF_NULL : wf_tuple_from_iterable(vm, args[1]);
    WfValue r = WF_NULL;
    double *v = NULL;
    if (WF_IS_NULL(q)) goto done;
    size_t n = WF_TUPLE(p)->n;
    if (WF_TUPLE(q)->n != n) {
        wf_err_format(vm, &wf_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    v = wf_mem_alloc(vm, (n ? n : 1) * sizeof(double));
    if (!v) goto done;
    double max = 0.0;
    bool nan = false;
    for (size_t i = 0; i < n; i++) {
        double a, b;
        if (as_double(vm, WF_TUPLE(p)->items[i], &a) < 0 || as_double(vm, WF_TUPLE(q)->items[i], &b) < 0) goto done;
        v[i] = fabs(a - b);
        nan |= isnan(v[i]);
        if (v[i] > max) max = v[i];
    }
    r = vector_norm(vm, v, n, nan, max);
done:
    wf_mem_free(vm, v);
    wf_decref(vm, p);
    wf_decref(vm, q);
    return r;
}

/* ---- the module --------------------------------------------------------------------------- */

static const WfMethodDef math_functions[] = {
    {"sqrt", m_sqrt, "Return the square root of x."},
    {"exp", m_exp, "Return e raised to the power of x."},
    {"expm1", m_expm1, "Return exp(x)-1."},
    {"log", m_log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log2", m_log2, "Return the base 2 logarithm of x."},
    {"log10", m_log10, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, "Return the natural logarithm of 1+x (base e)."},
    {"pow", m_pow, "Return x**y (x to the power of y)."},
    {"sin", m_sin, "Return the sine of x (measured in radians)."},
    {"cos", m_cos, "Return the cosine of x (measured in radians)."},
    {"tan", m_tan, "Return the tangent of x (measured in radians)."},
    {"asin", m_asin, "Return the arc sine (measured in radians) of x."},
    {"acos", m_acos, "Return the arc cosine (measured in radians) of x."},
    {"atan", m_atan, "Return the arc tangent (measured in radians) of x."},
    {"atan2", m_atan2, "Return the arc tangent (measured in radians) of y/x."},
    {"sinh", m_sinh, "Return the hyperbolic sine of x."},
    {"cosh", m_cosh, "Return the hyperbolic cosine of x."},
    {"tanh", m_tanh, "Return the hyperbolic tangent of x."},
    {"asinh", m_asinh, "Return the inverse hyperbolic sine of x."},
    {"acosh", m_acosh, "Return the inverse hyperbolic cosine of x."},
    {"atanh", m_atanh, "Return the inverse hyperbolic tangent of x."},
    {"hypot", m_hypot, "Multidimensional Euclidean distance from the origin to a point."},
    {"dist", m_dist, "Return the Euclidean distance between two points p and q."},
    {"degrees", m_degrees, "Convert angle x from radians to degrees."},
    {"radians", m_radians, "Convert angle x from degrees to radians."},
    {"fabs", m_fabs, "Return the absolute value of the float x."},
    {"floor", m_floor, "Return the floor of x as an Integral."},
    {"ceil", m_ceil, "Return the ceiling of x as an Integral."},
    {"trunc", m_trunc, "Truncates the Real x to the nearest Integral toward 0."},
    {"copysign", m_copysign, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"fmod", m_fmod, "Return fmod(x, y), according to platform C."},
    {"remainder", m_remainder, "Difference between x and the closest integer multiple of y."},
    {"modf", m_modf, "Return the fractional and integer parts of x."},
    {"frexp", m_frexp, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"ldexp", m_ldexp, "Return x * (2**i)."},
    {"nextafter", m_nextafter, "Return the next floating-point value after x towards y."},
    {"ulp", m_ulp, "Return the value of the least significant bit of the float x."},
    {"isnan", m_isnan, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isinf", m_isinf, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isfinite", m_isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isclose", m_isclose, "Determine whether two floating point numbers are close in value."},
    {"factorial", m_factorial, "Find n!."},
    {"gcd", m_gcd, "Greatest Common Divisor."},
    {"lcm", m_lcm, "Least Common Multiple."},
    {"isqrt", m_isqrt, "Return the integer part of the square root of the input."},
    {"comb", m_comb, "Number of ways to choose k items from n items without repetition and without order."},
    {"perm", m_perm, "Number of ways to choose k items from n items without repetition and with order."},
    {"prod", m_prod, "Calculate the product of all the elements in the input iterable."},
    {"fsum", m_fsum, "Return an accurate floating point sum of values in the iterable seq."},
    {"erf", m_erf, "Error function at x."},
    {"erfc", m_erfc, "Complementary error function at x."},
    {"gamma", m_gamma, "Gamma function at x."},
    {"lgamma", m_lgamma, "Natural logarithm of absolute value of Gamma function at x."},
    {NULL, NULL, NULL}};

WfValue wf_math_module_new(WfVM *vm) {
    WfValue m = wf_module_new(vm, "math");
    if (WF_IS_NULL(m)) return m;
    static const struct {
        const char *name;
        double v;
    } consts[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
    WfValue doc = wf_str_from_cstr(vm, "This module provides access to the mathematical functions\n"
                                       "defined by the C standard.");
    int rc = WF_IS_NULL(doc) ? -1 : wf_module_add(vm, m, "__doc__", doc);
    wf_decref(vm, doc);
    if (rc == 0) rc = wf_module_add_functions(vm, m, math_functions);
    for (size_t i = 0; rc == 0 && i < sizeof consts / sizeof consts[0]; i++)
        rc = wf_module_add(vm, m, consts[i].name, WF_FLOAT(consts[i].v));
    if (rc < 0) {
        wf_decref(vm, m);
        return WF_NULL;
    }
    return m;
}

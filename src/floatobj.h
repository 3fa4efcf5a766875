/* floatobj.h: float beyond object.h (float.c): arithmetic shared with int.c,
 * CPython's float hash, parsing, round(), and the float -> text conversion
 * (PyOS_double_to_string's rules) that repr, format() and % build on. */
#ifndef WF_FLOAT_H
#define WF_FLOAT_H
#include "vm.h"

/* Flags of wf_float_buf_format, as CPython's Py_DTSF_*. */
enum {
    WF_DTSF_ALT = 1,          /* '#': keep the point and trailing zeros */
    WF_DTSF_ADD_DOT_0 = 2,    /* integral results get ".0" */
    WF_DTSF_SIGN = 4,         /* always write a sign */
    WF_DTSF_NO_NEG_0 = 8      /* 'z': a result that rounds to zero has no '-' */
};

/* Appends d formatted with type 'e' 'E' 'f' 'F' 'g' 'G' or 'r' (repr:
 * shortest round-trip, precision ignored) and precision to b. NaN is
 * "nan" with no sign, infinities "inf" / "-inf" (upper case for E F G). */
bool wf_float_buf_format(WfVM *vm, WfBuf *b, double d, char type, int prec, unsigned flags);

/* Binary arithmetic where either operand is a float and the other a
 * float, int or bool: + - * / // % **. WF_NOTIMPL for other operands or
 * operators. */
WfValue wf_float_binop(WfVM *vm, int op, WfValue a, WfValue b);
/* x ** y with CPython's special cases and errors. A negative base with a
 * non-integral exponent (a complex result in CPython) raises ValueError
 * "negative number cannot be raised to a fractional power". */
WfValue wf_float_pow(WfVM *vm, double x, double y);
/* divmod(a, b) for int/float operands (ints stay exact); WF_NOTIMPL for
 * other operand types. */
WfValue wf_number_divmod(WfVM *vm, WfValue a, WfValue b);
/* v (float, int or bool) as a double; OverflowError for huge ints.
 * 0 ok, -1 error, 1 when v is not a number (nothing raised). */
int wf_float_as_double(WfVM *vm, WfValue v, double *out);
/* CPython's hash of a double (equal to the int hash for integral values,
 * 314159 for inf, 0 for NaN). */
int64_t wf_float_hash(double d);
/* float("...") parsing, with CPython's accepted forms (whitespace, '_'
 * between digits, inf/infinity/nan, Unicode digits) and ValueError
 * "could not convert string to float: 'x'". */
WfValue wf_float_from_string(WfVM *vm, const char *s, size_t len);
/* round(x, ndigits) for a float x (a WfValue float): ndigits WF_NULL or
 * None rounds half to even to an int; an int ndigits gives a float,
 * correctly rounded as CPython's round(). */
WfValue wf_float_round(WfVM *vm, WfValue x, WfValue ndigits);
#endif

/* int.h: int and bool beyond object.h (int.c). Small ints are WF_TAG_INT
 * values; big ints are WfBigInt objects of type int (a GMP mpz_t), made
 * only for values outside int64: every constructor here normalises, so a
 * WF_TAG_OBJ int always means "does not fit" (except instances of user
 * subclasses of int, which are always objects). GMP keeps its default
 * allocator: mp_set_memory_functions is process-global, so routing it
 * through one VM's funnel is not possible. */
#ifndef WF_INT_H
#define WF_INT_H
#include <gmp.h>
#include "vm.h"

typedef struct WfBigInt {
    WfObject ob;
    mpz_t z;
} WfBigInt;
#define WF_BIGINT(v) ((WfBigInt *)(v).u.o)

/* CPython's default sys.get_int_max_str_digits(). */
#define WF_INT_MAX_STR_DIGITS 4300

/* An int object (big int or an int subclass instance). */
static inline bool wf_is_bigint(WfValue v) {
    return v.tag == WF_TAG_OBJ && (v.u.o->type->flags & WF_TPFLAG_INT);
}

/* CPython's int hash: n mod (2**61 - 1) with the sign, -1 becomes -2. */
static inline int64_t wf_int_hash_i64(int64_t n) {
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t a = n < 0 ? -(uint64_t)n : (uint64_t)n;
    a = (a & P) + (a >> 61);
    if (a >= P) a -= P;
    int64_t h = n < 0 ? -(int64_t)a : (int64_t)a;
    return h == -1 ? -2 : h;
}

/* -1, 0 or 1 for any int (small, bool or big). */
int wf_int_sign(WfValue v);
/* Normalising constructors from GMP: a copy, or taking over z (z is
 * cleared either way). */
WfValue wf_int_from_mpz(WfVM *vm, mpz_srcptr z);
WfValue wf_int_from_mpz_steal(WfVM *vm, mpz_ptr z);
WfValue wf_int_from_u64(WfVM *vm, uint64_t n);
/* int(d) for a float: truncates; OverflowError "cannot convert float
 * infinity to integer", ValueError "cannot convert float NaN to integer". */
WfValue wf_int_from_double(WfVM *vm, double d);
/* v (any int) as a GMP integer: a read-only view of a small int needs no
 * allocation; tmp must live as long as the result is used. */
typedef struct WfMpzView {
    mpz_t z;
    mp_limb_t limb;
} WfMpzView;
mpz_srcptr wf_int_mpz(WfValue v, WfMpzView *tmp);

/* The decimal text of n, written backwards ending at end (room for 20
 * bytes before it); returns where it starts. */
char *wf_int_i64_to_dec(int64_t n, char *end);
/* str(v) / repr(v) of an int (a bool formats as its int value): decimal,
 * ValueError past WF_INT_MAX_STR_DIGITS digits. */
WfValue wf_int_repr(WfVM *vm, WfValue v);
/* Appends the decimal digits of v (sign included) to b. */
bool wf_int_buf_decimal(WfVM *vm, WfBuf *b, WfValue v);
/* bin()/oct()/hex(): base 2, 8 or 16 with its 0b/0o/0x prefix when
 * prefix is true; "-0x1f" for negatives. */
WfValue wf_int_to_base(WfVM *vm, WfValue v, int base, bool prefix);
/* pow(base, exp, mod) for ints (the builtin's 3-argument form), with
 * CPython's errors; TypeError unless all three are ints. */
WfValue wf_int_pow3(WfVM *vm, WfValue base, WfValue exp, WfValue mod);
/* round(v, ndigits) for an int: ndigits WF_NULL or None returns v as int;
 * negative ndigits round half to even. */
WfValue wf_int_round(WfVM *vm, WfValue v, WfValue ndigits);
/* divmod(a, b) for two ints: a tuple. */
WfValue wf_int_divmod(WfVM *vm, WfValue a, WfValue b);
/* Compares int v with d exactly: -1, 0, 1, or 2 when d is NaN. */
int wf_int_cmp_double(WfValue v, double d);
int wf_int_hash(WfVM *vm, WfValue v, int64_t *out);
/* Number of bits in |v|. */
uint64_t wf_int_bit_length(WfValue v);
#endif

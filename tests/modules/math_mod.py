# The math module: common functions, constants and CPython's errors
import math
from math import sqrt, pi
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(sqrt(16), sqrt(2), math.sqrt(0.0), pi == math.pi)
print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.floor(5), type(math.floor(2.5)).__name__)
print(math.trunc(2.7), math.trunc(-2.7), math.fabs(-3), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8), math.lcm(4, 6))
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000), math.log1p(0))
print(math.log(2 ** 1000), math.log10(10 ** 50), math.log2(2 ** 200))
print(math.exp(0), math.exp(1), math.expm1(0), math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1), math.atan2(-1, -1))
print(math.asin(1), math.acos(1), math.atan(1), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1.0), math.isfinite(math.nan))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.comb(5, 2), math.comb(50, 25), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 21)), math.prod([2], start=5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40))
print(math.modf(3.5), math.modf(-2.25), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, 3), math.fmod(-7, 3))
print(math.remainder(7, 4), math.floor(1e20), math.ceil(-0.5), math.sqrt(1e-300))
print(math.floor(2 ** 70), math.ceil(True), math.trunc(-0.0), math.factorial(True))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.log10(0),
            lambda: math.acos(2), lambda: math.asin(-2), lambda: math.factorial(-1), lambda: math.factorial(2.5),
            lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.perm(2, -1), lambda: math.exp(1000),
            lambda: math.pow(0, -1), lambda: math.floor(math.inf), lambda: math.ceil(math.nan),
            lambda: math.sqrt("x"), lambda: math.gcd(1.5, 2), lambda: math.fmod(1, 0), lambda: math.log(1, 1),
            lambda: math.pow(-8, 1 / 3), lambda: math.trunc("a"), lambda: math.cos(math.inf),
            lambda: math.log(2, 0), lambda: math.factorial(10 ** 20), lambda: math.comb(5, 2.0),
            lambda: math.isqrt(2.0)):
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(math.floor(-0.0), math.copysign(1, math.copysign(0.0, -1)), math.sqrt(math.inf), math.exp(-math.inf))
print(math.inf > 1e308, math.nan == math.nan, math.inf - math.inf)

# Every operator and delimiter token, including the multi-character ones.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(a << 2, a >> 1, a & b, a | b, a ^ b, ~a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
c = 10
c += 1; c -= 2; c *= 3; print(c)
c /= 2; print(c)
c = 20
c //= 3; print(c)
c %= 4; print(c)
c **= 5; print(c)
c <<= 2; print(c)
c >>= 1; print(c)
c &= 0xff; print(c)
c |= 0x100; print(c)
c ^= 0x1; print(c)
print(-a, +a, not a)
print(a if b else c, [a, b][1:], {a: b}, (a,))
print(2**-1, -2**2, (-2)**2)

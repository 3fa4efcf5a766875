# Bitwise operators on ints, including negatives and big ints.
print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(1 << 10, 1 << 64, (1 << 100) >> 98, -16 >> 2, -1 >> 10)
print(0xff & 0x0f, 0b1010 | 0b0101, 0o7 ^ 0o5)
print(bin(5), oct(8), hex(255), hex(-255), bin(-5), bin(0))
print((2 ** 80 + 5) & 0xff, (2 ** 80) | 1 == 2 ** 80 + 1)
x = 0
for i in range(8):
    x |= 1 << i
print(x, x & ~0xf)

# Integers grow past 64 bits instead of wrapping, in every operation.
print(2 ** 100)
print(2 ** 64, 2 ** 63, -2 ** 63, -2 ** 63 - 1)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(9223372036854775807 * 9223372036854775807)
print(3 ** 80 // 7 ** 20, 3 ** 80 % 7 ** 20)
print(-(2 ** 100) // 3, -(2 ** 100) % 3)
print((2 ** 100) // -7, (2 ** 100) % -7)
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20))
print(fact(21))
print(fact(50))
print(len(str(fact(100))))
big = 10 ** 30
print(big, -big, big - big, big // 10 ** 29)
print(big == 10 ** 30, big > 2 ** 64, -big < 0)
print(abs(-big), divmod(big + 7, 10 ** 15))
print(int("123456789012345678901234567890") + 1)
print(hex(2 ** 70), oct(2 ** 70), bin(2 ** 70))
print(2 ** 64 - 2 ** 64 == 0, type(2 ** 64 - 2 ** 64).__name__)
print(float(2 ** 80), 2 ** 80 / 2 ** 78)
print(hash(5), hash(0), hash(-7), hash(True))
x = 1
for i in range(70):
    x = x * 2
print(x, x >> 60, x << 10)
print(sum([2 ** 62, 2 ** 62, 2 ** 62]))
print(-(2 ** 63) // -1, abs(-(2 ** 63)))
print(round(2 ** 70), max(2 ** 65, 3), min(-2 ** 65, 3))

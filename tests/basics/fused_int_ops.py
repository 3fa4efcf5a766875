# A local, a small int constant and an operator or comparison on one line
# run as one instruction: every operand type and error still behaves.


class Num:
    def __init__(self, v):
        self.v = v

    def __sub__(self, k):
        return Num(self.v - k)

    def __isub__(self, k):
        self.v -= k * 10
        return self

    def __lt__(self, k):
        return "yes" if self.v < k else ""

    def __repr__(self):
        return "Num(%d)" % self.v


def arith(x):
    return [x + 1, x - 1, x * 3, x % 7, x // 2, x & 6, x | 8, x ^ 5, x + 1023, x - 1024, x + 1024, x * -3]


def farith(x):
    return [x + 1, x - 1, x * 3, x % 7, x // 2]


def inplace(x):
    x += 5
    x -= 2
    x *= 3
    return x


def below(n):
    if n < 2:
        return "small"
    if n >= 1000:
        return "big"
    if n == -2048:
        return "edge"
    return "middle"


print(arith(10), arith(-10), farith(2.5), farith(-7.25))
print(inplace(1), inplace(1.5))
print(arith(True))
print([below(v) for v in (0, 1, 2, 999, 1000, -2048, 1.5, 2.5, True)])

big = 9223372036854775807
print(big + 1, -big - 1 - 1, (big - 1) * 3)


def big_ops(x):
    return x + 1, x * 2, x - 1


print(big_ops(big), big_ops(-big - 1))

n = Num(5)
print(n - 1, n < 7, n < 3)


def inplace_obj(o):
    o -= 1
    return o


print(inplace_obj(Num(5)))


def mod_zero(x):
    return x % 0


def floordiv_zero(x):
    return x // 0


for fn in (mod_zero, floordiv_zero):
    try:
        fn(3)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)


def strs(s):
    return s * 3


print(strs("ab"), strs([1]))


def bad(s):
    return s - 1


def bad_cmp(s):
    if s < 2:
        return 1
    return 0


for fn, arg in ((bad, "x"), (bad_cmp, "x"), (bad, None), (bad_cmp, [1])):
    try:
        fn(arg)
    except TypeError as e:
        print("TypeError:", e)


def unbound_op():
    if False:
        v = 1
    return v + 1


def unbound_cmp():
    if False:
        v = 1
    if v < 3:
        return 1


for fn in (unbound_op, unbound_cmp):
    try:
        fn()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def loop(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total += i // 3
        i += 1
    return total


print(loop(100), loop(0))


def jump_target(n):
    k = 0
    while n > 0:
        n = n - 1
        k = k + 2
    return k


print(jump_target(10))
unbound_op()

# Arithmetic special methods, reflected and in-place forms, unary ops, __index__
class Vec:
    def __init__(self, *c):
        self.c = list(c)

    def __repr__(self):
        return "Vec(%s)" % ", ".join(map(repr, self.c))

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return Vec(*[a + o for a in self.c])
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, o):
        return Vec(*[a - b for a, b in zip(self.c, o.c)])

    def __mul__(self, k):
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.c, k.c))
        return Vec(*[a * k for a in self.c])

    def __rmul__(self, k):
        return Vec(*[k * a for a in self.c])

    def __truediv__(self, k):
        return Vec(*[a / k for a in self.c])

    def __floordiv__(self, k):
        return Vec(*[a // k for a in self.c])

    def __mod__(self, k):
        return Vec(*[a % k for a in self.c])

    def __pow__(self, k):
        return Vec(*[a ** k for a in self.c])

    def __rpow__(self, k):
        return Vec(*[k ** a for a in self.c])

    def __neg__(self):
        return Vec(*[-a for a in self.c])

    def __pos__(self):
        return Vec(*self.c)

    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5

    def __invert__(self):
        return Vec(*reversed(self.c))

    def __matmul__(self, o):
        return "matmul"

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"

    def __xor__(self, o):
        return "xor"

    def __lshift__(self, o):
        return "lshift %r" % (o,)

    def __rrshift__(self, o):
        return "rrshift %r" % (o,)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 2, 3 * a, a * b, a / 2, b // 2, b % 2, a ** 2, 2 ** a)
print(a + 1, 1 + a, 1.5 + a, -a, +a, abs(Vec(3, 4)), ~a)
print(a @ b, a & b, a | b, a ^ b, a << 1, 1 >> a)
print(sum([a, b, Vec(10, 10)], Vec(0, 0)))
print(sum([a, b]))
try:
    a + "s"
except TypeError as e:
    print(e)
try:
    "s" + a
except TypeError as e:
    print(e)
try:
    a - 1
except AttributeError as e:
    print(e)
try:
    a >> 1
except TypeError as e:
    print(e)
try:
    a < b
except TypeError as e:
    print(e)


# in-place operators: __iadd__ when present, else __add__ with rebinding
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __isub__(self, x):
        return "isub result"

    def __imul__(self, x):
        return NotImplemented

    def __mul__(self, x):
        return "mul fallback"


acc = Acc()
orig = acc
acc += 1
acc += 2
print(acc is orig, acc.items)
acc -= 1
print(acc)
acc = Acc()
acc *= 3
print(acc)
v = Vec(1, 1)
w = v
v += Vec(1, 1)
print(v, w, v is w)
lst = [Vec(1)]
lst[0] += 5
print(lst)


class Holder:
    pass


h = Holder()
h.v = Vec(2)
h.v *= 3
print(h.v)
try:
    acc2 = Acc()
    acc2 /= 2
except TypeError as e:
    print(e)


# reflected operand order: subclass's reflected method first
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return "Num.__add__"

    def __radd__(self, o):
        return "Num.__radd__"


class SubNum(Num):
    def __radd__(self, o):
        return "SubNum.__radd__"


print(Num(1) + Num(2), Num(1) + SubNum(2), SubNum(1) + Num(2), 5 + Num(1))


class NoRadd(Num):
    pass


print(Num(1) + NoRadd(2))


# __index__
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


L = list(range(10))
print(L[Idx(3)], L[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(list(range(Idx(3))), "abcdef"[Idx(2)], [0] * Idx(3), (1, 2) * Idx(2))
print(Idx(7).__index__())


class BadIdx:
    def __index__(self):
        return "x"


try:
    L[BadIdx()]
except TypeError as e:
    print(e)
try:
    L["a"]
except TypeError as e:
    print(e)


# __int__ / __float__ conversions
class Conv:
    def __int__(self):
        return 42

    def __float__(self):
        return 2.5


print(int(Conv()), float(Conv()))


class IntSub(int):
    def __add__(self, o):
        return "IntSub.__add__"


print(IntSub(1) + 1, 1 + IntSub(1), IntSub(3) * 2)


class FloatSub(float):
    pass


print(FloatSub(1.5) + 1, type(FloatSub(1.5) * 2).__name__)

# unary errors
class Nothing:
    pass


for op in (lambda x: -x, lambda x: +x, lambda x: ~x, abs):
    try:
        op(Nothing())
    except TypeError as e:
        print(e)
try:
    Nothing() + Nothing()
except TypeError as e:
    print(e)
try:
    Nothing() * 2
except TypeError as e:
    print(e)
try:
    x = Nothing()
    x += 1
except TypeError as e:
    print(e)

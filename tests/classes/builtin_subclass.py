# Subclasses of built-in types: construction through __new__ and __init__,
# extra attributes, methods that return the base type, isinstance, hashing
import math


class MyInt(int):
    def __new__(cls, v, label="n"):
        self = super().__new__(cls, v)
        self.label = label
        return self

    def __repr__(self):
        return "MyInt(%d, %r)" % (int(self), self.label)

    def half(self):
        return self // 2


a = MyInt(7, "seven")
print(a, str(a), a.label, a.half(), type(a.half()).__name__)
print(a + 1, type(a + 1).__name__, -a, type(-a).__name__, abs(MyInt(-3)), +a)
print(a == 7, a < 8, hash(a) == hash(7), isinstance(a, int), int(a), float(a))
print({a: "x"}[7], {7: "y"}[a], a in {7}, bool(MyInt(0)), "%d %x %s" % (a, a, a))
print(f"{a:05d}", format(a, "x"), a.bit_length(), a.real, (2**70 + MyInt(1)) % 1000)
big = MyInt(2**80)
print(big, big + 1 == 2**80 + 1, type(big * 2).__name__, big.__dict__)
print(list(range(MyInt(3))), [10, 20, 30][MyInt(1)], divmod(a, 2), pow(a, 2))


class Flag(int):
    pass


print(Flag(True), Flag("12"), Flag("ff", 16), Flag(), repr(Flag(5)), Flag(2.9))


class MyFloat(float):
    def __init__(self, v):
        self.orig = v

    def describe(self):
        return "MyFloat %s from %r" % (self, self.orig)


f = MyFloat("2.5")
print(f, repr(f), f.describe(), f.orig, type(f).__name__)
print(f + 1, type(f + 1).__name__, f * 2, type(f * f).__name__, 1 / f, 10 // f, 7 % f, f ** 2, 2 ** f)
print(-f, type(-f).__name__, abs(MyFloat(-1.5)), +f, type(+f).__name__, f == 2.5, f < 3, 3 > f, f != 2)
print(hash(f) == hash(2.5), {f: 1}[2.5], {2.5: 2}[f], isinstance(f, float), float(f), type(float(f)).__name__)
print(int(f), round(f), round(MyFloat(2.567), 2), math.floor(f), math.ceil(f), math.sqrt(MyFloat(16)))
print(f.is_integer(), MyFloat(3.0).is_integer(), f.as_integer_ratio(), f.hex(), f.real, f.conjugate())
print("%.3f %s %r %g" % (f, f, f, f), f"{f:.2f} {f!r} {f}", format(f, "e"), str(f))
print(bool(MyFloat(0.0)), bool(f), divmod(f, 1), max(f, 1), min(MyFloat(0.5), 1), sum([f, f]))
print(MyFloat.fromhex("0x1.8p1"), type(MyFloat.fromhex("0x1p0")).__name__, MyFloat(7))
print(sorted([MyFloat(3), 1.5, MyFloat(-2)]), 2 + f, 2.0 - f, 1 < f < 3)


class MyStr(str):
    def __new__(cls, value, tag=""):
        self = super().__new__(cls, value)
        self.tag = tag
        return self

    def shout(self):
        return self.upper() + "!"


s = MyStr("héllo", tag="t")
print(s, repr(s), s.tag, s.shout(), len(s), s[1], s[1:3], type(s[1:3]).__name__)
print(s + "!", type(s + "!").__name__, "<" + s, s * 2, type(s * 1).__name__, s == "héllo", s < "z")
print(hash(s) == hash("héllo"), {s: 1}["héllo"], {"héllo": 2}[s], s in {"héllo"}, isinstance(s, str))
print(type(str(s)).__name__, str(s), type(s.strip()).__name__, type(s.lower()).__name__, s.split("l"))
print("%s|%r|%5s" % (s, s, MyStr("ab")), f"{s}|{s!r}|{s:>8}", format(s), "-".join([s, s]))
print(s.startswith("hé"), s.find("l"), s.upper().lower(), list(s)[:2])
print(type(MyStr("x").replace("y", "z")).__name__, type(MyStr("")[:]).__name__, MyStr(42), MyStr(""))
d = {}
d[MyStr("k")] = 1
d["k"] += 1
print(d, getattr(s, "tag"), "é" in s, s.count("l"))


class Tagged(str):
    __slots__ = ()

    def __repr__(self):
        return "T" + super().__repr__()


print(Tagged("x"), repr(Tagged("x")), [Tagged("y")], hasattr(Tagged("x"), "__dict__"))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __init__(self, a, b):
        self.note = "pair of %r and %r" % (a, b)

    def swap(self):
        return Pair(self[1], self[0])


p = Pair(1, "two")
print(p, repr(p), p.note, p.swap(), len(p), p[0], p[-1], p[:1], type(p[:]).__name__)
print(p == (1, "two"), p + (3,), type(p + ()).__name__, p * 2, hash(p) == hash((1, "two")))
print({p: "v"}[(1, "two")], isinstance(p, tuple), tuple(p), type(tuple(p)).__name__, list(p))
x, y = p
print(x, y, "%s-%s" % p, 1 in p, p.index("two"), p.count(1), sorted(Pair(3, 1)), max(p[:1]))


class Point(tuple):
    __slots__ = ()

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    x = property(lambda self: self[0])
    y = property(lambda self: self[1])

    def __repr__(self):
        return "Point(x=%r, y=%r)" % self


pt = Point(3, 4)
print(pt, pt.x, pt.y, pt._replace if hasattr(pt, "_replace") else "-", hasattr(pt, "__dict__"))
try:
    pt.z = 1
except AttributeError as e:
    print(e)
print(sorted({Point(2, 1), Point(1, 2)}), Point(1, 2) < Point(1, 3))


class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
        self.pushes = 0

    def push(self, v):
        self.pushes += 1
        self.append(v)
        return self

    def __repr__(self):
        return "Stack(%s)" % list.__repr__(self)


st = Stack(1, 2)
st.push(3).push(4)
print(st, st.pushes, len(st), st[1:], type(st[1:]).__name__, st + [5], type(st + [5]).__name__)
print(st.pop(), st, sorted(Stack(3, 1, 2)), isinstance(st, list), st == [1, 2, 3], list(reversed(st)))
st += [9]
print(st, type(st).__name__, st * 2, type(st * 2).__name__, st.copy(), type(st.copy()).__name__)
try:
    hash(st)
except TypeError as e:
    print(e)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, k):
        self[k] = self[k] + 1


c = Counter()
for w in "a b a c a b".split():
    c.add(w)
print(c, c["zz"], "zz" in c, len(c), sorted(c.items()), c.get("zz"), type(c.copy()).__name__)


class AttrDict(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.__dict__ = self


ad = AttrDict(a=1, b=2)
ad.c = 3
print(ad, ad.a, ad["c"], isinstance(ad, dict), dict(ad), type(dict(ad)).__name__)


class OrderedSet(set):
    def __init__(self, items=()):
        super().__init__(items)
        self.extra = "e"

    def __repr__(self):
        return "OrderedSet(%s)" % sorted(self)


os_ = OrderedSet([3, 1, 2])
os_.add(0)
print(os_, os_.extra, 2 in os_, len(os_), sorted(os_ | {9}), type(os_ | {9}).__name__, isinstance(os_, set))


class Frozen(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)


fz = Frozen(1, 2, 3)
print(sorted(fz), type(fz).__name__, {fz: 1}[frozenset({1, 2, 3})], fz == {1, 2, 3}, len(fz))
print(type(fz | {4}).__name__, hash(fz) == hash(frozenset({1, 2, 3})))

try:

    class B(bool):
        pass

except TypeError as e:
    print(e)


class MyError(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


try:
    raise MyError(7, "bad thing")
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))

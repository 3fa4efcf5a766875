# __slots__: member descriptors instead of an instance __dict__, their
# errors, inheritance and layout rules
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = P(3, -4)
print(p.x, p.y, p.norm1(), hasattr(p, "__dict__"), P.__slots__)
print(P.x, type(P.x).__name__, P.x.__name__, P.x.__objclass__ is P, P.x.__get__(p), P.x.__get__(None, P) is P.x)
p.x = 10
P.y.__set__(p, 20)
print(p.x, p.y, getattr(p, "x"), vars(P)["y"])
del p.x
print(hasattr(p, "x"))
for f in (lambda: p.x, lambda: p.z, lambda: vars(p)):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    p.z = 1
except AttributeError as e:
    print("p.z = 1 ->", e)
try:
    del p.x
except AttributeError as e:
    print("del p.x ->", e)
try:
    del p.z
except AttributeError as e:
    print("del p.z ->", e)
try:
    p.__dict__
except AttributeError as e:
    print("p.__dict__ ->", e)
try:
    P.x.__get__(5, int)
except TypeError as e:
    print(e)
try:
    P.x.__set__("s", 1)
except TypeError as e:
    print(e)
p.x = p
print(p.x is p)


# mangled names, a string __slots__, sorted member order in the class dict
class M:
    __slots__ = ["__secret", "b", "a"]

    def __init__(self):
        setattr(self, "_M__secret", "s")

    def reveal(self):
        return getattr(self, "_M__secret")


class One:
    __slots__ = "only"


m = M()
print(m.reveal(), m._M__secret, [k for k in M.__dict__ if not k.startswith("__") or k == "__slots__"])
print(list(M.__slots__), One.__slots__, One.only)


# inheritance: a subclass without __slots__ gets a __dict__; one with
# __slots__ adds its own; '__dict__' in __slots__ asks for one
class Base:
    __slots__ = ("a",)


class WithDict(Base):
    pass


class More(Base):
    __slots__ = ("b",)


class Both(More):
    __slots__ = ("c", "__dict__")


w = WithDict()
w.a = 1
w.other = 2
print(w.a, w.__dict__, hasattr(w, "__dict__"))
mo = More()
mo.a, mo.b = 1, 2
print(mo.a, mo.b, hasattr(mo, "__dict__"), isinstance(mo, Base))
try:
    mo.c = 3
except AttributeError as e:
    print(e)
b = Both()
b.a, b.b, b.c, b.d = 1, 2, 3, 4
print(b.a, b.b, b.c, b.d, b.__dict__)
b.__dict__ = {"e": 5}
print(b.e, b.a, vars(b))


class Empty:
    __slots__ = ()


try:
    Empty().anything = 1
except AttributeError as e:
    print(e)


# a class attribute shadowed by nothing; properties and methods coexist
class Temp:
    __slots__ = ("_c",)
    unit = "C"

    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9


t = Temp(100)
print(t.f, t.unit)
t.f = 32
print(t._c)
try:
    t.unit = "F"
except AttributeError as e:
    print(e)


# multiple inheritance with slots
class S1:
    __slots__ = ("p",)


class S2:
    __slots__ = ("q",)


class E1:
    __slots__ = ()


class Mix(S1, E1):
    __slots__ = ("r",)


mx = Mix()
mx.p, mx.r = 1, 2
print(mx.p, mx.r, [c.__name__ for c in Mix.__mro__])
try:

    class Bad(S1, S2):
        pass

except TypeError as e:
    print(e)


# errors at class creation
for slots in (("1a",), (1,), ("__dict__", "__dict__"), 3):
    try:

        class D:
            __slots__ = slots

    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:

    class D:
        __slots__ = ("a",)
        a = 1

except ValueError as e:
    print(type(e).__name__, e)
for base in (int, tuple, str, WithDict, float, list, Exception):
    try:

        class D(base):
            __slots__ = ("a", "__dict__")

        print(base.__name__, "ok", hasattr(D(), "__dict__"))
    except TypeError as e:
        print(base.__name__, e)


# a str subclass keeps its slots and dict after the text
class Word(str):
    __slots__ = ("lang", "__dict__")


w1 = Word("hello")
w1.lang = "en"
w1.extra = 1
w2 = Word("a much longer piece of text than the first one")
w2.lang = "xx"
print(w1, w1.lang, w1.extra, w1.__dict__, w2.lang, len(w2), w1.upper(), Word.lang)
del w1.lang
print(hasattr(w1, "lang"), hasattr(w2, "__dict__"))


# cycles through slots are collected; many instances
class Node:
    __slots__ = ("val", "next")

    def __init__(self, val):
        self.val = val
        self.next = None


head = Node(0)
cur = head
for i in range(1, 1000):
    cur.next = Node(i)
    cur = cur.next
cur.next = head
total = 0
cur = head
for i in range(1000):
    total += cur.val
    cur = cur.next
print(total)
head = cur = None


class Counter:
    __slots__ = ("n",)
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.n = Counter.instances


cs = [Counter() for _ in range(5)]
print([c.n for c in cs], Counter.instances)


# __class__ assignment between classes with the same slots
class SA:
    __slots__ = ("x",)


class SB(SA):
    __slots__ = ()


class SC:
    __slots__ = ("x",)


class SD:
    __slots__ = ("y",)


sa = SA()
sa.x = 1
sa.__class__ = SB
print(type(sa).__name__, sa.x)
sa.__class__ = SC
print(type(sa).__name__, sa.x)
for target in (SD, WithDict, int):
    try:
        sa.__class__ = target
    except TypeError as e:
        print(e)

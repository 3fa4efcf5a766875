# __new__, singletons, immutable subclasses, __init__ return check
class Single:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.count = 0
        return cls._inst

    def __init__(self, *args):
        self.count += 1


a = Single()
b = Single(1, 2)
print(a is b, a.count)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return "Point(%d, %d)" % self


p = Point(1, 2)
print(p, p.x, p[1], len(p), p == (1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)))


class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())


u = Upper("abc")
print(u, type(u).__name__, u.lower(), u == "ABC")


class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)


print(Pos(3) + 1)
try:
    Pos(-1)
except ValueError as e:
    print(e)


# __new__ returning something else skips __init__
class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(Other())


class Tracked:
    def __new__(cls, *a, **k):
        print("new", cls.__name__, a, k)
        return object.__new__(cls)

    def __init__(self, *a, **k):
        print("init", a, k)


t = Tracked(1, key=2)


class SubTracked(Tracked):
    pass


st = SubTracked()
print(type(st).__name__)


class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as e:
    print(e)

try:
    object.__new__(1)
except TypeError as e:
    print(e)

try:
    object(1)
except TypeError as e:
    print(e)


class NoInitArgs:
    def __new__(cls, x):
        return super().__new__(cls)


n = NoInitArgs(5)
print(type(n).__name__)


# type(name, bases, dict)
Dyn = type("Dyn", (Point,), {"z": 3, "hello": lambda self: "hi %d" % self.x})
d = Dyn(4, 5)
print(d, d.z, d.hello(), Dyn.__name__, Dyn.__mro__[1] is Point)
Plain = type("Plain", (), {})
print(Plain.__bases__, Plain.__name__)
print(type(3) is int, type("") is str, type(None).__name__, type(type(3)).__name__)

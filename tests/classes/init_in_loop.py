# Class calls whose __init__ the dispatch loop runs in place: the result,
# every way __init__ can end, and the calls that must take the general path.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, type(p).__name__)


class Defaults:
    def __init__(self, a, b=10, *rest, c=5, **kw):
        self.total = a + b + c + sum(rest) + sum(kw.values())


print(Defaults(1).total, Defaults(1, 2).total, Defaults(1, 2, 3, 4).total)
print(Defaults(1, c=100).total, Defaults(a=1, b=2, z=7).total)


class Rebinds:
    def __init__(self, v):
        self.v = v
        self = None


r = Rebinds(3)
print(type(r).__name__, r.v)


class ReturnsValue:
    def __init__(self):
        return 42


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)


class ReturnsNoneExplicitly:
    def __init__(self):
        self.ok = True
        return None


print(ReturnsNoneExplicitly().ok)


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n < 0:
            raise ValueError("negative: %d" % n)
        self.n = n


for n in (1, -1):
    try:
        print("made", Raises(n).n)
    except ValueError as e:
        print("ValueError:", e)


class Closure:
    def __init__(self, k):
        self.get = lambda: k * 2
        factor = 3

        def times(x):
            return x * factor
        self.times = times


c = Closure(4)
print(c.get(), c.times(5))


class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base"]


class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.log.append("Child")
        self.extra = extra


class Grandchild(Child):
    def __init__(self):
        super(Grandchild, self).__init__("g", 9)
        self.log.append("Grandchild")


g = Grandchild()
print(g.name, g.extra, g.log)


class WithNew:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, a):
        print("__init__", a)


WithNew(7)


class Other:
    pass


class NewReturnsOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("never runs")


print(type(NewReturnsOther()).__name__)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class Managed(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(Managed(5).v)


class StaticInit:
    def __init__(self, v):
        self.v = v


def replacement(self, v):
    self.v = v * 100


made = StaticInit(1)
StaticInit.__init__ = replacement
print(made.v, StaticInit(2).v)
del StaticInit.__init__
try:
    StaticInit(3)
except TypeError as e:
    print("TypeError:", e)
print(type(StaticInit()).__name__)


class CallableInit:
    class Init:
        def __get__(self, obj, cls):
            return lambda v: setattr(obj, "v", -v)

    __init__ = Init()


print(CallableInit(8).v)


class ListChild(list):
    def __init__(self, items):
        super().__init__(items)
        self.size = len(items)


lc = ListChild([3, 1, 2])
print(lc, lc.size, sorted(lc))


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1


items = [Counter() for i in range(1000)]
print(Counter.count, len(items))


class Nested:
    def __init__(self, depth):
        self.child = Nested(depth - 1) if depth else None


n = Nested(50)
d = 0
while n:
    n = n.child
    d += 1
print("depth", d)


class Forever:
    def __init__(self):
        self.child = Forever()


sys.setrecursionlimit(200)
try:
    Forever()
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)


class Missing:
    def __init__(self, a, b):
        pass


for args in [(1,), (1, 2, 3)]:
    try:
        Missing(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    Missing(1, c=2)
except TypeError as e:
    print("TypeError:", e)


def handled_inside():
    try:
        Raises(-5)
    except ValueError as e:
        return "caught " + str(e)


print(handled_inside())


class Tracer:
    def __init__(self):
        self.frame_ok = True
        raise KeyError("from __init__")


Tracer()

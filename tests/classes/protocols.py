# Descriptors written in Python, __set_name__, __init_subclass__, __getattribute__
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("%s must be int, not %s" % (self.name[1:], type(value).__name__))
        setattr(obj, self.name, value)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, Point.x.name, Point.x.owner, type(Point.__dict__["x"]).__name__)
p.x = 10
print(p.x, vars(p))
try:
    p.y = "a"
except TypeError as e:
    print(e)
print(isinstance(Point.x, Typed))


class NonData:
    def __get__(self, obj, objtype=None):
        return "computed for %s" % (type(obj).__name__ if obj is not None else objtype.__name__)


class Holder:
    attr = NonData()


h = Holder()
print(h.attr)
h.__dict__["attr"] = "instance wins"
print(h.attr)


class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="the-beta"):
    pass


class Gamma(Beta):
    pass


print(Plugin.registry, Gamma.plugin_name, Beta.plugin_name)
try:
    class Bad(Alpha, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__)


class Logged:
    def __init__(self):
        self.seen = []
        self.value = 1

    def __getattribute__(self, name):
        if name not in ("seen", "__dict__"):
            object.__getattribute__(self, "seen").append(name)
        return object.__getattribute__(self, name)


lg = Logged()
print(lg.value, lg.value)
try:
    lg.missing
except AttributeError as e:
    print(e)
print(lg.seen)


class Fallback(Logged):
    def __getattr__(self, name):
        return "fallback " + name


fb = Fallback()
print(fb.value, fb.other)


class Rev:
    def __reversed__(self):
        return iter([3, 2, 1])

    def __round__(self, n=None):
        return "rounded %r" % (n,)

    def __format__(self, spec):
        return "<" + spec + ">"


print(list(reversed(Rev())), round(Rev()), round(Rev(), 2), format(Rev(), "xyz"), "{:ab}".format(Rev()))


class NoFormat:
    pass


try:
    format(NoFormat(), "x")
except TypeError as e:
    print(e)
print(format(3.5, ""), str(NoFormat.__init_subclass__.__name__))

# __class__ and __dict__ from methods; type() of instances; class attribute via instance type
class K:
    count = 0

    def bump(self):
        type(self).count += 1
        return self.__class__.count


k = K()
print(k.bump(), k.bump(), K.count, k.__class__ is K)
# staticmethod and classmethod accessed through instances and subclasses
class S:
    @staticmethod
    def s(x):
        return x * 2

    @classmethod
    def c(cls):
        return cls


class T(S):
    pass


print(S.s(2), S().s(3), T.c() is T, T().c() is T, S.c() is S)
print(type(S.__dict__["s"]).__name__, S.__dict__["c"].__func__.__name__)

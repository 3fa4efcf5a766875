# staticmethod, classmethod, property
class Temp:
    scale = "C"

    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        """The temperature in Celsius."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @classmethod
    def describe(cls, extra=""):
        return cls.__name__ + ":" + cls.scale + extra


t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError", e)

print(Temp.convert(100), t.convert(0))
print(Temp.freezing().celsius, t.freezing().celsius)
print(Temp.describe(), t.describe("!"))
print(type(Temp.__dict__["celsius"]).__name__)
print(type(Temp.__dict__["convert"]).__name__, type(Temp.__dict__["freezing"]).__name__)
print(Temp.celsius.__doc__)
print(isinstance(Temp.celsius, property))


class SubTemp(Temp):
    scale = "K"


print(SubTemp.describe(), SubTemp.freezing().__class__.__name__)


# property() called directly
class Box:
    def __init__(self):
        self._w = 1

    def get_w(self):
        return self._w

    def set_w(self, v):
        self._w = v * 10

    w = property(get_w, set_w, None, "width")
    ro = property(lambda self: "read-only")


b = Box()
b.w = 4
print(b.w, b.ro, Box.w.__doc__)
try:
    b.ro = 1
except AttributeError as e:
    print(e)
print(Box.w.fget is Box.get_w, Box.w.fset is Box.set_w, Box.w.fdel)

# staticmethod/classmethod objects
sm = staticmethod(len)
print(sm.__func__ is len)


class Counter:
    n = 0

    @classmethod
    def inc(cls):
        cls.n += 1
        return cls.n


class Sub(Counter):
    pass


print(Counter.inc(), Counter.inc(), Sub.inc(), Counter.n, Sub.n)

# property inherited and overridden
class Base:
    @property
    def name(self):
        return "base"


class Derived(Base):
    @property
    def name(self):
        return "derived/" + super().name


print(Base().name, Derived().name)

# instance dict does not shadow a property
d = Derived()
d.__dict__["name"] = "shadow"
print(d.name)

# callable stored as class attribute: functions bind, other callables do not
class K:
    f = len
    g = lambda self: "bound"


print(K().f("abc"), K().g())

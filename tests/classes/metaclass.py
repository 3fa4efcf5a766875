# Metaclasses: class M(type) with __new__, __init__, __call__ and
# __prepare__, class C(metaclass=M), inheritance of the metaclass, methods
# and properties of the metaclass, and type(name, bases, dict)
registry = []


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        registry.append(cls)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
        cls.initialized = True

    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args, kw)
        inst = super().__call__(*args, **kw)
        inst.made_by_meta = True
        return inst

    def describe(cls):
        return "class %s with %d registered" % (cls.__name__, len(registry))

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Base(metaclass=Meta):
    x = 1

    def __init__(self, v=0):
        print("Base.__init__", v)
        self.v = v

    def hello(self):
        return "hello %s" % self.v


print(type(Base) is Meta, isinstance(Base, Meta), isinstance(Base, type), Base.__class__ is Meta)
print(Base.added_by_meta, Base.initialized, Base.describe(), Base.upper_name)
b = Base(5)
print(b.v, b.made_by_meta, b.hello(), type(b) is Base, type(b).__name__)


class Child(Base, flag=True):
    def __init_subclass__(cls, **kw):
        print("never: __init_subclass__ is for subclasses of Child")


print(type(Child) is Meta, Child.added_by_meta, Child.x, Child.describe(), [c.__name__ for c in registry])
c = Child(7)
print(c.v, c.made_by_meta)
try:
    Base.no_such
except AttributeError as e:
    print(e)
try:
    b.describe
except AttributeError as e:
    print(e)


# __prepare__ gives the namespace; a classmethod on the metaclass
class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        d = {"preset": 42}
        return d

    def __new__(mcs, name, bases, ns, **kw):
        cls = type.__new__(mcs, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls


class O(metaclass=Ordered, tag="t"):
    b = 2
    a = 1

    def m(self):
        pass


print(O.order, O.preset, type(O).__name__)


# singleton through the metaclass's __call__
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kw):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kw)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")
        self.values = {}


c1 = Config()
c2 = Config()
c1.values["k"] = 1
print(c1 is c2, c2.values)


# metaclass attributes and class attributes
class Counted(type):
    count = 0

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Counted.count += 1
        cls.serial = Counted.count


class A(metaclass=Counted):
    pass


class B(A):
    pass


print(A.serial, B.serial, Counted.count, A.count, type(B).__name__)
A.extra = "set on class"
print(A.extra, B.extra, "extra" in A.__dict__)
print(repr(A).startswith("<class '"), A.__name__, A.__mro__ == (A, object))

# type(name, bases, dict) and its errors
Dyn = type("Dyn", (A,), {"val": 3, "get": lambda self: self.val * 2})
print(Dyn.__name__, type(Dyn).__name__, Dyn().get(), Dyn.serial, Dyn.__bases__ == (A,))
Plain = type("Plain", (), {"__doc__": "docs"})
print(Plain.__doc__, type(Plain) is type, Plain.__bases__)
for args in ((1, (), {}), ("X", [], {}), ("X", (), [])):
    try:
        type(*args)
    except TypeError as e:
        print(e)
try:
    type("X", (), {}, 4)
except TypeError as e:
    print(e)
try:
    type.__new__(int, "X", (), {})
except TypeError as e:
    print(e)


class M1(type):
    pass


class M2(type):
    pass


class P1(metaclass=M1):
    pass


class P2(metaclass=M2):
    pass


try:

    class Both(P1, P2):
        pass

except TypeError as e:
    print(e)


class M3(M1):
    pass


class P3(P1, metaclass=M3):
    pass


print(type(P3).__name__, isinstance(P3, M1))


# a plain function as the metaclass
def make_class(name, bases, ns):
    print("make_class", name, sorted(k for k in ns if not k.startswith("__")))
    return type(name, bases, ns)


class F(metaclass=make_class):
    y = 1


print(type(F).__name__, F.y)
try:

    class S(type):
        __slots__ = ("a",)

except TypeError as e:
    print(e)

# __call__, __getattr__, __setattr__, __delattr__, __getattribute__-free proxies
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x + sum(rest)) * scale, sorted(kw)


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), add5(0, z=1, a=2), callable(add5), callable(Adder))
print(list(map(Adder(1), [1, 2])))
try:
    Adder(1)()
except TypeError as e:
    print(e)


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError as e:
    print(e)
print(callable(NotCallable()))


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        if name.startswith("secret"):
            raise AttributeError("no secrets: " + name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), hasattr(p, "append"), hasattr(p, "secret_x"), hasattr(p, "nonexistent"))
try:
    p.secret_key
except AttributeError as e:
    print(e)
try:
    p.nonexistent
except AttributeError as e:
    print(e)


class Dynamic:
    x = "class attr"

    def __getattr__(self, name):
        return "dyn:" + name


d = Dynamic()
d.y = "inst"
print(d.x, d.y, d.zzz, getattr(d, "q"))


class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)


r = Recorder()
r.a = 1
r.b = 2
del r.a
print(r.log, r.b, hasattr(r, "a"))
setattr(r, "c", 3)
print(r.log[-1], r.__dict__["c"])


class Frozen:
    def __init__(self, v):
        super().__setattr__("v", v)

    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)


f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print(e)


class Validating:
    def __setattr__(self, name, value):
        if not isinstance(value, int):
            raise TypeError("%s must be int" % name)
        super().__setattr__(name, value)


v = Validating()
v.n = 5
try:
    v.m = "x"
except TypeError as e:
    print(e)
print(v.n, vars(v))


# __getattr__ is only consulted when normal lookup fails, including for properties raising AttributeError
class Fallback:
    @property
    def broken(self):
        raise AttributeError("inner")

    def __getattr__(self, name):
        return "fallback:" + name


print(Fallback().broken)


# callable objects as methods do not bind
class Mul:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


class UsesMul:
    triple = Mul(3)


print(UsesMul().triple(4), UsesMul.triple(5))


# __call__ defined on a base
class Base:
    def __call__(self):
        return type(self).__name__


class Derived(Base):
    pass


print(Derived()(), callable(Derived()))

# __getattr__ used for method calls
class Methods:
    def __getattr__(self, name):
        def method(*a):
            return name + str(a)
        return method


m = Methods()
print(m.foo(1, 2), m.bar())

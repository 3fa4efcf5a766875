# Private names (__x) inside a class are mangled to _C__x everywhere CPython
# mangles them: attributes, methods, class attributes, locals, globals,
# nonlocals, comprehensions, nested classes; keyword argument names are not.
class C:
    __cls = "class private"
    def __init__(self):
        self.__x = 1
        self.__y__ = 2
        __local = 3
        self.local = __local
    def f(self, __p=5):
        return dict(__a=1), __p, self.__x
    def __g(self):
        return "g"
    def call_g(self):
        return self.__g()
    class __Inner:
        __z = 4
    def inner(self):
        return self.__Inner, self._C__Inner._Inner__z
def outer():
    return C
c = C()
print(sorted(k for k in vars(c)), c.f(), c.call_g(), c._C__cls)
print(sorted(k for k in vars(C) if not k.startswith("__") or k.startswith("_C")))
print(c.inner()[1])
try:
    c.__x
except AttributeError as e:
    print(e)
class ___:
    __q = 1
print([k for k in vars(___) if k.endswith("q")])
class D(C):
    def h(self):
        try:
            return self.__x
        except AttributeError as e:
            return str(e)
print(D().h())
print(getattr(c, "_C__x"))

# closures, globals, nonlocal and comprehensions inside a class
__g = "module level __g"
class E:
    def m(self):
        __v = 1
        def inner():
            nonlocal __v
            __v += 1
            return __v
        return inner(), [__v for _ in range(2)], {__k: 1 for __k in "ab"}
    def glob(self):
        try:
            return __g
        except NameError as e:
            return str(e)
    def setglob(self):
        global __h
        __h = "set as _E__h"
print(E().m(), E().glob())
E().setglob()
print(sorted(k for k in globals() if k.endswith("__h") or k.endswith("__g")))
print(E.m.__name__, E.m.__qualname__)
class G:
    def __priv(self):
        return "priv"
print(G.__dict__["_G__priv"].__name__, G._G__priv.__qualname__)

# names made only of underscores are never mangled
class U:
    __ = "two"
    ___ = "three"
    _ = "one"
print(sorted(k for k in vars(U) if set(k) == {"_"}))

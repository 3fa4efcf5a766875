# Class bodies: namespaces, __qualname__, nested classes, __module__, locals
class Outer:
    a = 1
    b = a + 1

    class Inner:
        c = 3

        def m(self):
            return type(self).__qualname__

    def method(self):
        return Outer.Inner().m()

    names = sorted(k for k in ["x", "y"])
    del a


print(Outer.b, Outer.Inner.c, Outer().method(), hasattr(Outer, "a"), Outer.names)
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.Inner.__module__)
print(repr(Outer.Inner))


def factory():
    class Local:
        pass
    return Local


L = factory()
print(L.__qualname__, repr(L))

x = "global"


class UsesGlobal:
    y = x
    x = "class"
    z = x

    def get(self):
        return x


print(UsesGlobal.y, UsesGlobal.z, UsesGlobal().get())


def closure_class(v):
    class C:
        val = v

        def get(self):
            return v
    return C


print(closure_class(5).val, closure_class(6)().get())


class WithDoc:
    "docstring"
    x = 1


print(WithDoc.__doc__, sorted(k for k in WithDoc.__dict__ if not k.startswith("__")))
print("__module__" in WithDoc.__dict__, WithDoc.__dict__["x"])

# __class__ inside methods
class K:
    def who(self):
        return __class__.__name__


class K2(K):
    pass


print(K2().who())

# methods defined with conditional logic in the body
class Cond:
    if True:
        def f(self):
            return "true branch"
    else:
        def f(self):
            return "false branch"
    for i in range(3):
        pass


print(Cond().f(), Cond.i)

# class attributes holding mutable state shared by instances
class Shared:
    items = []

    def add(self, x):
        self.items.append(x)


s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)

# instance counting via class attribute
class Counted:
    n = 0

    def __init__(self):
        Counted.n += 1
        self.id = Counted.n


objs = [Counted() for _ in range(3)]
print([o.id for o in objs], Counted.n)
print(vars(objs[0]), objs[0].__dict__ is vars(objs[0]))

# Classes: attributes, methods, bound methods, __dict__, __class__, __name__, __doc__
class Point:
    """A point in the plane."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, dx, dy=0):
        self.x += dx
        self.y += dy
        return self


p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
print(p.move(1).x, p.move(1, 2).y)
print(sorted(p.__dict__.items()))
print(p.__class__ is Point, type(p) is Point, type(p).__name__)
print(Point.__name__, Point.__qualname__, Point.__doc__)
print(Point.__module__)
print(repr(Point))

# bound methods as values
m = p.norm2
print(m())
p.x = 0
print(m())
print(m.__self__ is p, m.__func__ is Point.norm2)
f = Point.move
f(p, 5)
print(p.x)
meths = [p.norm2, Point(1, 1).norm2]
print([g() for g in meths])

# instance attribute shadows class attribute
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)

# class attribute changes are seen by instances
Point.dims = 7
print(p.dims)
Point.extra = lambda self: "extra!"
print(p.extra())

# __dict__ is the live instance namespace
d = p.__dict__
d["z"] = 9
print(p.z)
p.w = 1
print(sorted(d))

# a class with no __init__
class Empty:
    pass

e = Empty()
e.a = 1
print(e.a, e.__dict__, Empty.__doc__)
try:
    Empty(1)
except TypeError as ex:
    print(ex)

try:
    e.missing
except AttributeError as ex:
    print(ex)

try:
    Point.missing
except AttributeError as ex:
    print(ex)

try:
    Point(1)
except TypeError as ex:
    print(ex)

try:
    Point(1, 2, 3)
except TypeError as ex:
    print(ex)

try:
    del e.nothing
except AttributeError as ex:
    print(ex)


# classes created inside functions
def make_counter_class(start):
    class Counter:
        count = start

        def bump(self):
            self.count += 1
            return self.count
    return Counter


C1 = make_counter_class(10)
C2 = make_counter_class(100)
a, b = C1(), C2()
print(a.bump(), a.bump(), b.bump(), C1.count, C2.count)
print(C1.__name__, C1.__qualname__)
print(C1 is C2)


# class decorators
registry = []


def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls


def add_hello(greeting):
    def deco(cls):
        cls.hello = lambda self: greeting + " from " + type(self).__name__
        return cls
    return deco


@register
@add_hello("hi")
class Widget:
    pass


print(registry, Widget.registered, Widget().hello())


# methods calling other methods, recursion through self
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)


t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(t.total(), t.depth())

# class body scoping
class Scope:
    x = 5
    y = [x * i for i in range(3)] if False else None
    z = x + 1

    def get(self):
        return self.z


print(Scope.z, Scope().get())

# getattr/setattr/hasattr with classes
setattr(p, "q", 42)
print(getattr(p, "q"), hasattr(p, "q"), hasattr(p, "nope"), getattr(p, "nope", "dflt"))
delattr(p, "q")
print(hasattr(p, "q"))
print(isinstance(p, Point), isinstance(p, object), isinstance(Point, type))
print(type(Point), type(type))

# Instance attributes: insertion order, deletion, __dict__, many attributes,
# shadowing of methods and class attributes, cycles through attributes
class P:
    pass


a = P()
a.x = 1
a.y = 2
b = P()
b.y = 3
b.x = 4
print(vars(a), vars(b), a.__dict__ == {"x": 1, "y": 2})
del a.x
print(vars(a), hasattr(a, "x"))
a.x = 5
print(vars(a), list(a.__dict__))
c = P()
c.z = 1
c.x = 2
del c.z
c.z = 3
print(vars(c))
try:
    del c.nothing
except AttributeError as e:
    print(e)
try:
    del c.z
    del c.z
except AttributeError as e:
    print(e)

# many attributes (beyond any inline room)
big = P()
for i in range(40):
    setattr(big, "a%d" % i, i)
print(len(vars(big)), big.a0, big.a39, list(vars(big))[:3], list(vars(big))[-2:])
big2 = P()
for i in range(40):
    setattr(big2, "a%d" % i, i * 2)
print(sum(getattr(big2, "a%d" % i) for i in range(40)))
for i in range(0, 40, 2):
    delattr(big2, "a%d" % i)
print(len(vars(big2)), list(vars(big2))[:3])

# the __dict__ is live both ways
d = P()
d.q = 1
dd = d.__dict__
dd["r"] = 2
d.s = 3
print(d.r, dd, vars(d) is dd)
d.__dict__ = {"new": 1}
print(vars(d), hasattr(d, "q"))
try:
    d.__dict__ = 5
except TypeError as e:
    print(e)

# an instance attribute shadows a method and a class attribute
class M:
    kind = "class"

    def f(self):
        return "method"

    def g(self):
        return "method g"


m = M()
m.f = lambda: "instance"
m.kind = "instance"
print(m.f(), m.kind, M.kind, M().f())
del m.f
print(m.f())
n = M()
n.h = lambda: "inline h"
M.h = lambda self: "class h"
print(n.h(), M().h())
n2 = M()
n2.g2 = 1
print(n2.g())

# __class__ assignment keeps attributes
class A:
    def who(self):
        return "A", vars(self)


class B:
    def who(self):
        return "B", vars(self)


x = A()
x.v = 1
x.w = 2
x.__class__ = B
print(x.who(), type(x).__name__)
try:
    x.__class__ = int
except TypeError as e:
    print("TypeError")

# cycles through instance attributes are collected; identities kept
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


for i in range(1000):
    p, q = Node("p"), Node("q")
    p.peer, q.peer = q, p
print(p.peer.peer is p, p.peer.name)

# attributes set in different orders by different instances of one class
class Rec:
    def __init__(self, flip):
        if flip:
            self.b = 1
            self.a = 2
        else:
            self.a = 3
            self.b = 4


print([vars(Rec(f)) for f in (False, True, False, True)])
# subclass instances keep their own attributes and inherited ones
class Base:
    def __init__(self):
        self.base_attr = "b"


class Sub(Base):
    def __init__(self):
        super().__init__()
        self.sub_attr = "s"


s = Sub()
print(vars(s), s.base_attr, s.sub_attr)
# setattr/getattr with computed names and non-identifier names
setattr(s, "with space", 1)
print(getattr(s, "with space"), vars(s)["with space"])

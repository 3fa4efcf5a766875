# Attribute sites that see several classes (a base-class method run on
# every subclass), and class attributes replaced while those sites are hot.


class Shape:
    created = 0
    label = "shape"

    def __init__(self, name):
        self.name = name
        self.hits = 0
        Shape.created += 1

    def area(self):
        return 0

    def touch(self):
        self.hits += 1
        return self.area()


def make_class(i):
    class Sub(Shape):
        def __init__(self):
            super().__init__("s%d" % i)
            self.side = i

        def area(self):
            return self.side * self.side
    Sub.__name__ = "Sub%d" % i
    return Sub


classes = [make_class(i) for i in range(7)]
shapes = [c() for c in classes] * 3
total = 0
for rep in range(4):
    for s in shapes:
        total += s.touch()
print(total, Shape.created, [s.hits for s in shapes[:7]])

# One class's instances leave the inline layout while the others stay.
odd = shapes[3]
odd.__dict__["extra"] = 1
print(odd.touch(), odd.hits, sorted(odd.__dict__))
for s in shapes:
    s.touch()
print([s.hits for s in shapes[:7]])

# __class__ moves an instance between two classes the site knows.
a, b = classes[1](), classes[2]()
site = []
for obj in (a, b, a, b):
    site.append(obj.area())
a.__class__ = classes[2]
site.append(a.area())
print(site)


# A method shadowed on one subclass's instance only.
def shadow():
    return -1


shapes[5].area = shadow
print([s.touch() for s in shapes[:7]])
del shapes[5].area
print(shapes[5].touch())

# Plain class data replaced while the sites are hot: every read sees the
# new value, through the class, an instance and a subclass.
readings = []
for i in range(5):
    Shape.label = "label-%d" % i
    Shape.created = Shape.created + 1000
    readings.append((shapes[0].label, classes[3].label, Shape.label, shapes[2].created % 1000))
print(readings)

# Plain data replaced by a function, a property, then plain data again.
Shape.label = lambda self: "method of " + self.name
print(shapes[0].label(), shapes[4].label())
Shape.label = property(lambda self: "property of " + self.name)
print(shapes[0].label, shapes[4].label)
try:
    shapes[0].label = "x"
except AttributeError as e:
    print("AttributeError:", e)
Shape.label = "plain again"
shapes[0].label = "own"
print(shapes[0].label, shapes[1].label)
del shapes[0].label
print(shapes[0].label)

# An instance attribute shadowing plain class data the site read before.
for s in shapes[:3]:
    print(s.created > 0, end=" ")
shapes[1].created = "mine"
print([s.created if isinstance(s.created, str) else "class" for s in shapes[:3]])


# A data attribute replaced by a data descriptor on one class of a site.
class P:
    def __init__(self, v):
        self.v = v


class Q(P):
    pass


class R(P):
    pass


objs = [P(1), Q(2), R(3)] * 2
print([o.v for o in objs])
Q.v = property(lambda self: "Q's property")
print([o.v for o in objs])
del Q.v
print([o.v for o in objs])

# Many classes at one STORE_ATTR site, then reads of every one.
class Base:
    def set(self, v):
        self.value = v


kinds = [type("K%d" % i, (Base,), {}) for i in range(9)]
objs = [k() for k in kinds]
for i, o in enumerate(objs * 2):
    o.set(i)
print([o.value for o in objs])

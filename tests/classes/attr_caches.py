# The dispatch loop caches attribute reads, writes and method lookups per
# instruction; every way a class or an instance can change under a cached
# site must still give CPython's answer.

class P:
    kind = "class attr"

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def name(self):
        return "method"


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


def call_name(o):
    return o.name()


a, b = P(1), P(2)
print([read_x(a) for _ in range(3)], read_x(b))

# the instance attribute goes away: the class attribute shows through
a.kind = "own"
print(a.kind, b.kind)
del a.kind
print(a.kind)
del a.x
try:
    read_x(a)
except AttributeError as e:
    print("AttributeError:", e)
write_x(a, 10)
print(read_x(a), a.get())

# a method cached for one instance is shadowed on another
print(call_name(a), call_name(b))
b.name = lambda: "instance function"
print(call_name(a), call_name(b))
del b.name
print(call_name(b))

# the class changes under a cached read and a cached write
print(read_x(b))
P.x = property(lambda self: "property wins", lambda self, v: print("setter got", v))
print(read_x(a), read_x(b))
write_x(a, 99)
del P.x
print(read_x(a), read_x(b))
P.name = lambda self: "replaced method"
print(call_name(a), call_name(b))

# an instance moves its attributes to a dict
c = P(5)
print(read_x(c))
d = c.__dict__
d["x"] = "through __dict__"
print(read_x(c))
write_x(c, 6)
print(read_x(c), c.__dict__)

# one site, several classes (and not instances at all)
class Q(P):
    def __init__(self):
        self.y = 0
        self.x = "q"

    def name(self):
        return "Q.name"


class R:
    x = "R class attr"

    def name(self):
        return "R.name"


class S:
    __slots__ = ("x",)

    def __init__(self):
        self.x = "slot"

    def name(self):
        return "S.name"


for o in [P(7), Q(), R(), S()] * 2:
    print(type(o).__name__, read_x(o), call_name(o))
for o in [P(7), Q(), S()]:
    write_x(o, type(o).__name__ + "!")
    print(read_x(o))

# __getattr__ / __setattr__ added after the sites were warmed
def ga(self, n):
    return "getattr " + n

P.__getattr__ = ga
e = P(1)
del e.x
print(read_x(e))
P.__setattr__ = lambda self, n, v: print("setattr", n, v)
write_x(e, 3)
print(read_x(e))

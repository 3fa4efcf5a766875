# __del__: runs when the last reference goes (refcount), once per object,
# also for objects of a cycle, and with the object still usable
log = []


class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


def use():
    r = Res("local")
    print("using", r.name)


use()
print("after use")
a = Res("a")
b = a
del a
print("a deleted, b still holds it")
b = None
print("after b = None")
items = [Res("x"), Res("y")]
items.pop()
print("popped")
items = None
print("list dropped")
d = {"k": Res("in dict")}
d["k"] = 1
print("replaced")


class Sub(Res):
    pass


s = Sub("sub")
del s


class Chain(Res):
    def __del__(self):
        print("chain del", self.name)
        super().__del__()


c = Chain("c")
c = None


# resurrection: __del__ stores self; it never runs a second time
saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("phoenix del", self.n)
        saved.append(self)


p = Phoenix(1)
p = None
print("saved", len(saved), saved[0].n)
saved.clear()
print("cleared again")


# __del__ added to the class later, and deleted again
class Late:
    pass


x = Late()
Late.__del__ = lambda self: print("late del")
x = None
del Late.__del__
x = Late()
x = None
print("no del now")


# an exception in __del__ is reported (here through a callable whose repr
# is stable) and otherwise ignored
class Reporter:
    def __repr__(self):
        return "<Reporter>"

    def __call__(self):
        raise ValueError("in __del__")


class Bad:
    __del__ = Reporter()


bad = Bad()
bad = None
print("still running")


# objects in a cycle are finalized by the collector: each once
class Cyc:
    count = 0

    def __init__(self, n):
        self.n = n
        self.other = None

    def __del__(self):
        Cyc.count += 1


def make_cycles(k):
    for i in range(k):
        u, v = Cyc(i), Cyc(-i)
        u.other, v.other = v, u


make_cycles(2000)
for i in range(3000):
    [[] for _ in range(10)]
print("finalized some cycles:", Cyc.count > 0)
print("end of program")
g = Res("global, at exit")

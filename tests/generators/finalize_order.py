# The order in which dropped generators are finalized follows the order in
# which their last references go.

def gen(name):
    try:
        yield
    finally:
        print("close", name)


a = gen("a")
b = gen("b")
next(a)
next(b)
a, b = b, a       # swap: nothing dropped
print("swapped")
a = b = None      # a (holding "b") goes first, then b (holding "a")
print("--")


def scope():
    x = gen("x")
    y = gen("y")
    next(x)
    next(y)
    print("leaving scope")


scope()
print("--")

# a generator holding another generator: the outer is closed first, and
# the inner is closed while the outer's frame is torn down
def holder():
    inner = gen("inner")
    next(inner)
    try:
        yield
    finally:
        print("close holder")


h = holder()
next(h)
del h
print("--")

# a chain of generators passed along as arguments
def stage(src, name):
    try:
        for v in src:
            yield v
    finally:
        print("close", name)


def source():
    try:
        yield from range(100)
    finally:
        print("close source")


p = stage(stage(source(), "s1"), "s2")
print(next(p))
del p
print("end")

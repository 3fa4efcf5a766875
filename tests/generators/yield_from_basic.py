# yield from: delegation of next() and the sub-generator's return value.

trace = []


def g1():
    trace.append("Starting g1")
    yield "g1 ham"
    ret = yield from g2()
    trace.append("g2 returned %s" % (ret,))
    ret = yield from g2(42)
    trace.append("g2 returned %s" % (ret,))
    yield "g1 eggs"
    trace.append("Finishing g1")


def g2(v=None):
    trace.append("Starting g2")
    yield "g2 spam"
    yield "g2 more spam"
    trace.append("Finishing g2")
    if v:
        return v


for x in g1():
    trace.append("Yielded %s" % (x,))
for t in trace:
    print(t)


# yield from any iterable
def from_iterables():
    yield from range(3)
    yield from [10, 11]
    yield from (20,)
    yield from "ab"
    yield from {"k": 1}
    yield from iter([30])
    yield from (x * 2 for x in range(2))
    yield from ()


print(list(from_iterables()))

# the value of yield from over a non-generator iterator is None
def value_of_list():
    v = yield from [1]
    yield ("value", v)


print(list(value_of_list()))

# yield from an empty generator
def empty():
    return "nothing yielded"
    yield


def take_empty():
    v = yield from empty()
    yield v


print(list(take_empty()))


def yield_from_empty_tuple():
    yield from ()


try:
    next(yield_from_empty_tuple())
except StopIteration:
    print("StopIteration from empty yield from")

# yield from a non-iterable raises TypeError when reached
def bad():
    yield "before"
    yield from 5


g = bad()
print(next(g))
try:
    next(g)
except TypeError as e:
    print("TypeError", e)

# yield from as an expression inside a larger expression
def inner():
    yield 1
    return 10


def outer():
    total = (yield from inner()) + (yield from inner())
    yield total


print(list(outer()))

# yield from a partially consumed generator continues from where it is
def count(n):
    for i in range(n):
        yield i
    return "count done"


c = count(5)
next(c)
next(c)


def rest():
    r = yield from c
    yield r


print(list(rest()))

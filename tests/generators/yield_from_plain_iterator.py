# yield from over iterators that are not generators: next() is delegated,
# send(non-None) needs a send method, throw() and close() fall back to
# raising in / closing the delegating generator.

trace = []


def g():
    try:
        trace.append("starting g")
        yield from range(3)
        trace.append("g should not be here")
    finally:
        trace.append("finishing g")


try:
    gi = g()
    next(gi)
    for x in range(3):
        y = gi.send(42)
        trace.append("Should not have yielded: %r" % (y,))
except AttributeError as e:
    print("AttributeError", e)
print(trace)

trace = []


def g2():
    try:
        trace.append("Starting g2")
        yield from range(10)
    finally:
        trace.append("Finishing g2")


try:
    gi = g2()
    for i in range(5):
        x = next(gi)
        trace.append("Yielded %s" % (x,))
    gi.throw(ValueError("tomato ejected"))
except ValueError as e:
    print("ValueError", e)
print(trace)


class Counter:
    """An iterator with only __iter__ and __next__."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def deleg():
    r = yield from Counter(3)
    yield ("returned", r)


print(list(deleg()))

gi = deleg()
print(gi.send(None))
try:
    gi.send("x")
except AttributeError as e:
    print("AttributeError", e)
print(next(gi, "closed after error"))

# throw into a delegator over a plain iterator: the delegator can catch it
def catching():
    try:
        yield from Counter(5)
    except KeyError:
        yield "caught KeyError in delegator"


gi = catching()
next(gi)
print(gi.throw(KeyError))

# close over a plain iterator: nothing to call, no error
gi = catching()
next(gi)
print(gi.close())

# list_iterator and str iterators
def over_list():
    yield from [1, 2]


gi = over_list()
next(gi)
try:
    gi.send(1)
except AttributeError as e:
    print("AttributeError", e)


def over_str():
    yield from "ab"


gi = over_str()
next(gi)
try:
    gi.send(1)
except AttributeError as e:
    print("AttributeError", e)

# an object whose __iter__ is a generator method
class Tree:
    def __iter__(self):
        yield "leaf1"
        yield "leaf2"


def over_tree():
    yield from Tree()


print(list(over_tree()))

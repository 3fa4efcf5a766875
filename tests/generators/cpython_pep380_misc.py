# CPython Lib/test/test_pep380.py: the tests not covered by the other
# yield_from_* scripts (initial next delegation, next/send with return
# values and the repr of the StopIteration they raise), as a script.

trace = []


def g1():
    trace.append("Starting g1")
    yield from g2()
    trace.append("Finishing g1")


def g2():
    trace.append("Starting g2")
    yield 42
    trace.append("Finishing g2")


for x in g1():
    trace.append("Yielded %s" % (x,))
print(trace)

trace = []


def g1():
    trace.append("Starting g1")
    yield "g1 ham"
    yield from g2()
    yield "g1 eggs"
    trace.append("Finishing g1")


def g2():
    trace.append("Starting g2")
    yield "g2 spam"
    yield "g2 more spam"
    trace.append("Finishing g2")


for x in g1():
    trace.append("Yielded %s" % (x,))
print(trace)

trace = []


def f(r):
    gi = g(r)
    next(gi)
    try:
        trace.append("f resuming g")
        next(gi)
        trace.append("f SHOULD NOT BE HERE")
    except StopIteration as e:
        trace.append("f caught %r" % (e,))


def g(r):
    trace.append("g starting")
    yield
    trace.append("g returning %r" % (r,))
    return r


f(None)
f(42)
f((1, 2))
f("s")
for t in trace:
    print(t)

trace = []


def f(r):
    gi = g(r)
    next(gi)
    try:
        trace.append("f sending spam to g")
        gi.send("spam")
        trace.append("f SHOULD NOT BE HERE")
    except StopIteration as e:
        trace.append("f caught %r" % (e,))


def g(r):
    trace.append("g starting")
    x = yield
    trace.append("g received %r" % (x,))
    trace.append("g returning %r" % (r,))
    return r


f(None)
f(42)
for t in trace:
    print(t)

# StopIteration's value attribute
trace = []


def pex(e):
    trace.append("%s: %s" % (e.__class__.__name__, e))
    trace.append("value = %s" % (e.value,))


e = StopIteration()
pex(e)
e = StopIteration("spam")
pex(e)
e.value = "eggs"
pex(e)
print(trace)


# yield from an iterator that is exhausted at once
def g():
    yield from ()


try:
    next(g())
except StopIteration as e:
    print("StopIteration", e.args)


# PEP 380's expansion: the result of a yield from over a generator that
# returns a value through several levels
def inner():
    x = yield 1
    return x * 2


def mid():
    r = yield from inner()
    return r + 1


def top():
    r = yield from mid()
    return r * 10


g = top()
print(next(g))
try:
    g.send(4)
except StopIteration as e:
    print("top returned", e.value)

# Exceptions raised by the sub-generator travel through the delegator, whose
# finally blocks run in order.

trace = []


def g1():
    try:
        trace.append("Starting g1")
        yield from g2()
    finally:
        trace.append("Finishing g1")


def g2():
    try:
        trace.append("Starting g2")
        raise ValueError("spanish inquisition occurred")
    finally:
        trace.append("Finishing g2")


try:
    for x in g1():
        trace.append("Yielded %s" % (x,))
except ValueError as e:
    print("ValueError", e.args[0])
print(trace)

trace = []


def g3():
    try:
        trace.append("Starting g3")
        yield "g3 ham"
        yield from g4()
        yield "g3 eggs"
    finally:
        trace.append("Finishing g3")


def g4():
    try:
        trace.append("Starting g4")
        yield "g4 spam"
        raise ValueError("hovercraft is full of eels")
        yield "g4 more spam"
    finally:
        trace.append("Finishing g4")


try:
    for x in g3():
        trace.append("Yielded %s" % (x,))
except ValueError as e:
    print("ValueError", e.args[0])
print(trace)

trace = []


def g5():
    trace.append("g5 about to yield from g6")
    yield from g6()
    trace.append("g5 should not be here")


def g6():
    yield 1 / 0


try:
    next(g5())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(trace)


# the delegator handles an exception and continues with the next delegation
def flaky(n):
    yield n
    if n % 2:
        raise KeyError(n)
    return n * 10


def robust():
    for n in range(4):
        try:
            r = yield from flaky(n)
            yield "returned %s" % r
        except KeyError as e:
            yield "failed %s" % e


print(list(robust()))

# exception context: raised inside an except block around the yield from
def f():
    yield


def g():
    try:
        raise KeyError("a")
    except Exception:
        yield from f()


gen = g()
gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    context = e.__context__
    print(type(context).__name__, context.args)


# A sub-iterator with a broken __getattr__: looking up send or throw raises
class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    broken = True

    def __getattr__(self, attr):
        if Broken.broken:
            1 / 0
        raise AttributeError(attr)


def over_broken():
    yield from Broken()


gi = over_broken()
print(next(gi))
try:
    gi.send(1)
except ZeroDivisionError as e:
    print("ZeroDivisionError from send", e)

gi = over_broken()
print(next(gi))
try:
    gi.throw(AttributeError)
except ZeroDivisionError as e:
    print("ZeroDivisionError from throw", e)

# The failed lookup of throw left the generator suspended where it was.
print(next(gi))
Broken.broken = False
gi.close()
print("closed", next(gi, "exhausted"))

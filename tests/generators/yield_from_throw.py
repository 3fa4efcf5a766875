# yield from delegates throw() to the sub-generator.

trace = []


def g1():
    try:
        trace.append("Starting g1")
        yield "g1 ham"
        yield from g2()
        yield "g1 eggs"
    finally:
        trace.append("Finishing g1")


def g2():
    try:
        trace.append("Starting g2")
        yield "g2 spam"
        yield "g2 more spam"
    finally:
        trace.append("Finishing g2")


try:
    g = g1()
    for i in range(2):
        x = next(g)
        trace.append("Yielded %s" % (x,))
    e = ValueError("tomato ejected")
    g.throw(e)
except ValueError as e:
    print("ValueError", e.args[0])
for t in trace:
    print(t)

print("--- sub-generator handles the exception and continues")
trace = []


class LunchError(Exception):
    pass


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
        yield "g4 more spam"
    except LunchError:
        trace.append("Caught LunchError in g4")
        yield "g4 lunch saved"
        yield "g4 yet more spam"


g = g3()
for i in range(2):
    x = next(g)
    trace.append("Yielded %s" % (x,))
print(g.throw(LunchError("tomato ejected")))
for x in g:
    trace.append("Yielded %s" % (x,))
for t in trace:
    print(t)

print("--- sub-generator catches and returns a value")
trace = []


def inner():
    try:
        yield 1
    except ValueError:
        trace.append("inner caught ValueError")
    return 2


def outer():
    v = yield from inner()
    trace.append("inner returned %r to outer" % v)
    yield v


g = outer()
trace.append(next(g))
trace.append(g.throw(ValueError))
print(trace)

print("--- the delegating generator catches what the sub-generator lets out")


def sub():
    yield "sub 1"
    yield "sub 2"


def catcher():
    try:
        yield from sub()
    except KeyError as e:
        yield "catcher caught %r" % (e,)
    yield "catcher continues"


g = catcher()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))

print("--- throw(Type, value) forms through yield from")


def forms():
    while True:
        try:
            yield
        except ValueError as e:
            print("sub got", type(e).__name__, e.args)


def deleg():
    yield from forms()


g = deleg()
next(g)
g.throw(ValueError)
g.throw(ValueError, "v")
g.throw(ValueError, ValueError(1, 2))
g.throw(ValueError("inst"))

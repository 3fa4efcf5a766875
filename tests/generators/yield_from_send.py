# yield from delegates send() to the sub-generator (PEP 380).

trace = []


def g1():
    trace.append("Starting g1")
    x = yield "g1 ham"
    trace.append("g1 received %s" % (x,))
    yield from g2()
    x = yield "g1 eggs"
    trace.append("g1 received %s" % (x,))
    trace.append("Finishing g1")


def g2():
    trace.append("Starting g2")
    x = yield "g2 spam"
    trace.append("g2 received %s" % (x,))
    x = yield "g2 more spam"
    trace.append("g2 received %s" % (x,))
    trace.append("Finishing g2")


g = g1()
y = next(g)
x = 1
try:
    while 1:
        y = g.send(x)
        trace.append("Yielded %s" % (y,))
        x += 1
except StopIteration:
    pass
for t in trace:
    print(t)

print("--- exception while delegating send")
trace = []


def g3():
    trace.append("Starting g3")
    x = yield "g3 spam"
    trace.append("g3 received %s" % (x,))
    raise ValueError("hovercraft is full of eels")


def g4():
    yield "g4 first"
    yield from g3()
    trace.append("not reached")


g = g4()
next(g)
print(g.send(1))
try:
    g.send(2)
except ValueError as e:
    print("ValueError", e)
for t in trace:
    print(t)

print("--- send(None) is next()")


def g5():
    yield from range(3)


gi = g5()
for i in range(3):
    print("Yielded:", gi.send(None))

print("--- send through two levels, return values travel back")


def leaf():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def middle():
    r = yield from leaf()
    print("middle got", r)
    return r * 2


def top():
    r = yield from middle()
    print("top got", r)
    yield "top done"


t = top()
print(next(t))
print(t.send(5))
print(t.send(7))
print(t.send(None))

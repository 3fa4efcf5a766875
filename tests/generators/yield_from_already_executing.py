# A yield from loop (a generator delegating to itself, indirectly) is
# caught as "generator already executing".

trace = []


def g1():
    trace.append("g1: starting")
    yield "y1"
    trace.append("g1: about to yield from g2")
    yield from g2()
    trace.append("g1 should not be here")


def g2():
    trace.append("g2: starting")
    yield "y2"
    trace.append("g2: about to yield from g1")
    yield from gi
    trace.append("g2 should not be here")


try:
    gi = g1()
    for y in gi:
        trace.append("Yielded: %s" % (y,))
except ValueError as e:
    print("ValueError", e.args[0])
for t in trace:
    print(t)


# Direct self delegation
def selfish():
    yield 1
    yield from me


me = selfish()
print(next(me))
try:
    next(me)
except ValueError as e:
    print("ValueError", e)


# next() on a generator that is running the caller
def calls_itself():
    i = next(me2)
    yield i


me2 = calls_itself()
try:
    next(me2)
except ValueError as e:
    print("ValueError", e)

# send and throw on a running generator
def sends_itself():
    yield me3.send(None)


me3 = sends_itself()
try:
    next(me3)
except ValueError as e:
    print("ValueError", e)


def throws_itself():
    yield me4.throw(KeyError)


me4 = throws_itself()
try:
    next(me4)
except ValueError as e:
    print("ValueError", e)
print(next(me4, "finished"))

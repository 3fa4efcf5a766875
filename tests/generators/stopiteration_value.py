# `return x` in a generator becomes StopIteration(x) with .value == x.

def r(v):
    yield "first"
    return v


for v in (None, 0, 42, "s", (1, 2), [3], (), (None,)):
    g = r(v)
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print(repr(e.value), e.args, repr(e))


def plain_return():
    yield 1
    return


g = plain_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("plain", e.value, e.args, repr(e), str(e) == "")


def fall_off():
    yield 1


g = fall_off()
next(g)
try:
    next(g)
except StopIteration as e:
    print("fall off", e.value, e.args)

# Return in a generator without ever yielding
def immediate(x):
    return x
    yield


try:
    next(immediate("now"))
except StopIteration as e:
    print("immediate", e.value)

# StopIteration objects made by hand
e = StopIteration()
print(repr(e), e.value, e.args)
e = StopIteration("spam")
print(str(e), e.value)
e.value = "eggs"
print(str(e), e.value, e.args)
e = StopIteration(1, 2)
print(e.value, e.args)

# The value is reported once: later next() calls raise a bare StopIteration.
g = r("once")
next(g)
for i in range(2):
    try:
        next(g)
    except StopIteration as e:
        print(i, repr(e.value))

# A tuple return value is not unpacked
def tup():
    return (yield 1)


g = tup()
next(g)
try:
    g.send((2,))
except StopIteration as e:
    print(e.value, e.args)

# for loops discard the value
total = 0
for x in r("discarded"):
    total += 1
print("loop items", total)

# list() discards the value too
print(list(r("discarded")))

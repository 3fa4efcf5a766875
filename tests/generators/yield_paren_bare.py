# `(yield)`, bare `yield` and yield inside larger expressions.

def f():
    print((yield))
    print((yield) is None)
    x = (yield) or "default"
    print(x)
    yield


g = f()
next(g)
g.send("printed")
g.send(None)
g.send("")
print(list(f()))


def coroutine(seq):
    count = 0
    while count < 200:
        count += yield
        seq.append(count)


seq = []
c = coroutine(seq)
print(next(c))
print(seq)
c.send(10)
print(seq)
c.send(10)
print(seq)
c.send(10)
print(seq)


def arith():
    a = (yield 1) * 2
    b = -(yield 2)
    c = not (yield 3)
    d = (yield 4) if (yield 5) else (yield 6)
    yield a, b, c, d


g = arith()
print(next(g))
print(g.send(21))
print(g.send(5))
print(g.send(0))
print(g.send("d-branch"))
print(g.send(True))


def in_subscripts(d):
    d[(yield "a")] = d[(yield "b")] = 27


data = [1, 2]
g = in_subscripts(data)
print(g.send(None))
print(data)
print(g.send(0))
print(data)
try:
    g.send(1)
except StopIteration:
    pass
print(data)


def in_return():
    return (yield "r")


g = in_return()
print(next(g))
try:
    g.send((2,))
except StopIteration as e:
    print("value", e.value)

g = in_return()
next(g)
try:
    g.send(StopIteration(2))
except StopIteration as e:
    print(type(e.value).__name__, e.value.value)

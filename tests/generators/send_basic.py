# g.send(v): resumes with v as the value of the current yield.

def f():
    print((yield 1))
    yield 2


g = f()
print(next(g))
print(g.send(42))

# send(None) starts a generator just like next()
g = f()
print(g.send(None))
print(g.send(None))

# a non-None value into a just-started generator is a TypeError, and the
# generator is still unstarted afterwards
g = f()
try:
    g.send("foo")
except TypeError as e:
    print("TypeError", e)
print(g.send(None))

# send() into a finished generator raises StopIteration (no value)
g = f()
list(g)
try:
    g.send(5)
except StopIteration as e:
    print("StopIteration", e.args)


# send() returns the next yielded value; the return value travels in
# StopIteration
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


g = acc()
next(g)
print([g.send(i) for i in range(1, 6)])
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)

# send with the wrong number of arguments
g = acc()
try:
    g.send()
except TypeError as e:
    print("TypeError", e)
try:
    g.send(1, 2)
except TypeError as e:
    print("TypeError", e)

# send after the generator raised
def bad():
    yield 1
    1 / 0


g = bad()
next(g)
try:
    g.send("x")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    g.send("x")
except StopIteration:
    print("StopIteration after error")

# bound send method
g = acc()
s = g.send
print(s(None), s(10), s(20))

# CPython Lib/test/test_generators.py, "tutorial_tests", as a script.

def f():
    yield 1
    yield 2


for i in f():
    print(i)
g = f()
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration (falling off the end)")


def f():
    yield 1
    return
    yield 2  # never reached


g = f()
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration (return)")
try:
    next(g)  # once stopped, can't be resumed
except StopIteration:
    print("StopIteration (stays stopped)")


def g1():
    try:
        return
    except:
        yield 1


print(list(g1()))


def g2():
    try:
        raise StopIteration
    except:
        yield 42


print(list(g2()))


def g3():
    try:
        return
    finally:
        yield 1


print(list(g3()))


def yrange(n):
    for i in range(n):
        yield i


print(list(yrange(5)))


def creator():
    r = yrange(5)
    print("creator", next(r))
    return r


def caller():
    r = creator()
    for i in r:
        print("caller", i)


caller()


def zrange(n):
    for i in yrange(n):
        yield i


print(list(zrange(5)))

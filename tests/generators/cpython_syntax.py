# CPython Lib/test/test_generators.py, "syntax_tests" (the accepted forms),
# as a script.

def f():
    yield 1
    return


def f():
    try:
        yield 1
    finally:
        pass


def f():
    try:
        try:
            1 // 0
        except ZeroDivisionError:
            yield 666
        except:
            pass
    finally:
        pass


print(list(f()))


def f():
    try:
        try:
            yield 12
            1 // 0
        except ZeroDivisionError:
            yield 666
        except:
            try:
                x = 12
            finally:
                yield 12
    except:
        return


print(list(f()))


def f():
    yield


print(type(f()))


def f():
    if 0:
        yield


print(type(f()))


def f():
    if 0:
        yield 1


print(type(f()))


def f():
    if "":
        yield None


print(type(f()))


def f():
    if 0:
        def g():
            yield 1


print(type(f()))


def f():
    if 0:
        return
    if 0:
        yield 2


print(type(f()))


def f():
    for i in range(3):
        try:
            continue
        finally:
            yield i


g = f()
print(next(g))
print(next(g))
print(next(g))
try:
    print(next(g))
except StopIteration:
    print("StopIteration")


def f():
    yield 5


g = f()
print(g.gi_code is f.__code__)
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(g.gi_code is f.__code__)
print(g.__name__)

x = lambda: (yield 1)
print(list(x()))
x = lambda: ((yield 1), (yield 2))
print(list(x()))

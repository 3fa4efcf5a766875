# CPython Lib/test/test_generators.py, "coroutine_tests", as a script.
import sys


def f():
    print((yield 1))
    yield 2


g = f()
print(next(g))
print(g.send(42))

try:
    f().send("foo")
except TypeError as e:
    print("TypeError:", e)


def f(): yield


print(list(f()))


def f(): list(i for i in [(yield 26)])


print(type(f()))


def coroutine(seq):
    count = 0
    while count < 200:
        count += yield
        seq.append(count)


seq = []
c = coroutine(seq)
next(c)
print(seq)
c.send(10)
print(seq)
c.send(10)
print(seq)


def f():
    while True:
        try:
            print((yield))
        except ValueError as v:
            print("caught ValueError (%s)" % (v))


g = f()
next(g)
g.throw(ValueError)                      # type only
g.throw(ValueError("xyz"))               # value only
g.throw(ValueError, ValueError(1))       # value+matching type
g.throw(ValueError, TypeError(1))        # mismatched type, rewrapped
g.throw(ValueError, ValueError(1), None)  # explicit None traceback
for args in [(ValueError(1), "foo"), (ValueError, "foo", 23), ("abc",), (0,), (list,)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError:", e)


def throw(g, exc):
    try:
        raise exc
    except:
        g.throw(*sys.exc_info())


throw(g, ValueError)  # do it with traceback included
g.send(1)
try:
    throw(g, TypeError)  # terminate the generator
except TypeError:
    print("TypeError")
# (the original prints g.gi_frame here: None; see gi_frame.py)
try:
    g.send(2)
except StopIteration:
    print("StopIteration")
try:
    g.throw(ValueError, 6)       # throw on closed generator
except ValueError as e:
    print("ValueError:", e)
try:
    f().throw(ValueError, 7)     # throw on just-opened generator
except ValueError as e:
    print("ValueError:", e)


# Plain "raise" inside a generator preserves the traceback: 3 levels
def f():
    try:
        yield
    except:
        raise


g = f()
next(g)
try:
    1 / 0
except ZeroDivisionError as v:
    try:
        g.throw(v)
    except Exception as w:
        tb = w.__traceback__
levels = 0
while tb:
    levels += 1
    tb = tb.tb_next
print("levels", levels)


def f():
    try: yield
    except GeneratorExit:
        print("exiting")


g = f()
next(g)
g.close()
g.close()  # should be no-op now
f().close()  # close on just-opened generator should be fine


def f(): yield      # an even simpler generator


f().close()         # close before opening
g = f()
next(g)
g.close()           # close normally


def f():
    try: yield
    finally:
        print("exiting")


g = f()
next(g)
del g


def f():
    try: yield
    except Exception:
        print('except')
    finally:
        print('finally')


g = f()
next(g)
del g


def f():
    try: yield
    except GeneratorExit:
        yield "foo!"


g = f()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g.close()


def f():
    try: yield
    except GeneratorExit:
        raise TypeError("fie!")


g = f()
next(g)
try:
    g.close()
except TypeError as e:
    print("TypeError:", e)


def f(): x += yield


print(type(f()))


def f(): x = yield


print(type(f()))


def f(): lambda x=(yield): 1


print(type(f()))


def f(d): d[(yield "a")] = d[(yield "b")] = 27


data = [1, 2]
g = f(data)
print(type(g))
print(repr(g.send(None)))
print(data)
print(repr(g.send(0)))
print(data)
try: g.send(1)
except StopIteration: pass
print(data)

# g.close(): throws GeneratorExit at the paused yield.

def f():
    try:
        yield
    except GeneratorExit:
        print("exiting")


g = f()
next(g)
print(g.close())
print(g.close())   # no-op now

f().close()        # close on a just-started generator: nothing runs


def simple():
    yield


simple().close()
g = simple()
next(g)
g.close()
print(next(g, "closed"))

g = simple()
list(g)
g.close()          # close on a finished generator: nothing happens
print("closed finished")


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally on close")


g = with_finally()
next(g)
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")


# GeneratorExit caught and the generator returns: close() is quiet, and the
# returned value is discarded.
def returns_value():
    try:
        yield
    except GeneratorExit:
        return "ignored value"


g = returns_value()
next(g)
print("close ->", g.close())


# GeneratorExit caught and re-raised
def reraises():
    try:
        yield
    except GeneratorExit as e:
        print("saw", type(e).__name__, e.args)
        raise


g = reraises()
next(g)
g.close()
print("reraise ok")


# GeneratorExit replaced with another exception: it propagates from close()
def raises_other():
    try:
        yield
    except GeneratorExit:
        raise TypeError("fie!")


g = raises_other()
next(g)
try:
    g.close()
except TypeError as e:
    print("TypeError", e, "context:", type(e.__context__).__name__)
g.close()


# StopIteration raised while handling GeneratorExit becomes RuntimeError
def stop_in_exit():
    try:
        yield
    except GeneratorExit:
        raise StopIteration


g = stop_in_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)


# close() inside the generator on itself
def self_close():
    me.close()
    yield


me = self_close()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)

# the bound method
g = with_finally()
next(g)
c = g.close
c()
print("done")

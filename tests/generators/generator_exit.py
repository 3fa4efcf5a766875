# GeneratorExit: a BaseException, not an Exception.

print(issubclass(GeneratorExit, BaseException), issubclass(GeneratorExit, Exception))
print(GeneratorExit.__mro__[1].__name__)


def f():
    try:
        yield
    except Exception:
        print("except Exception (must not happen)")
    finally:
        print("finally")


g = f()
next(g)
del g
print("--")


def bare_except_catches():
    try:
        yield
    except:
        print("bare except saw it")
        raise


g = bare_except_catches()
next(g)
g.close()
print("--")


def base_exception():
    try:
        yield
    except BaseException as e:
        print("BaseException", type(e).__name__, repr(e))
        raise


g = base_exception()
next(g)
g.close()
print("--")

# GeneratorExit thrown explicitly propagates out of throw()
def plain():
    yield 1
    yield 2


g = plain()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit as e:
    print("GeneratorExit from throw", repr(e))
print(next(g, "closed"))

g = plain()
next(g)
try:
    g.throw(GeneratorExit("msg"))
except GeneratorExit as e:
    print("GeneratorExit from throw", repr(e))


# throw(GeneratorExit) into one that yields again: no RuntimeError (that is
# only close()'s check); the yielded value is returned.
def yields_on_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "yielded during exit"


g = yields_on_exit()
next(g)
print(g.throw(GeneratorExit))

# GeneratorExit raised directly by user code is just an exception
try:
    raise GeneratorExit("direct")
except GeneratorExit as e:
    print("caught", repr(e), str(e))


def exit_in_finally_order():
    try:
        try:
            yield
        finally:
            print("inner finally")
    finally:
        print("outer finally")


g = exit_in_finally_order()
next(g)
g.close()

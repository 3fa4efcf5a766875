# CPython Lib/test/test_generators.py, ExceptionTest and GeneratorThrowTest
# (issue #23353: the handled exception is saved and restored around a
# generator's frame), as a script using sys.exc_info().
import sys


def store_raise_exc_generator():
    try:
        print("1:", sys.exc_info()[0])
        yield
    except Exception as exc:
        # exception raised by gen.throw(exc)
        print("2:", sys.exc_info()[0].__name__, exc.__context__)
        yield
        # ensure that the exception is not lost
        print("3:", sys.exc_info()[0].__name__)
        yield
        # we should be able to raise back the ValueError
        raise


make = store_raise_exc_generator()
next(make)
try:
    raise ValueError()
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
next(make)
try:
    next(make)
except ValueError as e:
    print("ValueError, context", e.__context__)
print("4:", sys.exc_info())


def gen():
    print("in gen:", sys.exc_info()[0].__name__)
    yield "done"


g = gen()
try:
    raise ValueError
except Exception:
    print(next(g))
print("5:", sys.exc_info())


def gen():
    try:
        print("6:", sys.exc_info()[0])
        yield
        # we are called from "except ValueError:", TypeError must
        # inherit ValueError in its context
        raise TypeError()
    except TypeError as exc:
        print("7:", sys.exc_info()[0].__name__, type(exc.__context__).__name__)
    # here we are still called from the "except ValueError:"
    print("8:", sys.exc_info()[0].__name__)
    yield
    print("9:", sys.exc_info()[0])
    yield "done"


g = gen()
next(g)
try:
    raise ValueError
except Exception:
    next(g)
print(next(g))
print("10:", sys.exc_info())


def gen():
    try:
        try:
            print("11:", sys.exc_info()[0])
            yield
        except ValueError:
            # we are called from "except ValueError:"
            print("12:", sys.exc_info()[0].__name__)
            raise TypeError()
    except Exception as exc:
        print("13:", sys.exc_info()[0].__name__, type(exc.__context__).__name__)
    # we are still called from "except ValueError:"
    print("14:", sys.exc_info()[0].__name__)
    yield
    print("15:", sys.exc_info()[0])
    yield "done"


g = gen()
next(g)
try:
    raise ValueError
except Exception as exc:
    g.throw(exc)
print(next(g))
print("16:", sys.exc_info())


def gen():
    raise StopIteration
    yield


try:
    next(gen())
except RuntimeError as e:
    print("RuntimeError:", e)


def f():
    yield 1
    raise StopIteration
    yield 2  # never reached


g = f()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)

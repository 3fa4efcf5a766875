# Exception context inside generators: an exception raised in a generator
# resumed from an except block takes that block's exception as context, and
# a thrown exception sees the generator's own handled exception.

def gen():
    try:
        yield
        raise TypeError("in gen")
    except TypeError as exc:
        print("context:", type(exc.__context__).__name__)
    yield "second"
    yield "done"


g = gen()
next(g)
try:
    raise ValueError("outer")
except Exception:
    print(next(g))
print(next(g))


def gen2():
    try:
        try:
            yield
        except ValueError:
            raise TypeError("from handler")
    except Exception as exc:
        print("caught", type(exc).__name__, "context", type(exc.__context__).__name__)
    yield "done"


g = gen2()
next(g)
try:
    raise ValueError("outer")
except Exception as exc:
    print(g.throw(exc))


# An exception raised while a generator is handling one, uncaught in the
# generator, carries the generator's handled exception as context
def gen4():
    try:
        raise KeyError("inside")
    except KeyError:
        yield
        raise IndexError("while handling")


g = gen4()
next(g)
try:
    next(g)
except IndexError as e:
    print("IndexError context", repr(e.__context__))


def gen3():
    try:
        yield
    except Exception as exc:
        print("thrown", type(exc).__name__, "context", exc.__context__)
        yield
        raise


make = gen3()
next(make)
try:
    raise ValueError("v")
except Exception as exc:
    try:
        make.throw(exc)
    except Exception:
        pass
try:
    next(make)
except ValueError as e:
    print("re-raised", repr(e), "context", e.__context__)

# throw(): what the generator does with the exception decides what
# throw() returns or raises.

def g():
    try:
        yield "first"
    except ValueError as e:
        print("handled", repr(e))
        yield "after handling"
    yield "last"


gen = g()
print(next(gen))
print(gen.throw(ValueError("v")))   # throw returns the next yield
print(next(gen))
print(next(gen, "end"))


def returns_on_throw():
    try:
        yield 1
    except KeyError:
        return "caught and returned"


gen = returns_on_throw()
next(gen)
try:
    gen.throw(KeyError)
except StopIteration as e:
    print("StopIteration", e.value)


def converts():
    try:
        yield 1
    except KeyError as e:
        raise IndexError("converted") from e


gen = converts()
next(gen)
try:
    gen.throw(KeyError("orig"))
except IndexError as e:
    print("IndexError", e, "cause:", repr(e.__cause__), "context:", repr(e.__context__))


def reraises_in_finally():
    try:
        yield 1
    finally:
        print("finally runs on throw")


gen = reraises_in_finally()
next(gen)
try:
    gen.throw(RuntimeError("rt"))
except RuntimeError as e:
    print("RuntimeError", e)


def loop_counting_errors():
    errors = 0
    while True:
        try:
            yield errors
        except Exception as e:
            errors += 1
            print("error", errors, type(e).__name__)


gen = loop_counting_errors()
next(gen)
print(gen.throw(ValueError))
print(gen.throw(TypeError))
print(gen.throw(KeyError("x")))
print(next(gen))
gen.close()


def context_of_thrown():
    try:
        raise KeyError("a")
    except Exception:
        yield


gen = context_of_thrown()
gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    context = e.__context__
    print(type(context).__name__, context.args)


def raise_other_after_handled():
    try:
        raise KeyError
    except KeyError:
        pass
    try:
        yield
    except Exception:
        raise RuntimeError


gen = raise_other_after_handled()
gen.send(None)
try:
    gen.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError, context", type(e.__context__).__name__)


# throwing StopIteration into a generator: caught inside it is ordinary
def catches_stop():
    try:
        yield 1
    except StopIteration:
        yield "caught StopIteration"


gen = catches_stop()
next(gen)
print(gen.throw(StopIteration))

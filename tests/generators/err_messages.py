# The exact messages of the generator error cases, caught and printed.

def g():
    i = next(me)
    yield i


me = g()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)


def f():
    yield 1


try:
    f().send("foo")
except TypeError as e:
    print(type(e).__name__, e)

try:
    f().send(0)
except TypeError as e:
    print(type(e).__name__, e)


def ignores():
    try:
        yield
    except GeneratorExit:
        yield "foo!"


gen = ignores()
next(gen)
try:
    gen.close()
except RuntimeError as e:
    print(type(e).__name__, e)
gen.close()      # the second close finds it finished: no error


stubborn = True


def ignores_in_loop():
    while True:
        try:
            yield
        except GeneratorExit:
            if not stubborn:
                raise


gen = ignores_in_loop()
next(gen)
try:
    gen.close()
except RuntimeError as e:
    print(type(e).__name__, e)
# still suspended at the yield (it yielded again), so close() complains again
try:
    gen.close()
except RuntimeError as e:
    print(type(e).__name__, e)
stubborn = False
gen.close()
print("closed at last:", next(gen, "finished"))


def raises_stop():
    raise StopIteration
    yield


try:
    next(raises_stop())
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, "context:", type(e.__context__).__name__)
    print("suppress_context:", e.__suppress_context__)


def raises_stop_value():
    yield 1
    raise StopIteration("with value")


gen = raises_stop_value()
next(gen)
try:
    next(gen)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))

gen = raises_stop_value()
try:
    list(gen)
except RuntimeError as e:
    print("list():", type(e).__name__, e)

# the genexp spelling of PEP 479
def stopper():
    raise StopIteration("genexp")


try:
    list(stopper() for x in [1])
except RuntimeError as e:
    print("genexp:", type(e).__name__, e)

# generator expression: "generator already executing" from inside itself
ge = (next(ge) for x in [1])
try:
    next(ge)
except ValueError as e:
    print("genexp:", type(e).__name__, e)

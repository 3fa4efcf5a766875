# PEP 479: a StopIteration escaping a generator's body becomes RuntimeError.

def uses_next_on_exhausted():
    it = iter([])
    yield next(it)      # StopIteration here would silently end old code


try:
    list(uses_next_on_exhausted())
except RuntimeError as e:
    print("RuntimeError", e, "cause", type(e.__cause__).__name__)


# StopIteration caught inside the generator is fine
def catches():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"
    yield "continues"


print(list(catches()))


# a StopIteration subclass is converted too
class MyStop(StopIteration):
    pass


def raises_sub():
    yield 1
    raise MyStop("sub")


try:
    list(raises_sub())
except RuntimeError as e:
    print("RuntimeError", e, "cause", type(e.__cause__).__name__, e.__cause__.args)


# a StopIteration thrown in and not caught also becomes RuntimeError
def plain():
    yield 1
    yield 2


g = plain()
next(g)
try:
    g.throw(StopIteration("thrown"))
except RuntimeError as e:
    print("RuntimeError", e, "cause", repr(e.__cause__))


# return inside the generator is the right way
def right():
    yield 1
    return "ok"


print([x for x in right()])

# the old idiom of ending a for loop from inside: next() in a helper
def first_of_each(iterables):
    for it in iterables:
        yield next(iter(it))


try:
    print(list(first_of_each([[1], [2], []])))
except RuntimeError as e:
    print("RuntimeError", e)

# StopIteration raised in an ordinary function called from a for loop body
# propagates as StopIteration (PEP 479 is about generators only)
def plain_func():
    raise StopIteration("plain")


try:
    for i in range(2):
        plain_func()
except StopIteration as e:
    print("StopIteration", e)

# StopIteration through yield from from an inner generator
def inner():
    raise StopIteration("inner")
    yield


def outer():
    yield from inner()


try:
    next(outer())
except RuntimeError as e:
    print("RuntimeError", e, "cause", repr(e.__cause__))
    # the inner generator converted it; the outer sees a RuntimeError only
    print("cause of cause", e.__cause__.__cause__)

# other exceptions are unaffected
def raises_key():
    raise KeyError("k")
    yield


try:
    next(raises_key())
except KeyError as e:
    print("KeyError", e)

# The result of yield from is the value carried by the StopIteration that
# ends the sub-iterator, whoever raised it.

class It:
    def __init__(self, exc):
        self.exc = exc
        self.first = True

    def __iter__(self):
        return self

    def __next__(self):
        if self.first:
            self.first = False
            return "item"
        raise self.exc


def deleg(exc):
    r = yield from It(exc)
    yield ("result", r)


for exc in (StopIteration, StopIteration(), StopIteration(5),
            StopIteration(1, 2), StopIteration(None), StopIteration((3,))):
    print(list(deleg(exc)))


# A StopIteration subclass works as well
class MyStop(StopIteration):
    pass


print(list(deleg(MyStop("mine"))))


# Another exception from __next__ propagates through the delegator
def wrapper():
    try:
        yield from It(KeyError("boom"))
    except KeyError as e:
        yield "caught %r" % (e,)


print(list(wrapper()))


# Inside a generator, a sub-generator's return value vs. StopIteration it
# raises: the latter is PEP 479's RuntimeError in the sub-generator.
def sub_raises_stop():
    yield 1
    raise StopIteration("explicit")


def deleg_sub():
    try:
        r = yield from sub_raises_stop()
        yield ("r", r)
    except RuntimeError as e:
        yield "RuntimeError: %s; cause %r" % (e, e.__cause__)


print(list(deleg_sub()))


# Returning a StopIteration instance as a value
def returns_stop():
    return StopIteration("as value")
    yield


def deleg_ret():
    r = yield from returns_stop()
    yield type(r).__name__, r.args


print(list(deleg_ret()))

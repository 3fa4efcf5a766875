# Callbacks given one keyword argument: naming the parameter after the
# result (stored and called by position), naming a later one, naming the
# result's own parameter (Twisted's TypeError becomes the failure), on both
# sides of addBoth, as an errback, and for callables that are not plain
# functions.
from twisted.internet.defer import Deferred


def second(result, base=0):
    return ("second", result, base)


def third(result, a=1, b=2):
    return ("third", result, a, b)


def only(result):
    return ("only", result)


def show(r):
    print(r)
    return r


def show_failure(f):
    print("failed:", f.type.__name__, f.getErrorMessage())


class Box:
    def put(self, result, into=None):
        return ("put", result, into)


cases = [
    lambda d: d.addCallback(second, base=5),
    lambda d: d.addCallback(third, b=9),
    lambda d: d.addCallback(third, a=7),
    lambda d: d.addCallback(second, result=1),
    lambda d: d.addCallback(only, base=1),
    lambda d: d.addBoth(second, base="both"),
    lambda d: d.addCallback(Box().put, into="box"),
    lambda d: d.addCallback(lambda r, k=0: ("lambda", r, k), k=3),
]
for i, add in enumerate(cases):
    d = Deferred()
    add(d)
    d.addCallbacks(show, show_failure)
    d.callback(i)

# the errback side, given a failure
d = Deferred()
d.addErrback(second, base="eb")
d.addCallback(lambda r: print(r[0], r[1].type.__name__, r[2]))
d.errback(ValueError("boom"))

# added after firing: runs at once
d = Deferred()
d.callback("early")
d.addCallback(second, base="late").addCallback(show)

# a second parameter with no default
def needs_two(result, extra):
    return ("needs_two", result, extra)


d = Deferred()
d.addCallback(needs_two, extra=[1, 2])
d.addCallback(show)
d.callback(None)

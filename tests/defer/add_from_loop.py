# addCallback / addErrback / addBoth called as statements and as
# expressions, in every shape the interpreter writes the pair for itself
# and the shapes it leaves to the method: the value returned, chaining,
# adding to a fired Deferred, more pairs than the first array holds.
from twisted.internet.defer import Deferred, fail

seen = []


def cb(r, tag="cb"):
    seen.append((tag, r))
    return r


def eb(f, tag="eb"):
    seen.append((tag, f.type.__name__))
    return "handled"


d = Deferred()
r1 = d.addCallback(cb)
r2 = d.addCallback(cb, "pos")
r3 = d.addErrback(eb)
r4 = d.addErrback(eb, "eb-pos")
r5 = d.addBoth(cb, "both")
print(r1 is d, r2 is d, r3 is d, r4 is d, r5 is d)
d.addCallback(cb).addCallback(cb, "chained").addBoth(cb, "chained-both")
for i in range(10):
    d.addCallback(cb, i)
d.callback("go")
print(seen)
del seen[:]

# after firing, each add runs at once
d.addCallback(cb, "late")
x = d.addBoth(cb, "late-both")
print(x is d, seen)
del seen[:]

# the errback side
d = Deferred()
d.addCallback(cb, "skipped")
d.addErrback(eb, "caught")
d.addBoth(cb, "after")
d.errback(ValueError("v"))
print(seen)
del seen[:]

# callables that are not Python functions, and bad ones
d = Deferred()
d.addCallback(seen.append)
d.addCallback(str)
d.addCallback(lambda r: seen.append(r) or r)
d.callback(5)
print(seen)
for bad in (None, 3):
    try:
        Deferred().addCallback(bad)
    except AssertionError:
        print("AssertionError for", bad)
try:
    Deferred().addCallback()
except TypeError as e:
    print(e)
try:
    Deferred().addBoth(cb, 1, 2, 3)
except TypeError as e:
    print("TypeError", e)

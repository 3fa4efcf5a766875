# addCallback / addErrback / addBoth / addCallbacks with extra positional and
# keyword arguments; each returns the same Deferred; callbacks added after
# the Deferred fired run at once; `result` is absent until it fires.
from twisted.internet.defer import Deferred
from twisted.internet import defer
import twisted.internet.defer

print(twisted.internet.defer.Deferred is Deferred, defer.Deferred is Deferred)

def show(tag):
    def cb(r, *a, **kw):
        print(tag, r, a, sorted(kw.items()))
        return r
    return cb

d = Deferred()
print("called", d.called, "has result", hasattr(d, "result"), "paused", d.paused)
r = d.addCallback(show("cb1"), 1, 2, x=3)
print("returns self", r is d)
print(d.addErrback(show("eb-never")) is d)
print(d.addBoth(show("both"), "a", k="v") is d)
d.addCallbacks(show("cbs"), show("ebs"), callbackArgs=(7,), callbackKeywords={"z": 9},
               errbackArgs=(8,), errbackKeywords={"w": 0})
d.addCallbacks(show("cbs-none"), None, None, None, None, None)
d.addCallback(lambda r: r * 10)
d.callback(4)
print("called", d.called, "result", d.result, "has result", hasattr(d, "result"))
d.addCallback(show("late"), "now")
d.addCallback(lambda r: r + 1)
print("result after late", d.result)

# callbacks keyword names, errback side args
d2 = Deferred()
d2.addCallback(callback=show("by-name"))
d2.addErrback(show("eb"), 1, two=2)
d2.addBoth(show("both"), 3)
d2.errback(ValueError("bad"))
print(type(d2.result).__name__, d2.result.getErrorMessage())
d2.addErrback(lambda f: "recovered")
print(d2.result)

# every callback sees the previous one's result
d3 = Deferred()
for i in range(5):
    d3.addCallback(lambda r, i=i: r + [i])
d3.callback([])
print(d3.result)

# non-callables are rejected with a bare AssertionError
for bad in (lambda: d3.addCallback(5), lambda: d3.addCallbacks(print, 3), lambda: d3.addErrback(None)):
    try:
        bad()
    except AssertionError as e:
        print("AssertionError", repr(e))
print(d3.result)

# a missing result attribute raises AttributeError
try:
    Deferred().result
except AttributeError as e:
    print("AttributeError", e)

# the pending pairs are visible as Twisted's `callbacks` list
def f(r, *a, **kw):
    return r
def g(failure):
    return None
d = Deferred()
d.addCallback(f, 1, k=2)
d.addErrback(g, 5)
d.addCallbacks(f, g, callbackArgs=(3, 4), errbackKeywords={"x": 1})
cbs = d.callbacks
print(len(cbs), cbs[0][0][0] is f, cbs[0][0][1], cbs[0][0][2])
print(cbs[1][0][0] is defer.passthru, cbs[1][1][0] is g, cbs[1][1][1], cbs[1][1][2])
print(cbs[2][0][1], cbs[2][0][2], cbs[2][1][1], cbs[2][1][2])
d.callback(0)
print(d.callbacks, d.result)

# Every shape of extra arguments reaches the callback (positional, keyword,
# both, empty *args / **kwargs, addCallbacks with arguments for one side or
# both); callbacks added while the chain runs; a callback that pauses its
# Deferred just before the pair that hands the result to a waiting Deferred.
from twisted.internet.defer import Deferred


def f(r, *a, **kw):
    print("f", r, a, sorted(kw.items()))
    return r


d = Deferred()
d.addCallback(f)
d.addCallback(f, 1, **{})
d.addCallback(f, **{})
d.addCallback(f, **{"k": 1})
d.addCallback(f, *(1, 2), **{})
d.addCallback(f, 1, 2, 3, x=4, y=5)
d.addBoth(f, *(), **{"z": 2})
d.addBoth(f, 6, 7)
d.addErrback(f, **{})
d.addCallback(callback=f)
d.addCallbacks(f, f, callbackArgs=[1], callbackKeywords={})
d.addCallbacks(f, f, callbackArgs=(), callbackKeywords={"a": 1}, errbackArgs=(2,))
d.addCallbacks(f, f, callbackArgs=(8, 9), callbackKeywords={"b": 1}, errbackKeywords={"c": 2})
d.callback(0)

d = Deferred()
d.addCallbacks(f, f, callbackKeywords={"a": 1}, errbackArgs=(2,))
d.addCallbacks(f, f, callbackArgs=(1, 2), errbackKeywords={"e": 2, "g": 3})
d.addCallbacks(f, f, errbackArgs=(3, 4))
d.addCallback(f, 1).addCallback(f, k=2).addErrback(f, 3).addBoth(f, 4, 5, x=6)
d.addErrback(f, x=1)
d.addErrback(lambda failure: "recovered")
d.addBoth(f, "end")
d.errback(ValueError("x"))

# callbacks added while the chain runs, past the first allocation
d = Deferred()
def adder(r):
    if r < 20:
        d.addCallback(adder)
        d.addCallback(lambda x: x + 1)
    return r
d.addCallback(adder)
d.callback(0)
print("grown", d.result, len(d.callbacks))

# d's callback pauses d; the next pair gives d's result to d2, which goes
# on; d stops there until unpaused
d = Deferred()
d2 = Deferred()
def pauser(r):
    print("pauser", r)
    d.pause()
    return r + 1
d.addCallback(pauser)
d2.addCallback(lambda _: d)
d2.addCallback(f, "d2")
d2.callback(0)
print("d2 paused", d2.paused, "d pending", len(d.callbacks))
d.addCallback(f, "d")
d.callback(10)
print("d paused", d.paused, "d2 result", d2.result, "d result", d.result, len(d.callbacks))
d.unpause()
print("d paused", d.paused, "d result", d.result, len(d.callbacks))

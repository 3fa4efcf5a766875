# A callback returning a Deferred: an unfired one pauses the outer Deferred
# and takes the result over when it fires; a fired one has its result
# stolen; late callbacks on the inner Deferred see None.
from twisted.internet import defer

inner = defer.Deferred()
inner.addCallback(lambda r: r * 10)
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.addCallback(lambda r: print("after got", r) or r * 2)
outer.callback(1)
print("outer paused", outer.paused, "result is inner", outer.result is inner, outer.called)
print("chainedTo", outer._chainedTo is inner)
inner.callback(2)
inner.addCallback(lambda r: print("inner's own late callback sees", r))
print("outer.result:", outer.result, "inner.result:", inner.result, "paused:", outer.paused)
print("chainedTo", outer._chainedTo)

# an already-fired Deferred: stolen at once
src = defer.succeed(5)
d = defer.Deferred()
d.addCallback(lambda r: src)
d.callback(0)
print("stolen", d.result, src.result)

# a failure moves with the result: only the outer one holds it
src = defer.fail(KeyError("moved"))
d = defer.Deferred()
d.addCallback(lambda r: src)
d.callback(0)
print(type(d.result).__name__, d.result.getErrorMessage(), src.result)
d.addErrback(lambda f: "handled")
print(d.result)

# chains of chains fired from the innermost
a, b, c = defer.Deferred(), defer.Deferred(), defer.Deferred()
a.addCallback(lambda r: b)
b.addCallback(lambda r: c)
a.addCallback(lambda r: ("a saw", r))
b.addCallback(lambda r: ("b saw", r))
b.callback(None)
a.callback(None)
print(a.paused, b.paused, a.result is b, b.result is c)
c.callback("c!")
print(a.result)
print(b.result, c.result)

# an inner Deferred that is paused is waited for even when it has a result
inner = defer.succeed("paused value")
inner.pause()
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.callback(None)
print("waiting", outer.paused, outer.result is inner)
inner.unpause()
print(outer.result, outer.paused, inner.result)

# errback chains through the continuation
inner = defer.Deferred()
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.addCallbacks(lambda r: print("no"), lambda f: print("outer eb", f.getErrorMessage()) or "rec")
outer.callback(None)
inner.errback(ValueError("inner failed"))
print(outer.result, inner.result)

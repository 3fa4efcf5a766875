# d1.chainDeferred(d2): d2 fires with d1's result; d1 goes on with None; a
# failure passed on counts as handled on d1.
from twisted.internet import defer

d1, d2 = defer.Deferred(), defer.Deferred()
print(d1.chainDeferred(d2) is d1, d2._chainedTo is d1)
d2.addCallback(lambda r: print("d2 got", r) or r)
d1.addCallback(lambda r: print("d1 next sees", r))
d1.callback("value")
print(d1.result, d2.result)

d1, d2 = defer.Deferred(), defer.Deferred()
d1.chainDeferred(d2)
d2.addErrback(lambda f: print("d2 errback", f.getErrorMessage()))
d1.errback(ValueError("passed on"))
print(d1.result, d2.result)

# a chain of chained Deferreds
ds = [defer.Deferred() for i in range(50)]
for a, b in zip(ds, ds[1:]):
    a.chainDeferred(b)
ds[-1].addCallback(lambda r: print("last got", r))
ds[0].callback("start")
print(ds[1].result)

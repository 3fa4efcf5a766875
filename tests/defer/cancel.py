# cancel(): without a canceller (one late fire swallowed), with a canceller
# (that may fire the Deferred itself), after firing, and on a Deferred
# waiting on another.
from twisted.internet import defer

def report(tag, d):
    d.addBoth(lambda r: print(tag, r.type.__name__ if isinstance(r, defer.Failure) else r,
                              repr(r.value) if isinstance(r, defer.Failure) else ""))

d = defer.Deferred()
d.cancel()
print("cancelled", d.called, d._suppressAlreadyCalled)
report("no canceller:", d)
d.callback("late")
print("swallowed", d._suppressAlreadyCalled, d.result)
try:
    d.callback("again")
except defer.AlreadyCalledError:
    print("second late fire: AlreadyCalledError")
d.cancel()
print("cancel after fire does nothing")

d = defer.Deferred()
d.cancel()
d.errback(ValueError("late error"))
report("late errback swallowed:", d)

def canceller(dd):
    print("canceller got the Deferred:", dd is d2)
    dd.callback("from canceller")
d2 = defer.Deferred(canceller)
d2.cancel()
report("canceller value:", d2)

def quiet(dd):
    print("quiet canceller")
d3 = defer.Deferred(canceller=quiet)
d3.cancel()
report("quiet:", d3)
try:
    d3.callback("late")
except defer.AlreadyCalledError:
    print("not swallowed with a canceller")

d4 = defer.Deferred(lambda dd: dd.errback(KeyError("k")))
d4.cancel()
report("canceller errback:", d4)

d5 = defer.succeed("done")
d5.cancel()
report("already fired:", d5)
print(defer.CancelledError(), repr(defer.CancelledError()))

# outer waiting on inner: outer.cancel() cancels inner
inner = defer.Deferred(lambda dd: print("inner canceller"))
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.callback(None)
outer.cancel()
print("inner called", inner.called, "outer paused", outer.paused)
report("outer:", outer)
print(inner.result)

# a canceller that raises
def bad(dd):
    raise RuntimeError("canceller failed")
d6 = defer.Deferred(bad)
try:
    d6.cancel()
except RuntimeError as e:
    print("raised", e, d6.called)

# an outer Deferred waiting on a DeferredList: cancelling it cancels the
# list, which cancels its members
m1 = defer.Deferred(lambda d: print("member 1 cancelled"))
m2 = defer.Deferred(lambda d: print("member 2 cancelled"))
dl = defer.DeferredList([m1, m2], consumeErrors=True)
outer = defer.Deferred()
outer.addCallback(lambda r: dl)
outer.callback(None)
outer.cancel()
print("outer result:", [(ok, f.type.__name__) for ok, f in outer.result])

# a subclass's cancel override is what cancel() reaches
class Loud(defer.Deferred):
    def cancel(self):
        print("Loud.cancel")
        defer.Deferred.cancel(self)
inner = Loud()
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.callback(None)
outer.cancel()
report("loud:", outer)

# addTimeout with a hand-made clock: CancelledError becomes
# defer.TimeoutError(t, "Deferred") only when the timer fired.
from twisted.internet import defer

class Call:
    def __init__(self, clock, t, f):
        self.clock, self.t, self.f, self.live = clock, t, f, True
    def active(self):
        return self.live
    def cancel(self):
        print("timer cancelled")
        self.live = False

class Clock:
    def __init__(self):
        self.calls = []
    def callLater(self, t, f, *a):
        c = Call(self, t, lambda: f(*a))
        self.calls.append(c)
        return c
    def advance(self):
        for c in self.calls:
            if c.live:
                c.live = False
                c.f()

clock = Clock()
d = defer.Deferred()
print(d.addTimeout(5, clock) is d)
d.addBoth(lambda r: print("fired with", r.type.__name__, r.value.args) or None)
clock.advance()
print(d.result)

clock = Clock()
d = defer.Deferred()
d.addTimeout(5, clock)
d.callback("in time")
print(d.result)

clock = Clock()
d = defer.Deferred(lambda d: d.callback("canceller value"))
d.addTimeout(1, clock)
clock.advance()
print(d.result)

clock = Clock()
d = defer.Deferred()
d.addTimeout(2, clock, onTimeoutCancel=lambda v, t: "custom %s %s" % (type(v).__name__, t))
clock.advance()
print(d.result)

clock = Clock()
d = defer.Deferred()
d.addTimeout(2, clock)
d.cancel()
print(d.result.type.__name__)
d.addErrback(lambda f: None)
print(defer.TimeoutError(5, "Deferred"))

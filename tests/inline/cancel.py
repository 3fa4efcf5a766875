# Cancelling the Deferred an inlineCallbacks call returned cancels the
# Deferred its generator waits on; the generator decides the outcome.
from twisted.internet.defer import inlineCallbacks, Deferred, CancelledError, succeed

waited = Deferred(lambda d: print("waited-on canceller runs"))

@inlineCallbacks
def reraises():
    yield waited
    print("never")
d = reraises()
d.cancel()
print("reraises:", d.result.type.__name__, waited.called)
d.addErrback(lambda f: None)

gate = Deferred()
@inlineCallbacks
def catches():
    try:
        yield gate
    except CancelledError:
        print("CancelledError at the yield")
    v = yield succeed("went on")
    return v
d = catches()
d.cancel()
print("catches:", d.result)

later = Deferred()
gate = Deferred()
@inlineCallbacks
def catches_then_waits():
    try:
        yield gate
    except CancelledError:
        print("caught, now waiting again")
    v = yield later
    return v
d = catches_then_waits()
d.cancel()
print("not fired yet:", d.called, d.paused)
later.callback("eventual value")
print("catches_then_waits:", d.result)

valued = Deferred(lambda d: d.callback("canceller supplied a value"))
@inlineCallbacks
def resumes():
    v = yield valued
    print("resumed with", v)
    return v.upper()
d = resumes()
d.cancel()
print("resumes:", d.result)

@inlineCallbacks
def done():
    yield succeed(1)
    return "finished"
d = done()
d.cancel()
print("cancel after finishing:", d.result)

# callbacks already on the cancelled Deferred run after the generator
gate = Deferred()
@inlineCallbacks
def g():
    try:
        yield gate
    except CancelledError:
        return "converted"
d = g()
d.addCallback(lambda r: print("user callback saw", r) or r)
d.cancel()
print(d.result)

# nested: cancelling the outer cancels the inner's wait
leaf = Deferred(lambda d: print("leaf cancelled"))
@inlineCallbacks
def inner():
    yield leaf
@inlineCallbacks
def outer():
    try:
        yield inner()
    except CancelledError:
        print("outer saw CancelledError")
        return "outer recovered"
d = outer()
d.cancel()
print(d.result)

# Arity errors of Twisted's API, which are Python functions in Twisted:
# CPython's wording for those, self counted in methods.
from twisted.internet.defer import (Deferred, succeed, fail, setDebugging, getDebugging,
                                    inlineCallbacks, returnValue, ensureDeferred, passthru, logError)


def f(x):
    return x


calls = [
    lambda: succeed(),
    lambda: succeed(1, 2),
    lambda: succeed(result=1, other=2),
    lambda: succeed(1, result=2),
    lambda: fail(1, 2),
    lambda: setDebugging(),
    lambda: getDebugging(1),
    lambda: inlineCallbacks(),
    lambda: inlineCallbacks(f, f),
    lambda: returnValue(),
    lambda: ensureDeferred(),
    lambda: passthru(),
    lambda: logError(1, 2),
    lambda: Deferred().addCallbacks(f, f, callbackArgs=(), callback=f),
    lambda: Deferred().addCallbacks(callback=f, errback=f, bogus=1),
    lambda: Deferred().addTimeout(1),
    lambda: Deferred().addTimeout(),
    lambda: Deferred().cancel(1),
    lambda: Deferred().unpause(1),
    lambda: Deferred(canceller=None, x=1),
    lambda: Deferred().errback(fail=None, x=1),
    lambda: Deferred().chainDeferred(d=1, e=2),
]
for call in calls:
    try:
        call()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print(type(e).__name__)


for call in (lambda: Deferred().addCallbacks(),
             lambda: Deferred().addCallbacks(f, f, (), {}, (), {}, 1),
             lambda: Deferred().addCallbacks(f, foo=1),
             lambda: Deferred().addCallback(),
             lambda: Deferred().callback(),
             lambda: Deferred().callback(1, 2),
             lambda: Deferred().callback(res=1),
             lambda: Deferred().errback(1, 2),
             lambda: Deferred().pause(1),
             lambda: Deferred(1, 2),
             lambda: Deferred().chainDeferred(),
             lambda: Deferred().addTimeout()):
    try:
        call()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)


# DeferredList, gatherResults, the locks and the queue, FirstError, Failure.
from twisted.internet.defer import (Deferred, DeferredList, gatherResults, DeferredLock,
                                    DeferredSemaphore, DeferredQueue, FirstError)
from twisted.python.failure import Failure

try:
    raise ValueError("x")
except ValueError:
    fl = Failure()

calls = [
    lambda: DeferredList(),
    lambda: DeferredList([], 1, 2, 3, 4),
    lambda: DeferredList([], bogus=1),
    lambda: DeferredList([]).cancel(1),
    lambda: gatherResults(),
    lambda: gatherResults([], 1, 2),
    lambda: gatherResults([], x=1),
    lambda: DeferredLock(1),
    lambda: DeferredLock().acquire(1),
    lambda: DeferredLock().release(1),
    lambda: DeferredSemaphore(),
    lambda: DeferredSemaphore(1, 2, 3),
    lambda: DeferredSemaphore(1).acquire(1),
    lambda: DeferredQueue(1, 2, 3),
    lambda: DeferredQueue(x=1),
    lambda: DeferredQueue().put(),
    lambda: DeferredQueue().get(1),
    lambda: FirstError(),
    lambda: FirstError(1, 2, 3),
    lambda: fl.check(x=1),
    lambda: fl.trap(x=1),
    lambda: fl.raiseException(1),
    lambda: fl.cleanFailure(1),
    lambda: fl.getErrorMessage(1),
    lambda: fl.getTraceback(1, 2, 3, 4),
    lambda: fl.getTraceback(bogus=1),
    lambda: fl.printTraceback(1, 2, 3, 4),
    lambda: fl.getBriefTraceback(1, 2),
    lambda: fl.getTracebackObject(1),
    lambda: Failure(1, 2, 3, 4, 5),
    lambda: Failure(bogus=1),
    lambda: fl.printBriefTraceback(detail="brief"),
    lambda: fl.printDetailedTraceback(None, 0, 1),
    lambda: DeferredQueue().put(1, 2),
    lambda: DeferredSemaphore(1).release(1),
    lambda: FirstError(1, index=2, failure=3),
]
for call in calls:
    try:
        call()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
    except Exception as e:
        print(type(e).__name__)


# twisted.internet.error: ConnectError and its subclasses share its __init__.
from twisted.internet.error import ConnectError, ConnectionRefusedError

for cls in (ConnectError, ConnectionRefusedError):
    for call in (lambda: cls(1, 2, 3), lambda: cls(bogus=1), lambda: cls(None, "s", string="t")):
        try:
            print(repr(call()))
        except TypeError as e:
            print("TypeError:", e)
print(str(ConnectError(string="no route")), str(ConnectionRefusedError()))

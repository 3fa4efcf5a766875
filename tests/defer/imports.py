# Every import form reaches the same module objects.
import twisted
import twisted.internet.defer
import twisted.python.failure as tpf
from twisted.internet import defer, error
from twisted.internet.defer import Deferred, inlineCallbacks, returnValue
from twisted.python import failure
from twisted.python.failure import Failure

print(twisted.internet.defer is defer, twisted.python.failure is failure is tpf)
print(twisted.internet.error is error, defer.Deferred is Deferred, failure.Failure is Failure)
print(defer.Failure is Failure, defer.inlineCallbacks is inlineCallbacks)
print(twisted.__version__)
print(defer.__name__, failure.__name__, error.__name__, twisted.internet.__name__, twisted.python.__name__)
import sys
print(sorted(k for k in sys.modules if k.startswith("twisted.internet.defer") or k == "twisted.python.failure"))
for name in ("succeed", "fail", "maybeDeferred", "DeferredList", "gatherResults", "returnValue",
             "inlineCallbacks", "AlreadyCalledError", "CancelledError", "FirstError", "TimeoutError",
             "DeferredLock", "DeferredSemaphore", "DeferredQueue", "QueueOverflow", "QueueUnderflow",
             "passthru", "setDebugging", "getDebugging", "execute", "logError", "NotACoroutineError",
             "SUCCESS", "FAILURE"):
    print(name, hasattr(defer, name))
print(hasattr(failure, "NoCurrentExceptionError"), hasattr(failure, "DefaultException"))

# The Twisted types name their modules as the Python classes do.
from twisted.internet.defer import Deferred, DeferredList, DeferredLock, DeferredSemaphore, DeferredQueue, succeed
from twisted.python.failure import Failure
for t in (Deferred, DeferredList, DeferredLock, DeferredSemaphore, DeferredQueue, Failure):
    print(t, t.__module__, t.__name__, t.__qualname__)
class MyD(Deferred):
    pass
print(MyD, MyD.__mro__[1], MyD().__class__.__module__)
print(type(succeed(1)), type(Failure(ValueError())), type(DeferredList([])))

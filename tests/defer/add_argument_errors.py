# Argument errors of the add methods that Twisted raises as Python
# functions do, and the default errback (_failthru) given extra arguments.
from twisted.internet.defer import Deferred, succeed, fail
from twisted.python.failure import Failure


def f(x, *a, **k):
    print("f", x, a, k)
    return x


d = Deferred()
d.addCallbacks(f, None, errbackArgs=(1,))
d.addErrback(lambda fl: print("eb", fl.type.__name__, fl.getErrorMessage()))
d.errback(ValueError("boom"))

d = Deferred()
d.addCallbacks(f, None, callbackArgs=(1,), errbackKeywords={"k": 2})
d.addErrback(lambda fl: print("eb2", fl.type.__name__, fl.getErrorMessage()))
d.errback(ValueError("boom2"))

for meth in ("addCallback", "addErrback", "addBoth"):
    try:
        getattr(Deferred(), meth)(f, callback=f)
    except TypeError as e:
        print(meth, "TypeError:", e)
    try:
        getattr(Deferred(), meth)(f, errback=f)
        print(meth, "errback= ok")
    except TypeError as e:
        print(meth, "TypeError:", e)
try:
    Deferred().addCallbacks(f, f, callback=f)
except TypeError as e:
    print("addCallbacks TypeError:", e)

d = Deferred()
d.addCallbacks(f, None, callbackArgs=(1,), errbackArgs=(2,))
d.addCallback(lambda r: print("cb5", r))
d.callback(7)

d = Deferred()
d.addCallback(callback=f)
d.addErrback(errback=lambda fl: print("never"))
d.addBoth(f, 8, errback=9)
d.callback(9)

d = Deferred()
d.addCallbacks(f, None, errbackArgs=(1, 2), errbackKeywords={"z": 3, "y": 4})
d.addErrback(lambda fl: print("eb6", fl.type.__name__, fl.getErrorMessage()))
d.errback(KeyError("k"))

# succeed, fail, maybeDeferred (its four cases), execute.
from twisted.internet import defer
from twisted.python.failure import Failure

d = defer.succeed("s")
print(d.called, d.result)
d = defer.fail(ValueError("f"))
print(d.called, type(d.result).__name__, d.result.getErrorMessage())
d.addErrback(lambda f: None)
try:
    1 / 0
except ZeroDivisionError:
    d = defer.fail()
print(d.result.type.__name__)
d.addErrback(lambda f: None)
d = defer.fail(Failure(KeyError("kf")))
print(d.result.value)
d.addErrback(lambda f: None)

def raises(x):
    raise RuntimeError("raised " + str(x))
def returns_deferred(x):
    return pre
def returns_failure(x):
    return Failure(TypeError("returned failure"))
def plain(x, y=0):
    return x + y

pre = defer.Deferred()
for f in (raises, returns_deferred, returns_failure, plain):
    d = defer.maybeDeferred(f, 1)
    r = d.result if d.called else "(not fired)"
    print(f.__name__, d is pre, isinstance(r, Failure) and r.getErrorMessage() or r)
    d.addErrback(lambda f: None)
print(defer.maybeDeferred(plain, 1, y=2).result)
print(defer.maybeDeferred(lambda: 7).result)
d = defer.maybeDeferred(lambda: 1 / 0)
print(d.result.type.__name__)
d.addErrback(lambda f: None)

d = defer.execute(plain, 2, y=3)
print(d.result)
d = defer.execute(raises, 3)
print(d.result.getErrorMessage())
d.addErrback(lambda f: None)
print(defer.passthru(5), defer.SUCCESS, defer.FAILURE)
print(defer.getDebugging())

# "Unhandled error in Deferred" on stderr when a Deferred whose chain ended
# in a failure dies; handled failures are not reported. (Only frameless
# failures: the frames of Twisted's own code cannot be reproduced.)
from twisted.internet import defer

class MyError(Exception):
    pass

d = defer.Deferred()
d.errback(ValueError("boom"))
print("before drop")
del d
print("after drop")

d = defer.fail(MyError("custom class"))
d = None
d = defer.fail(KeyError("k"))
d = None
print("reported two")

def local():
    x = defer.fail(RuntimeError("local dies at return"))
    print("in function")
local()
print("after function")

# handled later: no report
d = defer.fail(ValueError("handled later"))
d.addErrback(lambda f: None)
del d

# taken by an outer Deferred: only the outer one carries it
inner = defer.fail(TypeError("moved to outer"))
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.callback(None)
del inner
print("inner dropped")
del outer
print("outer dropped")

# consumeErrors: member failures are not reported
dl = defer.DeferredList([defer.fail(ValueError("consumed"))], consumeErrors=True)
del dl

# an errback that returns the failure leaves it unhandled
d = defer.fail(ValueError("returned by errback"))
d.addErrback(lambda f: f)
del d

# a Failure made of an arbitrary object
d = defer.fail(42)
del d

# a module-global Deferred is reported at exit
keep = defer.fail(ZeroDivisionError("at exit"))
print("end of script")

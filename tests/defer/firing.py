# callback/errback argument forms and their errors; AlreadyCalledError.
from twisted.internet import defer
from twisted.python import failure
from twisted.python.failure import Failure

def report(d):
    d.addErrback(lambda f: print("  failure:", f.type.__name__, repr(f.value), f.getErrorMessage()))

# callback(Deferred) is refused with a bare AssertionError; d stays unfired
d = defer.Deferred()
try:
    d.callback(defer.Deferred())
except AssertionError as e:
    print("AssertionError", repr(e), d.called)
d.callback("fine")
print(d.result)

# a Failure passed to callback behaves as errback
d = defer.Deferred()
d.callback(Failure(ValueError("via callback")))
report(d)

# errback(None) outside an except block
d = defer.Deferred()
try:
    d.errback()
except failure.NoCurrentExceptionError as e:
    print("NoCurrentExceptionError", repr(e), d.called, isinstance(e, Exception))
# errback() inside an except block captures the handled exception
try:
    {}["missing"]
except KeyError:
    d.errback()
report(d)

# Failure, exception instance, arbitrary object
for arg in (Failure(TypeError("t")), ZeroDivisionError("z"), 42, [1, 2]):
    d = defer.Deferred()
    d.errback(arg)
    report(d)

# a str is refused before firing
d = defer.Deferred()
try:
    d.errback("a string")
except TypeError as e:
    print("TypeError", e, d.called)
try:
    defer.fail("text")
except TypeError as e:
    print("TypeError", e)

# firing twice
d = defer.succeed(1)
for fire in (lambda: d.callback(2), lambda: d.errback(ValueError()), lambda: d.callback(Failure(ValueError()))):
    try:
        fire()
    except defer.AlreadyCalledError as e:
        print("AlreadyCalledError", repr(str(e)), repr(e), isinstance(e, Exception))
print(d.result)
print(defer.AlreadyCalledError.__module__, defer.AlreadyCalledError.__name__, defer.AlreadyCalledError.__mro__[1])
print(defer.CancelledError.__mro__[1], defer.TimeoutError.__mro__[1])

# the failure a fired Deferred holds keeps its type and value
d = defer.fail(ValueError("kept"))
f = d.result
print(type(f).__name__, f.type, f.value, f.value.args)
d.addErrback(lambda f: None)
print(d.result)

# inlineCallbacks misuse: a non-generator function (TypeError with
# Twisted's texts), returnValue in a non-generator, a non-generator that
# raises, returning or returnValue-ing a Deferred.
from twisted.internet.defer import inlineCallbacks, returnValue, Deferred, succeed

def after_address(e):
    s = str(e)
    head, tail = s.split(" at 0x", 1)
    print(head, "|", tail.split(">", 1)[1])

@inlineCallbacks
def noyield():
    return 5
try:
    noyield()
except TypeError as e:
    after_address(e)

@inlineCallbacks
def returns_value_nogen():
    returnValue(3)
try:
    returns_value_nogen()
except TypeError as e:
    after_address(e)
    print(type(e.__context__).__name__)

@inlineCallbacks
def raises_nogen():
    raise KeyError("raised, not a failed Deferred")
try:
    raises_nogen()
except KeyError as e:
    print("KeyError", e)

@inlineCallbacks
def returns_list():
    return [1]
try:
    returns_list()
except TypeError as e:
    after_address(e)

# returning a Deferred: AssertionError from the original call...
@inlineCallbacks
def returns_deferred():
    yield None
    return succeed(1)
try:
    returns_deferred()
except AssertionError as e:
    print("AssertionError raised from the call", repr(e))

# ...and from a later gate.callback(), the gate's result becomes the failure
gate = Deferred()
@inlineCallbacks
def later_returns_deferred():
    yield gate
    returnValue(Deferred())
d = later_returns_deferred()
gate.callback(None)
print("gate.callback returned normally; inline Deferred fired:", d.called)
print("gate result:", gate.result.type.__name__)
gate.addErrback(lambda f: None)

print(inlineCallbacks(5).__wrapped__)
try:
    inlineCallbacks(5)()
except TypeError as e:
    print("TypeError", e)

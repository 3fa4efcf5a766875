# returnValue raises _DefGen_Return (a BaseException): `except Exception`
# does not catch it, a bare `except:` does and the generator goes on; from
# a plain helper it exits the calling generator.
from twisted.internet.defer import inlineCallbacks, returnValue, succeed
from twisted.internet import defer

@inlineCallbacks
def not_caught():
    try:
        returnValue(1)
    except Exception:
        print("never")
    print("never either")
    yield
print(not_caught().result)

@inlineCallbacks
def bare_except():
    try:
        returnValue("swallowed")
    except:
        print("bare except caught it")
    yield succeed(None)
    returnValue("second")
print(bare_except().result)

@inlineCallbacks
def catch_base():
    try:
        returnValue(5)
    except BaseException as e:
        print(type(e).__name__, e.value, isinstance(e, Exception), type(e).__module__)
        raise
    yield
print(catch_base().result)

def helper(v):
    returnValue(v * 2)

@inlineCallbacks
def uses_helper():
    yield succeed(None)
    helper(21)
    print("never")
print(uses_helper().result)

@inlineCallbacks
def in_loop():
    for i in range(10):
        while True:
            x = yield succeed(i)
            if x == 3:
                returnValue(("found", x))
            break
print(in_loop().result)

try:
    returnValue(1)
except BaseException as e:
    print("outside a generator:", type(e).__name__, e.value, e.args)
print(defer._DefGen_Return.__mro__[1] is BaseException or defer._DefGen_Return.__mro__)

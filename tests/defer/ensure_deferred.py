# ensureDeferred: Deferreds pass through, generators run as inlineCallbacks
# runs them, anything else is NotACoroutineError.
from twisted.internet.defer import ensureDeferred, Deferred, succeed, NotACoroutineError

def gen(x):
    a = yield succeed(x)
    b = yield 5
    return a + b

d = ensureDeferred(gen(1))
print(d.result)
w = Deferred()
print(ensureDeferred(w) is w)

def waits(dd):
    v = yield dd
    return v * 2

late = Deferred()
d = ensureDeferred(waits(late))
print(d.called)
late.callback(21)
print(d.result)

def fails():
    yield succeed(None)
    raise KeyError("k")

d = ensureDeferred(fails())
d.addErrback(lambda f: print("errback", f.type.__name__, f.value))
for bad in (1, "s", None, [1]):
    try:
        ensureDeferred(bad)
    except NotACoroutineError as e:
        print(type(e).__name__, e, isinstance(e, TypeError))
try:
    ensureDeferred()
except TypeError as e:
    print("TypeError")

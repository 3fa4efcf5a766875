# inlineCallbacks: eager start, synchronous completion over fired Deferreds,
# non-Deferred values sent back, returnValue / return / falling off the end.
from twisted.internet.defer import inlineCallbacks, returnValue, succeed, Deferred
from twisted.internet import defer

@inlineCallbacks
def sync():
    v = yield succeed(1)
    w = yield 5
    returnValue(v + w)

d = sync()
print("already fired:", d.called, d.result)
r = []
sync().addCallback(r.append)
print(r)

@inlineCallbacks
def values():
    a = yield 1
    b = yield None
    c = yield [3]
    d = yield "s"
    return (a, b, c, d)
print(values().result)

@inlineCallbacks
def falls_off():
    yield succeed(None)
print(falls_off().result)

@inlineCallbacks
def bare_return():
    yield 1
    return
print(bare_return().result)

@inlineCallbacks
def early_return():
    return "before any yield"
    yield
print(early_return().result)

@inlineCallbacks
def early_return_value():
    returnValue("returnValue before yield")
    yield
print(early_return_value().result)

@inlineCallbacks
def starts_eagerly(tag):
    print("body starts", tag)
    x = yield gate
    print("resumed with", x)
    return x * 2

gate = Deferred()
print("calling")
d = starts_eagerly("now")
print("returned", type(d).__name__, d.called)
gate.callback(21)
print("after callback", d.called, d.result)

@inlineCallbacks
def loop(n):
    total = 0
    for i in range(n):
        total += yield succeed(i)
    returnValue(total)
print(loop(1000).result)

@inlineCallbacks
def kwargs(a, b=2, *rest, **kw):
    yield None
    returnValue((a, b, rest, sorted(kw.items())))
print(kwargs(1).result, kwargs(1, 3, 4, 5, x=6).result)

@inlineCallbacks
def nested(n):
    if n == 0:
        returnValue(0)
    v = yield nested(n - 1)
    returnValue(v + n)
print(nested(50).result)

print(inlineCallbacks is defer.inlineCallbacks, returnValue is defer.returnValue)
print(sync.__name__, sync.__qualname__, sync.__wrapped__.__name__, sync.__module__)
print(repr(sync).split(" at ")[0])

# weft-only
# 100,000 @inlineCallbacks generators, each waiting on the Deferred of the
# one before it, fired at the far end: unwinds with constant C stack.
# Twisted dies of RecursionError after about 200 levels (each resumption
# nests _inlineCallbacks inside the previous Deferred's callback), so this
# is hand-checked, not CPython's output.
from twisted.internet.defer import inlineCallbacks, Deferred, succeed

@inlineCallbacks
def link(d):
    v = yield d
    return v + 1

first = Deferred()
d = first
for i in range(100000):
    d = link(d)
print("built", d.called)
first.callback(0)
print("unwound", d.result)

# the same with failures travelling all the way up
@inlineCallbacks
def passes_on(d):
    try:
        yield d
    except KeyError as e:
        n = e.args[0]
    raise KeyError(n + 1)

first = Deferred()
d = first
for i in range(100000):
    d = passes_on(d)
first.errback(KeyError(0))
print("failure", d.result.value.args[0])
d.addErrback(lambda f: None)

# callbacks returning Deferreds mixed with generators
@inlineCallbacks
def mixed(d):
    v = yield d
    return v * 1

first = Deferred()
d = first
for i in range(50000):
    d = mixed(d)
    d.addCallback(lambda r: succeed(r + 1))
    d = mixed(d)
first.callback(0)
print("mixed", d.result)

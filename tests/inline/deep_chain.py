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

# Built from the inside: each call starts the next one inside its first
# step, 100,000 deep; the dispatch loop runs those steps in place, so
# building nests no C calls either (the recursion limit counts the frames).
import sys
sys.setrecursionlimit(200000)
far_end = Deferred()

@inlineCallbacks
def nested(n):
    if n == 0:
        v = yield far_end
        return v
    v = yield nested(n - 1)
    return v + 1

d = nested(100000)
print("nested built", d.called)
far_end.callback(0)
print("nested unwound", d.result)

@inlineCallbacks
def nested_sync(n):
    if n == 0:
        raise KeyError(0)
    try:
        yield nested_sync(n - 1)
    except KeyError as e:
        raise KeyError(e.args[0] + 1) from None

# 10,000 deep, past WF_MAX_C_DEPTH (6000), so nesting C calls would fail:
# each level makes a Failure, which copies up to 1,000 frames of the stack
# it was made on (as Twisted's does, within its recursion limit).
d = nested_sync(10000)
print("nested sync failure", d.result.value.args[0])
d.addErrback(lambda f: None)

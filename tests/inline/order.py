# The generator resumes inside d.callback(), before callback returns, and
# the inlineCallbacks Deferred's callbacks run then too.
from twisted.internet.defer import inlineCallbacks, Deferred, succeed

gate = Deferred()

@inlineCallbacks
def w():
    print("w started")
    v = yield gate
    print("w resumed with", v)
    return v + 1

print("calling worker")
d = w()
print("worker returned a Deferred called:", d.called)
d.addCallback(lambda r: print("worker result", r))
print("before gate.callback")
gate.callback(41)
print("after gate.callback")

# two generators waiting on each other's Deferreds
a_gate, b_gate = Deferred(), Deferred()

@inlineCallbacks
def a():
    print("a waits")
    x = yield a_gate
    print("a got", x, "- firing b_gate")
    b_gate.callback(x + 1)
    print("a after firing b_gate")
    return "a done"

@inlineCallbacks
def b():
    print("b waits")
    y = yield b_gate
    print("b got", y)
    return "b done"

da, db = a(), b()
da.addCallback(lambda r: print("da:", r))
db.addCallback(lambda r: print("db:", r))
a_gate.callback(1)
print("end", da.result, db.result)

# a callback added to the yielded Deferred before the yield runs first and
# can change the value; one added after the yield sees None
g = Deferred()
g.addCallback(lambda r: r + 100)

@inlineCallbacks
def waiter():
    v = yield g
    print("waiter got", v)
waiter()
g.addCallback(lambda r: print("added after the yield sees", r))
g.callback(1)
print("g.result", g.result)

# a generator waiting on a Deferred that is running its own callbacks
outer = Deferred()
def cb(r):
    @inlineCallbacks
    def inner():
        v = yield outer
        print("inner got", v)
    inner()
    print("cb returns")
    return r * 2
outer.addCallback(cb)
outer.callback(5)
print("outer.result", outer.result)

# yielding a paused Deferred that already has a result
p = succeed("p")
p.pause()
@inlineCallbacks
def on_paused():
    v = yield p
    print("on_paused got", v)
dp = on_paused()
print("waiting on paused:", dp.called)
p.unpause()
print(dp.called)

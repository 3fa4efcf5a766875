# Callbacks added while the same Deferred's callbacks run are appended and
# run in the same loop; pause() inside a callback does not stop that loop.
from twisted.internet import defer

d = defer.Deferred()
def outer(r):
    print("outer start", r)
    d.addCallback(lambda r: print("inner added during run got", r) or r)
    print("outer end")
    return r + 1
d.addCallback(outer)
d.addCallback(lambda r: print("next got", r) or r)
d.callback(1)
print(d.result, d._runningCallbacks)

# running flag is visible from inside a callback
d = defer.Deferred()
d.addCallback(lambda r: print("running inside", d._runningCallbacks) or r)
d.callback(0)
print("running after", d._runningCallbacks)

# firing another Deferred from a callback runs its chain synchronously
a, b = defer.Deferred(), defer.Deferred()
b.addCallback(lambda r: print("b got", r))
a.addCallback(lambda r: print("a got", r) or b.callback(r + 1) or print("a after b.callback"))
a.callback(10)

# pause inside a callback: the current loop goes on
d = defer.Deferred()
d.addCallback(lambda r: d.pause() or print("paused inside", d.paused) or r)
d.addCallback(lambda r: print("still ran", r) or r)
d.callback(3)
print("paused", d.paused)
d.addCallback(lambda r: print("queued while paused", r))
print("queued", len(d.callbacks))
d.unpause()
print("paused", d.paused, len(d.callbacks))

# pause/unpause is a counter; a paused Deferred records a result and runs
# nothing; extra unpause() makes the counter negative and stops callbacks.
from twisted.internet import defer

d = defer.Deferred()
d.pause()
d.pause()
d.addCallback(lambda r: print("cb", r) or r)
d.callback("x")
print("called", d.called, "paused", d.paused, "result", d.result)
d.unpause()
print("after one unpause", d.paused, len(d.callbacks))
d.unpause()
print("after two", d.paused, len(d.callbacks), d.result)

d = defer.Deferred()
d.addCallback(lambda r: print("cb1", r) or r)
d.callback(1)
d.unpause()
print("paused", d.paused)
d.addCallback(lambda r: print("cb2", r))
print("callbacks still queued:", len(d.callbacks))
d.pause()
print("paused", d.paused, len(d.callbacks))
d.pause()
d.unpause()
print("paused", d.paused, len(d.callbacks))

# unpause of an unfired Deferred just counts
d = defer.Deferred()
d.pause()
d.unpause()
d.addCallback(lambda r: print("fired later", r))
d.callback("later")

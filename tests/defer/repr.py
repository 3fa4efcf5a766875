# str(d) == repr(d) in Twisted's three forms (addresses cut out).
from twisted.internet import defer

def show(d):
    s = str(d)
    head, tail = s.split(" at ", 1)
    rest = tail.split(" ", 1)[1] if " " in tail else ">"
    print(head, "|", rest.replace(tail.split(" ")[0], "ADDR") if " at " in rest else rest, "|", repr(d) == s)

d = defer.Deferred()
show(d)
d.callback("v")
show(d)
show(defer.succeed(42))
show(defer.succeed([1, "a"]))
d = defer.succeed(None)
show(d)
inner = defer.Deferred()
outer = defer.Deferred()
outer.addCallback(lambda r: inner)
outer.callback(1)
s = str(outer)
print(s.split(" at ")[0], "waiting on Deferred" in s, s.count(" at "))
show(inner)
inner.callback(2)
show(outer)
dl = defer.DeferredList([])
show(dl)
f = defer.fail(ValueError("x"))
print(str(f).split(" current result: ")[1])
f.addErrback(lambda x: None)

class MyDeferred(defer.Deferred):
    pass
m = MyDeferred()
show(m)
m.callback(1)
show(m)
print(type(d).__name__, defer.Deferred.__name__)

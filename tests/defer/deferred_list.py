# DeferredList: result shape and order, fireOnOneCallback, fireOnOneErrback,
# consumeErrors, the empty list, members that already fired.
from twisted.internet import defer

def show(tag, r):
    if isinstance(r, list):
        print(tag, [(ok, v.getErrorMessage() if isinstance(v, defer.Failure) else v) for ok, v in r])
    elif isinstance(r, defer.Failure):
        print(tag, "Failure", r.type.__name__, r.getErrorMessage())
    else:
        print(tag, r)

a, b, c = defer.Deferred(), defer.Deferred(), defer.Deferred()
dl = defer.DeferredList([a, b, c], consumeErrors=True)
dl.addCallback(lambda r: show("list order:", r))
c.callback("third")
a.errback(ValueError("first failed"))
print("not yet", dl.called, dl.finishedCount)
b.callback("second")
print(a.result, dl.finishedCount, len(dl.resultList))

r = []
dl = defer.DeferredList([defer.succeed(1), defer.fail(KeyError("k")), defer.succeed(3)], consumeErrors=True)
dl.addCallback(r.append)
print(len(r[0]), r[0][0], r[0][1][0], r[0][1][1].type.__name__, r[0][2])

print(defer.DeferredList([]).result)
dl = defer.DeferredList([], fireOnOneCallback=True)
print("empty with fireOnOneCallback fired:", dl.called)

a, b = defer.Deferred(), defer.Deferred()
dl = defer.DeferredList([a, b], fireOnOneCallback=True)
b.callback("b first")
show("fireOnOneCallback:", dl.result)
a.callback("a")
show("after:", dl.result)
print(a.result, b.result)

a, b = defer.Deferred(), defer.Deferred()
dl = defer.DeferredList([a, b], fireOnOneErrback=True)
dl.addErrback(lambda f: print("fireOnOneErrback:", f.type.__name__, f.value.index,
                              f.value.subFailure.getErrorMessage()) or "handled")
a.callback(1)
b.errback(ValueError("b broke"))
print(dl.result)
b.addErrback(lambda f: print("member still failed:", f.getErrorMessage()))

# members' own callbacks run first and the list sees their output
a = defer.Deferred()
a.addCallback(lambda r: r * 2)
dl = defer.DeferredList([a])
a.callback(21)
show("member callbacks first:", dl.result)
print("member result after list:", a.result)

# consumeErrors leaves None as the member's result
a = defer.fail(ValueError("consumed"))
dl = defer.DeferredList([a], consumeErrors=True)
print(a.result, dl.result[0][0])
print(dl.fireOnOneCallback, dl.fireOnOneErrback, dl.consumeErrors)

# cancel cancels every member until the list fired
a, b = defer.Deferred(), defer.Deferred()
dl = defer.DeferredList([a, b], consumeErrors=True)
dl.cancel()
show("cancelled:", dl.result)
dl.cancel()

# a list of any iterable
dl = defer.DeferredList(defer.succeed(i) for i in range(3))
show("generator:", dl.result)

# gatherResults (with consumeErrors) and FirstError.
from twisted.internet import defer
from twisted.python.failure import Failure

r = []
defer.gatherResults([defer.succeed(1), defer.succeed(2)]).addCallback(r.append)
print(r)

a, b, c = defer.Deferred(), defer.Deferred(), defer.Deferred()
g = defer.gatherResults([a, b, c])
c.callback("c")
a.callback("a")
print(g.called)
b.callback("b")
print(g.result)

a, b = defer.Deferred(), defer.Deferred()
g = defer.gatherResults([a, b])
def on_error(f):
    fe = f.value
    print("errback:", f.type.__name__, fe.index, fe.subFailure.getErrorMessage())
    print("repr:", repr(fe))
    print("str:", str(fe))
    print("args:", len(fe.args), fe.args[1], fe.args[0] is fe.subFailure)
    print(isinstance(fe, Exception), type(fe).__module__, type(fe).__name__)
    return "handled"
g.addErrback(on_error)
b.errback(KeyError("ky"))
a.callback("late member")
print(g.result, a.result)
b.addErrback(lambda f: print("member b keeps its failure:", f.getErrorMessage()))

a = defer.Deferred()
g = defer.gatherResults([a], consumeErrors=True)
g.addErrback(lambda f: print("consumed:", f.value.subFailure.type.__name__) or None)
a.errback(ValueError("c"))
print("member result:", a.result)

print(defer.gatherResults([]).result)

fe = defer.FirstError(Failure(ValueError("direct")), 3)
print(repr(fe))
print(str(fe))
print(fe.index, fe.subFailure.value)
try:
    raise fe
except defer.FirstError as e:
    print("caught", e.index)

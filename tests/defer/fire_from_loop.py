# d.callback(v) called from Python code: each way a callback can change the
# chain while it runs, since the interpreter runs the callbacks as frames
# of its own loop. Every case prints the order things happened in.
import sys
from twisted.internet.defer import Deferred, succeed, fail, AlreadyCalledError

log = []


def note(tag):
    def cb(r):
        log.append((tag, r))
        return r
    return cb


def show(title):
    print(title, log)
    del log[:]


# callbacks added while the chain runs run in the same pass, in order
d = Deferred()
def adder(r):
    d.addCallback(note("added-1"))
    d.addCallback(note("added-2"))
    return r + 1
d.addCallback(adder)
d.addCallback(note("after"))
d.callback(1)
show("re-entrant adds:")

# pausing inside a callback does not stop the pass; unpausing later runs
# what is added meanwhile
d = Deferred()
def pauser(r):
    d.pause()
    return r * 10
d.addCallback(pauser)
d.addCallback(note("still runs"))
d.callback(2)
d.addCallback(note("waits"))
print("paused:", d.paused, log)
d.unpause()
show("after unpause:")

# a callback returning a Failure switches to the errback side
d = Deferred()
def to_failure(r):
    try:
        raise KeyError(r)
    except KeyError:
        from twisted.python.failure import Failure
        return Failure()
d.addCallback(to_failure)
d.addCallback(note("skipped"))
d.addErrback(lambda f: log.append(("eb", f.type.__name__)) or "recovered")
d.addCallback(note("back"))
d.callback(3)
show("returned Failure:")

# raising, with a traceback through nested calls
def inner(x):
    return 1 // x
def raiser(r):
    return inner(r)
d = Deferred()
d.addCallback(raiser)
d.addErrback(lambda f: log.append((f.type.__name__, [fr[0] for fr in f.frames if fr[1].endswith("loop.py")])))
d.callback(0)
show("raised:")

# a callback returning a Deferred that has fired, and one that has not
inner_d = Deferred()
d = Deferred()
d.addCallback(lambda r: succeed(r + 100))
d.addCallback(note("took result"))
d.addCallback(lambda r: inner_d)
d.addCallback(note("after inner"))
d.callback(4)
print("waiting:", d.paused, log)
inner_d.callback("inner")
show("inner fired:")

# firing another Deferred from inside a callback, and firing d again
other = Deferred()
other.addCallback(note("other"))
d = Deferred()
def fire_other(r):
    other.callback(r * 2)
    try:
        d.callback("again")
    except AlreadyCalledError:
        log.append("AlreadyCalledError")
    return r
d.addCallback(fire_other)
d.addCallback(note("end"))
d.callback(5)
show("nested firing:")

# every kind of callable and argument shape
class Acc:
    def __init__(self):
        self.items = []
    def add(self, r, tag="m"):
        self.items.append((tag, r))
        return r

acc = Acc()
out = []
k = 7
def gen_cb(r):
    yield r
d = Deferred()
d.addCallback(lambda r: r + k)
d.addCallback(acc.add)
d.addCallback(acc.add, "pos")
d.addCallback(acc.add, tag="kw")
d.addBoth(lambda r, extra: (r, extra), "both")
d.addCallback(out.append)
d.addCallback(gen_cb)
d.addCallback(lambda g: list(g))
d.addCallbacks(note("cb side"), note("eb side"))
d.callback(6)
print("shapes:", acc.items, out, log)
del log[:]

# a callback that drops the last other reference to its Deferred
holder = [Deferred()]
def dropper(r):
    del holder[:]
    return r
holder[0].addCallback(dropper)
holder[0].addCallback(note("kept alive"))
holder[0].callback(8)
show("dropped:")

# the chain ends in a failure nobody handles: reported when d dies
d = Deferred()
d.addCallback(lambda r: fail(ValueError("unhandled %d" % r)))
d.callback(9)
del d
print("after unhandled", file=sys.stderr)

# deep recursion inside callbacks becomes a failure, not a crash
def recurse(n):
    return recurse(n + 1)
d = Deferred()
d.addCallback(recurse)
d.addErrback(lambda f: log.append(f.type.__name__))
d.callback(0)
show("recursion:")

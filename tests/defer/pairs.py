# Pair semantics: a raising callback skips the errback of its own pair; an
# errback returning a value switches back; a callback returning a Failure
# switches to the errback side; BaseException (SystemExit) becomes a Failure.
import sys
from twisted.internet import defer
from twisted.python.failure import Failure

d = defer.Deferred()
d.addCallbacks(lambda r: 1/0, lambda f: print("same-pair eb (never)"))
d.addCallbacks(lambda r: print("never"), lambda f: print("next eb", f.type.__name__) or "ok")
d.callback(0)
print(d.result)

d = defer.Deferred()
d.addCallback(lambda r: Failure(KeyError("k")))
d.addCallback(lambda r: print("skipped"))
d.addErrback(lambda f: print("eb got", f.check(KeyError), f.getErrorMessage()) or f)
d.addErrback(lambda f: "back to callbacks")
d.addCallback(lambda r: print("cb got", r) or r.upper())
d.callback(1)
print(d.result)

def reraise(f):
    print("reraise", f.type.__name__)
    raise f.value

def trap_other(f):
    f.trap(TypeError)
    print("never")

d = defer.Deferred()
d.addErrback(reraise)
d.addErrback(trap_other)
d.addErrback(lambda f: print("still", f.type.__name__, f.value.args) or 5)
d.errback(ValueError("v", 2))
print(d.result)

def exiting(r):
    sys.exit(3)

d = defer.Deferred()
d.addCallback(exiting)
d.addErrback(lambda f: print("SystemExit code", f.value.code, f.check(SystemExit) is SystemExit) or "no exit")
d.callback(None)
print(d.result)

def kbd(r):
    raise KeyboardInterrupt()
d = defer.Deferred()
d.addCallback(kbd)
d.addErrback(lambda f: f.type.__name__)
d.callback(None)
print(d.result)

# errback that returns the failure leaves it failed
d = defer.Deferred()
d.addErrback(lambda f: f)
d.addErrback(lambda f: print("second eb", f.value) or None)
d.errback(RuntimeError("x"))
print(d.result)

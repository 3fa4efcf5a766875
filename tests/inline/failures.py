# A failed Deferred raises its exception at the yield (the same object), so
# try/except/else/finally work around a yield; an exception escaping the
# generator fails the returned Deferred; nested calls pass it up.
from twisted.internet.defer import inlineCallbacks, Deferred, fail, succeed

err = ValueError("original")

@inlineCallbacks
def catches():
    try:
        yield fail(err)
    except ValueError as e:
        print("caught the same object:", e is err)
    else:
        print("no")
    finally:
        print("finally runs")
    try:
        yield succeed(1)
    except ValueError:
        print("no")
    else:
        print("else runs")
    try:
        yield fail(KeyError("k"))
    except KeyError:
        v = yield succeed("yield inside except")
        print(v)
    finally:
        w = yield succeed("yield inside finally")
        print(w)
    return "done"
print(catches().result)

@inlineCallbacks
def escapes():
    yield succeed(None)
    raise RuntimeError("escaped")
d = escapes()
print(d.result.type.__name__, d.result.getErrorMessage())
d.addErrback(lambda f: None)

@inlineCallbacks
def raises_first():
    raise TypeError("before the first yield")
    yield
d = raises_first()
print(d.result.type.__name__, d.result.getErrorMessage())
d.addErrback(lambda f: None)

@inlineCallbacks
def inner(gate):
    yield gate
    raise KeyError("from inner")

@inlineCallbacks
def outer(gate):
    try:
        yield inner(gate)
    except KeyError as e:
        print("outer caught", repr(e))
        return "recovered"

gate = Deferred()
d = outer(gate)
print(d.called)
gate.callback(None)
print(d.result)

@inlineCallbacks
def waits(gate):
    v = yield gate
    return v
gate = Deferred()
d = waits(gate)
gate.errback(ZeroDivisionError("async failure"))
print(d.result.type.__name__, d.result.getErrorMessage())
d.addErrback(lambda f: None)

# a Failure of a non-exception thrown in fails the returned Deferred
@inlineCallbacks
def odd():
    try:
        yield fail(42)
    except Exception as e:
        print("never", e)
d = odd()
print(d.result.type.__name__)
d.addErrback(lambda f: None)

# KeyboardInterrupt / SystemExit from the generator become failures too
import sys
@inlineCallbacks
def exits():
    yield None
    sys.exit(4)
d = exits()
print(d.result.type.__name__, d.result.value.code)
d.addErrback(lambda f: None)

# the generator resumed from an errback chain
g = Deferred()
g.addCallback(lambda r: 1 / 0)
@inlineCallbacks
def after_cb():
    try:
        yield g
    except ZeroDivisionError:
        print("ZeroDivisionError from the yielded Deferred's callback")
after_cb()
g.callback(0)

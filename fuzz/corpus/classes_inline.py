# Private names (__x) inside a class are mangled to _C__x everywhere CPython
# mangles them: attributes, methods, class attributes, locals, globals,
# nonlocals, comprehensions, nested classes; keyword argument names are not.
class C:
    __cls = "class private"
    def __init__(self):
        self.__x = 1
        self.__y__ = 2
        __local = 3
        self.local = __local
    def f(self, __p=5):
        return dict(__a=1), __p, self.__x
    def __g(self):
        return "g"
    def call_g(self):
        return self.__g()
    class __Inner:
        __z = 4
    def inner(self):
        return self.__Inner, self._C__Inner._Inner__z
def outer():
    return C
c = C()
print(sorted(k for k in vars(c)), c.f(), c.call_g(), c._C__cls)
print(sorted(k for k in vars(C) if not k.startswith("__") or k.startswith("_C")))
print(c.inner()[1])
try:
    c.__x
except AttributeError as e:
    print(e)
class ___:
    __q = 1
print([k for k in vars(___) if k.endswith("q")])
class D(C):
    def h(self):
        try:
            return self.__x
        except AttributeError as e:
            return str(e)
print(D().h())
print(getattr(c, "_C__x"))

# closures, globals, nonlocal and comprehensions inside a class
__g = "module level __g"
class E:
    def m(self):
        __v = 1
        def inner():
            nonlocal __v
            __v += 1
            return __v
        return inner(), [__v for _ in range(2)], {__k: 1 for __k in "ab"}
    def glob(self):
        try:
            return __g
        except NameError as e:
            return str(e)
    def setglob(self):
        global __h
        __h = "set as _E__h"
print(E().m(), E().glob())
E().setglob()
print(sorted(k for k in globals() if k.endswith("__h") or k.endswith("__g")))
print(E.m.__name__, E.m.__qualname__)
class G:
    def __priv(self):
        return "priv"
print(G.__dict__["_G__priv"].__name__, G._G__priv.__qualname__)
# The first step of an @inlineCallbacks call made from bytecode (the
# dispatch loop runs it in place) against the same calls made from C
# (as a callback): results, failures, re-entrancy and misuse must agree.
from twisted.internet.defer import (inlineCallbacks, returnValue, Deferred,
                                    succeed, fail)
from twisted.python.failure import Failure

log = []

def show(label, d):
    d.addCallbacks(lambda v: log.append((label, "ok", v)),
                   lambda f: log.append((label, "err", f.type.__name__, str(f.value))))

# -- nested synchronous calls, failures raised and caught on the way up --
@inlineCallbacks
def leaf(n):
    if n < 0:
        raise ValueError("negative %d" % n)
    yield succeed(None)
    return n * 2

@inlineCallbacks
def middle(n):
    try:
        v = yield leaf(n)
    except ValueError as e:
        log.append(("middle caught", str(e)))
        v = yield leaf(-n)
    returnValue(v + 1)

@inlineCallbacks
def top(n):
    a = yield middle(n)
    b = yield middle(-n)
    c = yield 7            # not a Deferred: sent straight back
    return (a, b, c)

show("top", top(3))
show("top0", top(0))

# -- a failure nobody catches travels up every level --
@inlineCallbacks
def boom(n):
    if n == 0:
        yield fail(KeyError("deep"))
    yield boom(n - 1)

show("boom", boom(5))

# -- keyword arguments, defaults, *args, closures, methods --
def make(k):
    @inlineCallbacks
    def inner(a, b=10, *rest, **kw):
        x = yield succeed(a + b + k + sum(rest))
        returnValue((x, sorted(kw.items())))
    return inner

f = make(100)
show("kw1", f(1))
show("kw2", f(1, 2, 3, 4, z=5, y=6))
show("kw3", f(b=1, a=2))

class Account:
    def __init__(self, balance):
        self.balance = balance

    @inlineCallbacks
    def withdraw(self, amount, fee=0):
        yield succeed(None)
        if amount + fee > self.balance:
            raise RuntimeError("insufficient funds")
        self.balance -= amount + fee
        return self.balance

    @inlineCallbacks
    def drain(self):
        total = 0
        while self.balance >= 10:
            total += yield self.withdraw(10)
        return total

acct = Account(35)
show("withdraw", acct.withdraw(5))
show("withdraw-fee", acct.withdraw(5, fee=1))
show("withdraw-big", acct.withdraw(500))
bound = acct.withdraw
show("bound", bound(1))
show("unbound", Account.withdraw(acct, 2))
show("drain", acct.drain())

# -- a yielded Deferred that fired but still has callbacks to run --------
def addboth_case(label, call_from_bytecode):
    d1, d2 = Deferred(), Deferred()
    d2.addCallback(lambda r: log.append((label, "cb_a", r)) or r + 1)
    d1.callback("go")
    d1.addCallback(lambda r: d2)          # d1 now waits on d2
    d2.addCallback(lambda r: log.append((label, "cb_c", r)) or "from cb_c")

    @inlineCallbacks
    def waiter(ignored):
        log.append((label, "waiter start"))
        v = yield d2
        log.append((label, "waiter got", v))
        return v

    if call_from_bytecode:
        d1.addCallback(lambda r: show(label, waiter(r)))
    else:
        d1.addCallback(waiter)
        show(label, d1)
    d2.callback(1)
    log.append((label, "d2 result", d2.result))

addboth_case("addboth-bytecode", True)
addboth_case("addboth-c", False)

# -- misuse, from bytecode and from C -------------------------------------
@inlineCallbacks
def not_a_generator():
    return 1

try:
    not_a_generator()
except TypeError as e:
    log.append(("misuse", str(e).split(" at ")[0]))

d = succeed(None)
d.addCallback(lambda r: not_a_generator())
d.addErrback(lambda f: log.append(("misuse via C", f.type.__name__)))

@inlineCallbacks
def stops():
    yield succeed(1)
    raise StopIteration("out")

show("stopiteration", stops())

@inlineCallbacks
def returns_deferred():
    yield succeed(1)
    return Deferred()

try:
    returns_deferred()
except AssertionError as e:
    log.append(("returns Deferred", type(e).__name__))

# -- the yielded Deferred's result is None afterwards ------------------------
seen = succeed("taken")

@inlineCallbacks
def taker():
    v = yield seen
    return v

show("taker", taker())
log.append(("seen afterwards", seen.result))

# -- a bare except: around a returnValue catches it, as in Twisted --------
@inlineCallbacks
def bare():
    yield succeed(None)
    try:
        returnValue(1)
    except:
        log.append(("bare except caught", "returnValue"))
    return 2

show("bare", bare())

for entry in log:
    print(entry)

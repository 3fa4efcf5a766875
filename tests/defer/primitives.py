# DeferredLock, DeferredSemaphore, DeferredQueue.
from twisted.internet import defer

lock = defer.DeferredLock()
print("locked", lock.locked, lock.waiting)
d1 = lock.acquire()
print("first acquire fired", d1.called, d1.result is lock, lock.locked)
d2 = lock.acquire()
d3 = lock.acquire()
print("waiting", len(lock.waiting), d2.called)
d2.addCallback(lambda l: print("d2 got the lock") or l)
lock.release()
print("after release", lock.locked, len(lock.waiting), d2.called)
d3.cancel()
print("cancelled waiter removed", len(lock.waiting), d3.result.type.__name__)
d3.addErrback(lambda f: None)
lock.release()
print("unlocked", lock.locked)
try:
    lock.release()
except AssertionError as e:
    print("AssertionError", e)

order = []
gates = {}
def job(name):
    order.append("start " + name)
    g = defer.Deferred()
    gates[name] = g
    g.addCallback(lambda r: order.append("end " + name) or name.upper())
    return g
r1 = lock.run(job, "a")
r2 = lock.run(job, name="b")
print(order, lock.locked)
gates["a"].callback(None)
print(order, r1.result)
gates["b"].callback(None)
print(order, r2.result, lock.locked)
r3 = lock.run(lambda: 1 / 0)
print(r3.result.type.__name__, lock.locked)
r3.addErrback(lambda f: None)

sem = defer.DeferredSemaphore(2)
print("tokens", sem.tokens, sem.limit)
a, b, c = sem.acquire(), sem.acquire(), sem.acquire()
print(a.called, b.called, c.called, sem.tokens, len(sem.waiting))
sem.release()
print(c.called, sem.tokens, len(sem.waiting))
sem.release()
sem.release()
print("tokens", sem.tokens)
try:
    sem.release()
except AssertionError as e:
    print("AssertionError", e)
try:
    defer.DeferredSemaphore(0)
except ValueError as e:
    print("ValueError", e)
print(sem.run(lambda x: x * 2, 21).result, sem.tokens)

q = defer.DeferredQueue()
q.put(1)
q.put(2)
print(q.pending, q.get().result, q.get().result)
g = q.get()
print("waiting get", g.called, len(q.waiting))
q.put("late")
print(g.result, q.pending, q.waiting)
g2 = q.get()
g2.cancel()
print("cancelled get", len(q.waiting), g2.result.type.__name__)
g2.addErrback(lambda f: None)

small = defer.DeferredQueue(size=1, backlog=1)
small.put("x")
try:
    small.put("y")
except defer.QueueOverflow as e:
    print("QueueOverflow", repr(e))
small.get()
small.get()
try:
    small.get()
except defer.QueueUnderflow as e:
    print("QueueUnderflow", repr(e))
print(small.size, small.backlog)

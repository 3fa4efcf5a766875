# Long chains use no stack: 100,000 callbacks returning fired Deferreds,
# and 100,000 Deferreds each waiting on the next, fired in either order.
from twisted.internet import defer

N = 100000
d = defer.Deferred()
for i in range(N):
    d.addCallback(lambda r: defer.succeed(r + 1))
d.callback(0)
print("fired Deferreds returned:", d.result)

# outer waits on inner waits on ... ; the innermost fired last
ds = [defer.Deferred() for i in range(N)]
for i in range(N - 1):
    ds[i].addCallback(lambda r, nxt=ds[i + 1]: nxt)
    ds[i].addCallback(lambda r: r + 1)
for i in range(N - 1):
    ds[i].callback(None)
print("all paused:", all(x.paused == 1 for x in ds[:-1]))
ds[-1].callback(0)
print("innermost fired last:", ds[0].result, ds[N // 2].result, ds[-1].result)

# the same chain fired from the innermost first
ds = [defer.Deferred() for i in range(N)]
ds[-1].callback(0)
for i in range(N - 2, -1, -1):
    ds[i].addCallback(lambda r, nxt=ds[i + 1]: nxt)
    ds[i].addCallback(lambda r: r + 1)
    ds[i].callback(None)
print("innermost fired first:", ds[0].result, ds[1].result)

# unfired Deferreds returned from a long callback chain, fired afterwards
pending = []
def later(r):
    x = defer.Deferred()
    pending.append((x, r))
    return x
d = defer.Deferred()
for i in range(1000):
    d.addCallback(later)
    d.addCallback(lambda r: r + 1)
d.callback(0)
n = 0
while pending:
    x, r = pending.pop()
    x.callback(r)
    n += 1
print("fired one at a time:", n, d.result)

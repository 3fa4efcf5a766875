# A loop of a million `x = yield succeed(i)` runs in constant memory and
# without recursion; so does a million yields of plain values.
from twisted.internet.defer import inlineCallbacks, succeed

@inlineCallbacks
def many(n):
    total = 0
    for i in range(n):
        x = yield succeed(i)
        total += x
    return total

@inlineCallbacks
def plain(n):
    total = 0
    for i in range(n):
        total += yield i
    return total

print(many(1000000).result)
print(plain(1000000).result)

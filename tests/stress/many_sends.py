# A coroutine fed 1,000,000 values with send(), and a 300-deep yield from
# chain resumed 20,000 times: resuming costs a constant amount of memory.

def acc():
    total = 0
    while True:
        v = yield total
        total += v


a = acc()
next(a)
for i in range(1000000):
    a.send(i)
print(a.send(0))


def chain(n):
    if n == 0:
        total = 0
        while True:
            v = yield total
            if v is None:
                return total
            total += v
    return (yield from chain(n - 1))


g = chain(300)
next(g)
for i in range(20000):
    g.send(1)
try:
    g.send(None)
except StopIteration as e:
    print(e.value)

# CPython Lib/test/test_generators.py, "fun_tests": Hamming numbers by
# merging generators, LazyList, and the LazyList Fibonacci.

def firstn(g, n):
    return [next(g) for i in range(n)]


def intsfrom(i):
    while 1:
        yield i
        i += 1


def times(n, g):
    for i in g:
        yield n * i


print(firstn(times(10, intsfrom(1)), 10))


def merge(g, h):
    ng = next(g)
    nh = next(h)
    while 1:
        if ng < nh:
            yield ng
            ng = next(g)
        elif ng > nh:
            yield nh
            nh = next(h)
        else:
            yield ng
            ng = next(g)
            nh = next(h)


def m235():
    yield 1
    me_times2 = times(2, m235())
    me_times3 = times(3, m235())
    me_times5 = times(5, m235())
    for i in merge(merge(me_times2,
                         me_times3),
                   me_times5):
        yield i


result = m235()
for i in range(3):
    print(firstn(result, 15))


class LazyList:
    def __init__(self, g):
        self.sofar = []
        self.fetch = g.__next__

    def __getitem__(self, i):
        sofar, fetch = self.sofar, self.fetch
        while i >= len(sofar):
            sofar.append(fetch())
        return sofar[i]


def m235():
    yield 1
    # Gack:  m235 below actually refers to a LazyList.
    me_times2 = times(2, m235)
    me_times3 = times(3, m235)
    me_times5 = times(5, m235)
    for i in merge(merge(me_times2,
                         me_times3),
                   me_times5):
        yield i


m235 = LazyList(m235())
for i in range(5):
    print([m235[j] for j in range(15 * i, 15 * (i + 1))])


def fibgen(a, b):

    def sum(g, h):
        while 1:
            yield next(g) + next(h)

    def tail(g):
        next(g)    # throw first away
        for x in g:
            yield x

    yield a
    yield b
    for s in sum(iter(fib),
                 tail(iter(fib))):
        yield s


fib = LazyList(fibgen(1, 2))
print(firstn(iter(fib), 17))

# The workload a profile-guided release build is trained on (CMakeLists.txt,
# WEFT_PGO): the everyday operations of weft programs in rough proportion,
# so that GCC lays out and allocates registers for the paths real programs
# take. Each part runs a few hundred thousand operations; the whole takes
# well under a second even when instrumented.
from twisted.internet.defer import Deferred, succeed, fail, inlineCallbacks, returnValue, DeferredList


def calls(n):
    def add(a, b):
        return a + b

    def scaled(x, k=2):
        return x * k

    def rec(n):
        return n if n < 2 else rec(n - 1) + rec(n - 2)

    total = 0
    for i in range(n):
        total = add(total, i) % 1000003
        total += scaled(i) + scaled(i, k=3) - scaled(x=i)
    return total + rec(18)


def loops(n):
    acc = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            acc += i
        elif i & 1:
            acc -= 1
        else:
            acc ^= i
        i += 1
    xs = [j * 0.5 for j in range(1000)]
    acc += int(sum(xs))
    return acc


def closures(n):
    def counter():
        count = 0

        def bump(step=1):
            nonlocal count
            count += step
            return count

        return bump

    c = counter()
    fs = [lambda x, i=i: x + i for i in range(10)]
    s = 0
    for i in range(n):
        s += c() + fs[i % 10](i)
    return s


def strings(n):
    words = []
    for i in range(n):
        w = "w%d" % (i % 97)
        words.append(w.upper() if i % 2 else w)
    text = " ".join(words)
    parts = text.split()
    out = "%s-%d" % (parts[0], len(parts))
    out += "{}:{}".format(parts[-1], text.count("W1"))
    return out + str(text.find("w96")) + repr(parts[:2]) + f"{len(text):>8}"


def dicts(n):
    d = {}
    for i in range(n):
        k = "k%d" % (i % 500)
        d[k] = d.get(k, 0) + i
    counts = {}
    for k, v in d.items():
        counts[v % 7] = counts.get(v % 7, 0) + 1
    keys = sorted(d, key=lambda k: d[k])
    return len(d), sorted(counts.items()), keys[:3], "k3" in d


def lists(n):
    xs = []
    for i in range(n):
        xs.append(i * 7 % 101)
    xs.sort()
    ys = xs[10:200:3]
    ys.reverse()
    t = tuple(ys)
    return len(xs), xs[-1], t[:4], sum(x for x in ys if x > 50), max(ys), min(ys)


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return "%s %d" % (self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)

    @property
    def side(self):
        return self.w


def objects(n):
    total = 0
    shapes = []
    for i in range(n):
        s = Square(i % 13) if i % 2 else Rect(i % 5, 3)
        total += s.area()
        if i % 100 == 0:
            shapes.append(s.describe())
        if isinstance(s, Square):
            total += s.side
    return total, len(shapes), Shape.count


def generators(n):
    def gen(k):
        for i in range(k):
            yield i * 2

    def echo():
        got = 0
        while True:
            got = yield got + 1

    total = sum(gen(n))
    e = echo()
    next(e)
    for i in range(n // 2):
        total += e.send(i)
    total += sum(x for x in range(n // 4) if x % 3)
    return total


def queens(size):
    def solve(row, cols, d1, d2):
        if row == size:
            return 1
        count = 0
        for c in range(size):
            if c not in cols and (row + c) not in d1 and (row - c) not in d2:
                cols.add(c)
                d1.add(row + c)
                d2.add(row - c)
                count += solve(row + 1, cols, d1, d2)
                cols.remove(c)
                d1.remove(row + c)
                d2.remove(row - c)
        return count

    return solve(0, set(), set(), set())


def deferreds(n):
    out = []
    errors = []

    def inc(x):
        return x + 1

    def check(x, limit):
        if x % limit == 0:
            raise ValueError(x)
        return x

    def recover(f):
        errors.append(f.getErrorMessage())
        return -1

    for i in range(n):
        d = Deferred()
        d.addCallback(inc)
        d.addCallback(check, 37)
        d.addCallbacks(inc, recover)
        d.addErrback(recover)
        d.addCallback(lambda x: succeed(x) if x % 5 == 0 else x)
        d.addBoth(out.append)
        d.callback(i)
    dl = DeferredList([succeed(1), fail(ValueError("x"))], consumeErrors=True)
    dl.addCallback(lambda r: out.append(len(r)))
    return len(out), len(errors)


@inlineCallbacks
def fetch(i):
    x = yield succeed(i)
    if x % 11 == 0:
        raise KeyError(x)
    returnValue(x * 2)


@inlineCallbacks
def worker(n):
    total = 0
    for i in range(n):
        try:
            total += yield fetch(i)
        except KeyError:
            total -= 1
    pending = Deferred()
    waiting = fetch(1).addCallback(lambda r: pending)
    pending.callback(5)
    total += yield waiting
    return total


def inline(n):
    got = []
    worker(n).addCallback(got.append)
    return got


def exceptions(n):
    caught = 0
    for i in range(n):
        try:
            if i % 2:
                raise ValueError("odd %d" % i)
            {}["missing"]
        except ValueError as e:
            caught += len(str(e))
        except KeyError:
            caught += 1
        finally:
            caught += 0
    return caught


print(calls(60000), loops(200000), closures(50000), strings(20000))
print(dicts(60000), lists(60000), objects(40000), generators(80000))
print(queens(7), deferreds(20000), inline(20000), exceptions(20000))

# Coroutine-style consumers: primed with next(), fed with send(), closed.

def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start


@coroutine
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count


avg = averager()
print(avg.send(10))
print(avg.send(30))
print(avg.send(5))


@coroutine
def printer(prefix):
    try:
        while True:
            line = yield
            print(prefix + line)
    except GeneratorExit:
        print(prefix + "<closed>")


@coroutine
def grep(pattern, target):
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line)
    finally:
        target.close()


@coroutine
def broadcast(targets):
    try:
        while True:
            item = yield
            for t in targets:
                t.send(item)
    finally:
        for t in targets:
            t.close()


p = broadcast([grep("python", printer("A: ")), grep("ply", printer("B: ")),
               printer("C: ")])
for line in ["python generators", "simply", "nothing"]:
    p.send(line)
p.close()


# a coroutine that returns a result through StopIteration / yield from
def summer():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v


def grouper(results, key):
    while True:
        results[key] = yield from summer()


results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
    g = grouper(results, key)
    next(g)
    for v in values:
        g.send(v)
    g.send(None)
print(results)


# a state machine driven by send
@coroutine
def parser():
    out = []
    while True:
        ch = yield out
        if ch == "<":
            tag = ""
            ch = yield out
            while ch != ">":
                tag += ch
                ch = yield out
            out.append(tag)


pr = parser()
for ch in "x<b>y<em>z":
    res = pr.send(ch)
print(res)


# a coroutine that reports errors thrown into it and carries on
@coroutine
def resilient():
    log = []
    while True:
        try:
            v = yield log
            log.append(v)
        except ValueError as e:
            log.append("error:%s" % e)


r = resilient()
r.send(1)
r.throw(ValueError("bad input"))
print(r.send(2))
r.close()
print(next(r, "finished"))


# a running-stats coroutine returning a tuple on close via a sentinel
def stats():
    n = 0
    lo = hi = None
    try:
        while True:
            v = yield
            n += 1
            lo = v if lo is None or v < lo else lo
            hi = v if hi is None or v > hi else hi
    except GeneratorExit:
        print("stats at close:", n, lo, hi)
        raise


s = stats()
next(s)
for v in [4, -2, 9, 3]:
    s.send(v)
s.close()

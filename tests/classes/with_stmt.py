# with: __enter__/__exit__, several managers, swallowing, control flow inside
class CM:
    def __init__(self, name, swallow=False, log=None):
        self.name = name
        self.swallow = swallow
        self.log = log if log is not None else []

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        self.log.append("exit %s %s %s %s" % (self.name, et.__name__ if et else None, ev, tb is not None))
        return self.swallow


log = []
with CM("a", log=log) as x:
    log.append("body " + x)
print(log)

log = []
with CM("a", log=log) as x, CM("b", log=log) as y:
    log.append("body %s %s" % (x, y))
print(log)

log = []
with CM("outer", log=log):
    with CM("inner", swallow=True, log=log):
        raise ValueError("v")
    log.append("after inner")
print(log)

log = []
try:
    with CM("a", log=log), CM("b", swallow=False, log=log):
        raise KeyError("k")
except KeyError as e:
    log.append("caught " + repr(e))
print(log)

log = []
with CM("a", swallow=True, log=log), CM("b", log=log):
    raise KeyError("k")
print(log)


# return / break / continue inside with bodies still run __exit__
def f(log):
    with CM("ret", log=log):
        return "returned"


log = []
print(f(log), log)

log = []
for i in range(3):
    with CM(str(i), log=log):
        if i == 0:
            continue
        if i == 1:
            break
print(log)

log = []
i = 0
while True:
    with CM("w%d" % i, log=log):
        i += 1
        if i < 2:
            continue
        break
print(log)


def nested_return(log):
    for i in range(5):
        with CM("l%d" % i, log=log):
            try:
                with CM("in", log=log):
                    if i == 1:
                        return i
            finally:
                log.append("finally %d" % i)


log = []
print(nested_return(log), log)


# the returned value is computed before __exit__ runs
class Closer:
    def __init__(self):
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.closed = True


def g():
    c = Closer()
    with c:
        return c.closed


print(g())


# exception in __enter__: __exit__ is not called
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("exit (should not happen)")


try:
    with BadEnter():
        print("body (should not happen)")
except RuntimeError as e:
    print("caught", e)

log = []
try:
    with CM("first", log=log), BadEnter():
        pass
except RuntimeError as e:
    log.append("caught " + str(e))
print(log)


# exception in __exit__ replaces the body's exception (with context)
class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise ValueError("exit failed")


try:
    with BadExit():
        raise KeyError("body")
except ValueError as e:
    print("caught", e, "context:", repr(e.__context__))

try:
    with BadExit():
        pass
except ValueError as e:
    print("caught", e, repr(e.__context__))


# __exit__ return values: truthiness decides swallowing
class Ret:
    def __init__(self, r):
        self.r = r

    def __enter__(self):
        return None

    def __exit__(self, *a):
        return self.r


for r in (None, 0, 1, "", "yes", [], [0]):
    try:
        with Ret(r):
            raise IndexError
        print(repr(r), "swallowed")
    except IndexError:
        print(repr(r), "propagated")


# swallowed exception inside a loop with break/continue afterwards
count = 0
for i in range(4):
    with Ret(True):
        count += 1
        if i % 2:
            raise ValueError
        continue
print("count", count)


# as-target forms
class Pair:
    def __enter__(self):
        return (1, 2)

    def __exit__(self, *a):
        pass


with Pair() as (a, b):
    print(a, b)
holder = {}
with Pair() as holder["k"]:
    pass
print(holder)


class Obj:
    pass


o = Obj()
with Pair() as o.attr:
    pass
print(o.attr)

# missing protocol methods
class NoExit:
    def __enter__(self):
        return 1


class NoEnter:
    def __exit__(self, *a):
        pass


for mgr in (NoExit(), NoEnter(), 5):
    try:
        with mgr:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


# the exception info passed to __exit__
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print(et, type(ev).__name__, ev.args, type(tb).__name__)
        return True


with Inspect():
    int("zz")


# generator inside a with, closed early
class Res:
    def __enter__(self):
        print("acquire")
        return self

    def __exit__(self, *a):
        print("release", a[0])


def gen():
    with Res():
        yield 1
        yield 2


it = gen()
print(next(it))
it.close()
print("closed")
for v in gen():
    print(v)

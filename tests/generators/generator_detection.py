# A function is a generator function when `yield` appears anywhere in its
# own body, reachable or not; yields inside nested functions or classes
# do not count.

def kind(f):
    return type(f()).__name__


def f1():
    yield


def f2():
    if 0:
        yield


def f3():
    if 0:
        yield 1


def f4():
    if "":
        yield None


def f5():
    return
    try:
        if x == 4:
            pass
        elif 0:
            try:
                1 // 0
            except SyntaxError:
                pass
            else:
                if 0:
                    while 12:
                        x += 1
                        yield 2  # don't blink
                        f(a, b, c, d, e)
        else:
            pass
    except:
        x = 1
    return


def f6():
    if 0:
        def g():
            yield 1


def f7():
    if 0:
        class C:
            def __init__(self):
                yield 1

            def f(self):
                yield 2


def f8():
    if 0:
        return
    if 0:
        yield 2


def f9():
    x = yield


def f10():
    lambda x=(yield): 1


def f11():
    while False:
        yield from ()


def f12():
    return 42
    yield


def f13():
    # the generator expression's own yields belong to it, not to f13
    return (x for x in range(3))


def f14():
    # yield inside the first iterable of a generator expression is in f14
    list(i for i in [(yield 26)])


for fn in (f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14):
    print(fn.__name__, kind(fn))

print(list(f2()), list(f5()), list(f11()))
g = f12()
try:
    next(g)
except StopIteration as e:
    print("f12 returned", e.value)
g = f14()
print(next(g))
try:
    g.send(None)
except StopIteration:
    print("f14 done")

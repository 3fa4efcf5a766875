# yield inside call arguments, displays and f-strings.

def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))
    return len(args)


def g1():
    n = show((yield 1), (yield 2), key=(yield 3))
    yield "returned %d" % n


g = g1()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("c"))


def g2():
    lst = [(yield "x"), (yield "y")]
    tup = ((yield "t1"), (yield "t2"))
    dct = {(yield "k"): (yield "v")}
    st = {(yield "s")}
    yield lst, tup, dct, st


g = g2()
out = [next(g)]
for v in ["X", "Y", "T1", "T2", "K", "V", "S"]:
    out.append(g.send(v))
for o in out:
    print(o)


def g3():
    name = "world"
    s = f"hello {(yield name)}!"
    yield s


g = g3()
print(next(g))
print(g.send("there"))


def g4():
    # yield as a method-call argument and receiver
    parts = []
    parts.append((yield "append-arg"))
    s = (yield "receiver").upper()
    parts.append(s)
    yield " ".join(parts)


g = g4()
print(next(g))
print(g.send("first"))
print(g.send("second"))


def g5():
    # nested calls: the inner call's yields come first
    r = show(show((yield "inner")), (yield "outer"))
    yield r


g = g5()
print(next(g))
print(g.send(1))
print(g.send(2))


def g6():
    print(abs((yield)), max((yield), (yield)))
    yield


g = g6()
next(g)
g.send(-5)
g.send(3)
g.send(9)

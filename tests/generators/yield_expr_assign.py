# yield as an expression: the value of `yield v` is what send() passes in
# (None for next()).

def echo():
    received = []
    x = yield "first"
    received.append(x)
    y = yield "second"
    received.append(y)
    z = yield "third"
    received.append(z)
    return received


g = echo()
print(next(g))
print(g.send(10))
print(next(g))
try:
    g.send("last")
except StopIteration as e:
    print("returned", e.value)


def adder():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total = total + v
    yield "done", total


g = adder()
print(next(g))
for n in (1, 2, 3, 4):
    print(g.send(n))
print(g.send(None))


# The yielded value is computed before suspension, the assignment after.
def order():
    a = yield print("computing yield operand") or "operand"
    print("assigning", a)
    b = [(yield 1), (yield 2)]
    print("list", b)
    c = (yield 3) + (yield 4)
    print("sum", c)


g = order()
print(next(g))
print(g.send("A"))
print(g.send("B"))
print(g.send("C"))
print(g.send(100))
try:
    g.send(23)
except StopIteration:
    print("stopped")


# Chained and tuple assignment targets.
def targets():
    p = q = yield "chain"
    print(p, q)
    r, s = yield "tuple"
    print(r, s)
    d = {}
    d["k"] = yield "subscript"
    print(d)


g = targets()
print(next(g))
print(g.send(7))
print(g.send((8, 9)))
try:
    g.send("v")
except StopIteration:
    pass

# Generator expressions are full generators: send(None), throw, close,
# gi_running (gi_frame is in gi_frame.py).

g = (x for x in range(3))
print(g.send(None))
print(g.send(5))     # the value sent into a genexp is ignored
print(next(g))

g = (x for x in range(3))
try:
    g.send("x")
except TypeError as e:
    print("TypeError", e)

g = (x for x in range(5))
next(g)
try:
    g.throw(ValueError("into genexp"))
except ValueError as e:
    print("ValueError", e)
print(next(g, "closed after throw"))

g = (x for x in range(5))
next(g)
g.close()
print(next(g, "closed"), g.gi_running)

g = (x for x in range(2))
print(g.gi_running)


# genexp consumed inside a generator that receives sends
def consumer():
    got = []
    while True:
        v = yield
        if v is None:
            break
        got.append(v)
    yield sum(x for x in got)


c = consumer()
next(c)
for v in (1, 2, 3):
    c.send(v)
print(c.send(None))

# yield inside the first iterable of a genexp belongs to the enclosing
# function
def f():
    return list(i for i in [(yield 26)])


g = f()
print(next(g))
try:
    g.send([7, 8])
except StopIteration as e:
    print("list", e.value)

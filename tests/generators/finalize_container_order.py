# Generators dropped together with a container: CPython releases a list's
# items from the last to the first, a dict's in insertion order.

def gen(name):
    try:
        yield
    finally:
        print("close", name)


lst = [gen("l0"), gen("l1"), gen("l2")]
for g in lst:
    next(g)
del g
del lst
print("--")

d = {}
for name in ("d0", "d1", "d2"):
    d[name] = gen(name)
    next(d[name])
del d
print("--")

t = tuple(gen("t%d" % i) for i in range(3))
for g in t:
    next(g)
del g
del t
print("end")

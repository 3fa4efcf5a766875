# How much of a generator each consumer pulls: short-circuiting built-ins
# stop early and leave the rest in the generator.

def noisy(items, tag):
    for x in items:
        print(" %s yields %r" % (tag, x))
        yield x
    print(" %s exhausted" % tag)


g = noisy([0, 0, 1, 0], "any")
print(any(g))
print("left:", list(g))

g = noisy([1, 1, 0, 1], "all")
print(all(g))
print("left:", list(g))

g = noisy([1, 2, 3, 4], "in")
print(2 in g)
print("left:", list(g))

g = noisy([1, 2, 3], "next-default")
print(next(g, None))
print("left:", list(g))

# zip stops at the shortest; the longer one has been advanced once more
# when it comes first
a = noisy([1, 2, 3], "A")
b = noisy(["x"], "B")
print(list(zip(a, b)))
print("A left:", list(a))

a = noisy([1, 2, 3], "A2")
b = noisy(["x"], "B2")
print(list(zip(b, a)))
print("A2 left:", list(a))

# map and filter are lazy too
m = map(lambda v: v * 10, noisy([1, 2, 3], "map"))
print("map made")
print(next(m))
f = filter(lambda v: v > 1, noisy([1, 2, 3], "filter"))
print("filter made")
print(next(f))

# enumerate is lazy
e = enumerate(noisy("ab", "enum"))
print("enumerate made")
print(next(e))

# a generator expression over a generator pulls one item at a time
ge = (v * 2 for v in noisy([5, 6], "genexp"))
print("genexp made")
print(next(ge))
print(list(ge))

# a for loop with break leaves the generator paused at the item it gave
g = noisy([1, 2, 3], "loop")
for v in g:
    if v == 2:
        break
print("left:", list(g))

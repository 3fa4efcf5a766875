# tuples: creation, singletons, packing/unpacking, methods, immutability.
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t))
print((), (1,), 1, 2, (1, 2) + (3,), (0,) * 3)
single = 5,
print(single, type(single).__name__)
print(t.index(2), t.count(3), (1, 1, 2).count(1))
a, b, c = t
print(a + b + c)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
print(tuple([1, 2]), tuple("ab"), tuple(), tuple(range(3)))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0))
def pair():
    return 1, "one"
n, word = pair()
print(n, word, pair())
print(("a",), ("a", "b"), (("x",),))
print(hash((1, 2)) == hash((1, 2)))

# map, filter, zip, enumerate, reversed, iter (with sentinel), next(default)
m = map(lambda x: x * 2, [1, 2, 3])
print(type(m).__name__, next(m), list(m), list(m))
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(map(str, range(3))), list(map(len, ["a", "bb"])))


def noisy(x):
    print("called", x)
    return x


lazy = map(noisy, [1, 2])
print("created")
print(next(lazy))
f = filter(None, [0, 1, "", "a", [], [0], None])
print(type(f).__name__, list(f))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")))
z = zip([1, 2, 3], "ab")
print(type(z).__name__, list(z), list(zip()), list(zip([1])), list(zip(range(3), range(3), range(3))))
print(dict(zip("abc", range(3))))
e = enumerate("xyz")
print(type(e).__name__, list(e), list(enumerate("ab", 1)), list(enumerate("ab", start=10)))
print(list(enumerate([], 5)), next(enumerate(["q"], -1)))
r = reversed([1, 2, 3])
print(type(r).__name__, list(r), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})))


class Rev:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return "r%d" % i


class OwnRev:
    def __reversed__(self):
        return iter("own")


print(list(reversed(Rev())), list(reversed(OwnRev())))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    reversed(5)
except TypeError as e:
    print(e)
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
count = [0]


def counter():
    count[0] += 1
    return count[0]


print(list(iter(counter, 4)))
print(iter(it) is it)
try:
    iter(5, 1)
except TypeError as e:
    print(e)
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(map(lambda *a: a, [1, 2], [3, 4])))
print(list(zip("ab", iter([1, 2, 3]))))
try:
    zip(1)
except TypeError as e:
    print(e)
try:
    map(len)
except TypeError as e:
    print(e)
try:
    map(len, 5)
except TypeError as e:
    print(e)
try:
    enumerate(5)
except TypeError as e:
    print(e)
try:
    list(zip([1], 5))
except TypeError as e:
    print(e)
try:
    enumerate([1], start="a")
except TypeError as e:
    print(e)
# generators of generators stay lazy
sq = (x * x for x in range(5))
ev = filter(lambda v: v % 2 == 0, sq)
print(list(map(str, ev)))

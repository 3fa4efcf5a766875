# Sequence built-ins: len, min, max, sum, sorted, reversed, enumerate, zip, map, filter, any, all.
xs = [5, 3, 8, 1]
print(len(xs), min(xs), max(xs), sum(xs), sum(xs, 100), sum([]))
print(min(4, 2, 6), max("apple", "pear", key=len), min([], default="empty"))
print(max([1, -5, 3], key=abs), min("bca"), max((1, "b"), (1, "a")))
print(sorted(xs), sorted(xs, reverse=True), sorted("hello"), sorted({3: 0, 1: 0}))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True), xs)
print(list(reversed(xs)), list(reversed("abc")), list(reversed((1, 2))))
print(list(enumerate("ab")), list(enumerate(["x", "y"], 1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3), range(3), "xyz")))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda v: v > 2, xs)))
print(any([]), any([0, 0, 1]), all([]), all([1, 2, 0]), any([x > 7 for x in xs]))
print(sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(10)))
for i, (a, b) in enumerate(zip("xy", [10, 20])):
    print(i, a, b)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)

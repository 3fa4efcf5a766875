# sorted / list.sort: stability, key=, reverse=, errors
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, reverse=True))
words = "The quick brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
l = [5, 3, 9, 1]
r = l.sort()
print(r, l)
l.sort(reverse=True)
print(l)
l.sort(key=lambda x: -x)
print(l)
l.sort(key=None, reverse=False)
print(l)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted(range(5, 0, -1)))
print(sorted([]), sorted([1]), sorted([2, 1], key=None))
print(sorted([3, 1.5, 2, True]), sorted([-1, -5, 3], key=abs))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(e)
try:
    [1].sort(1)
except TypeError as e:
    print(e)
try:
    sorted()
except TypeError as e:
    print(e)
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print(e)
try:
    sorted([3, 2, 1], key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print(e)
# stability under reverse
recs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(sorted(recs, key=lambda r: r[0], reverse=True))
# sort of many equal keys keeps order
big = [(i % 3, i) for i in range(30)]
print(sorted(big, key=lambda t: t[0])[:12])
print(sorted(["b", "A", "a", "B"], key=lambda s: (s.lower(), s)))

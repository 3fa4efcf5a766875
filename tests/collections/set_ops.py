# set and frozenset: operators and methods (ints only, so order is CPython's)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, {3} <= b, {3} < b, b < b, b <= b, a >= {1}, a > a, a == {4, 3, 2, 1}, a != b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([1, 7]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({8, 9}), a.isdisjoint(b))
print(len(a), 3 in a, 9 in a, 9 not in a)
c = set(a)
c.add(10)
c.discard(1)
c.discard(99)
c.remove(2)
try:
    c.remove(99)
except KeyError as e:
    print("KeyError", e)
print(c, a)
c.update([20, 21], {22})
print(c)
c.intersection_update(range(15))
print(c)
c.difference_update([3])
print(c)
c.symmetric_difference_update({4, 5})
print(c)
d = c.copy()
print(d == c, d is c)
x = {7}
print(x.pop(), x)
try:
    x.pop()
except KeyError as e:
    print("KeyError", e)
d.clear()
print(d, set(), frozenset(), len(d))

# in-place operators
s = {1, 2}
t = s
s |= {3}
s &= {1, 3, 9}
s -= {1}
s ^= {5, 3}
print(s, t is s)

# frozenset
f = frozenset([3, 1, 2, 3])
print(f, repr(f), len(f), 2 in f)
print(f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1}, f - {1}, f ^ {1, 7})
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "ok"}[frozenset({1, 2, 3})])
print(f == {1, 2, 3}, {1, 2, 3} == f, f.union([4]), f.copy() is f)
try:
    f.add(4)
except AttributeError as e:
    print(e)
ff = f
ff |= {4}
print(ff, f, ff is f)
print({frozenset({1}), frozenset({1})}, frozenset([frozenset([1])]))

# unhashable members
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    set([1, [2]])
except TypeError as e:
    print(e)
try:
    hash({1})
except TypeError as e:
    print(e)
try:
    {1} | [2]
except TypeError as e:
    print(e)
try:
    {1} < [2]
except TypeError as e:
    print(e)
print({1} == [1], {1}.union() == {1})

# comprehensions and conversions
print({i % 5 for i in range(20)}, set("aaa"), sorted({"b", "a", "c"}), list({3, 1, 2}), tuple({9, 8}))
print(set(range(10)) - {0, 9}, set(x * x for x in range(-3, 4)))
print(sorted(set("hello world")))
print(min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}), sorted({3, 1, 2}, reverse=True))
print(bool(set()), bool({0}), set() == frozenset(), {()}, {None})
print({1, 2, 3}.__len__(), {1}.__contains__(1))
print({True, 1, 1.0}, {0, False, 0.0, -0.0})

# list indexing, slicing, slice assignment, concatenation, repetition, nesting.
xs = list(range(10))
print(xs[0], xs[-1], xs[2:5], xs[::3], xs[::-1], xs[-3:], xs[5:1:-2])
xs[2:5] = []
print(xs)
xs[1:1] = ["a", "b"]
print(xs)
xs[:] = [1, 2]
print(xs)
print([1, 2] + [3], [0] * 4, 2 * [None], [] * 5)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 1
print(shared)
print(len([]), len([[]]), [[]] == [[]], [1, [2, [3]]])
try:
    xs[5]
except IndexError as e:
    print("IndexError:", e)
try:
    xs[5] = 0
except IndexError as e:
    print("IndexError:", e)
a = [1, 2, 3]
b = a[:]
b.append(4)
print(a, b)
print(list("abc"), list((1, 2)), list(range(3)), list({"k": 1}), list())
c = [1]
c.append(c[:])
print(c)
print(sorted([3, 1, 2]), sorted(["b", "a"], reverse=True))
print([1, 2, 3][-1:-10:-1], [1, 2, 3][10:])
nested = [1, "two", 3.0, None, True, [5], (6,), {"k": 7}]
print(nested)
print(repr(nested) == str(nested))

# list / dict / set comprehensions with filters, nesting, and scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print({w: len(w) for w in ["a", "bb", "ccc"]})
print({k: v for k, v in [("x", 1), ("y", 2)] if v > 1})
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in "mississippi"}))
x = "outer"
ys = [x for x in range(3)]
print(x, ys)
n = 10
print([n + i for i in range(3)])
def f(k):
    return [k * i for i in range(k)]
print(f(3))
print(sum([x for x in range(101)]), max([len(w) for w in ["ab", "abcd"]]))
print(list([x + y for x in "ab" for y in "12"]))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print({i: {j: i * j for j in range(2)} for i in range(2)})

# Starred items in list, tuple and set displays; ** in dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), (*"xy",), [*range(3)])
print(sorted({*a, *b, 1}))
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 3}
print({**d1, **d2}, {**d1, "w": 0}, {"first": 0, **d2})
first, *middle, last = [*a, *b]
print(first, middle, last)
print(*a, *b)

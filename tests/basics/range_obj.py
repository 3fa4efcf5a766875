# range: arguments, negative steps, len, indexing, slicing, membership, repr.
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)))
print(list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -1)), len(range(0)))
r = range(3, 20, 4)
print(r, r[0], r[-1], r[1:3], 7 in r, 8 in r, r.index(11), r.count(15))
print(range(0, 5), range(10), range(1, 2, 3))
print(list(reversed(range(4))), sum(range(101)), max(range(7)))
print(range(2 ** 40)[-1], len(range(2 ** 40)))
print(range(0, 3) == range(3), list(range(-3, 3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError:", e)
for i in range(3, 0, -1):
    print(i, end=" ")
print()

# Iteration order of sets of small ints follows CPython's hash table
print({5, 21, 37, 53, 6})
s = set()
for v in (5, 21, 37, 53, 6):
    s.add(v)
print(s)
print(set([5, 21, 37, 53, 6]))
print({100, 1, 50, 33, 64, 8, 2 ** 20, -1, -2})
print(set(range(20, 0, -1)))
print({x for x in (40, 8, 72, 16, 0)})
s = set(range(100))
for i in range(0, 100, 3):
    s.discard(i)
print(s)
s = {1, 9, 17, 25}
s.remove(9)
s.add(33)
print(s)
big = set()
for i in range(50):
    big.add(i * 37 % 101)
print(big)
print(frozenset([64, 0, 32, 16, 8]))
print(list({-5, -1, 0, 3, 7}))
print({2 ** 40, 2 ** 61, 2 ** 62, 7})
print({1.5, 2.5, 0.5}, {(1, 2), (2, 1)} == {(2, 1), (1, 2)})
a = {1, 2, 3}
b = {3, 4, 2}
print(a | b, b | a, a & b, b & a, a ^ b, b - a)

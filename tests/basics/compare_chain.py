# Comparisons, chained comparisons, identity and membership.
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == True, 1 < 2 < 3 < 4 < 5)
print(c > b > a, a <= a < b, a < c > b)
print(1 < 2 == 2 != 3)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(0) < v(5))
print(calls)
print("abc" < "abd", "a" < "b", "Z" < "a", "" < "a", "ab" < "abc")
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1] == [1], (1,) != (1,))
print(1 == 1.0, 1 < 1.5, 2 ** 70 > 1.0)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "bc" in "abc")
print("x" in {"x": 1}, 1 in (1, 2), 5 in range(10), 10 in range(10))
x = [1]
y = x
print(x is y, x is not y, x == [1], x is [1])
print(None is None, 1 != 2)
print([1, 2] == [1, 2], {"a": 1} == {"a": 1}, (1, [2]) == (1, [2]))

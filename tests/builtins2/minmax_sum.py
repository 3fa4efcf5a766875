# min/max with key= and default=, sum with start=
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"))
print(min([], default="empty"), max((), default=None), min([7], default=0))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len))
print(max([1, -5, 3], key=abs), min(1, -5, 3, key=abs))
print(max([(1, "b"), (1, "a")]), max([2, 2.0]), max([2.0, 2]), min([0, False]))
print(max([1, 3, 3, 2], key=lambda x: x // 2))
print(max({"a": 1, "b": 2}), min(range(3, 10)))
for call in (lambda: min([]), lambda: max(()), lambda: min(), lambda: max(1),
             lambda: min(1, 2, default=0), lambda: max([1, "a"]), lambda: min([1], key=1)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([1.5, 2.5]), sum([], 5), sum(range(101)))
print(sum([[1], [2]], []), sum([(1,), (2,)], ()), sum([0.1] * 10), sum([1, 2], start=100))
print(sum(x * x for x in range(4)), sum([True, True, False]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
try:
    sum(5)
except TypeError as e:
    print(e)
print(sum([2 ** 62, 2 ** 62, 2 ** 62]))

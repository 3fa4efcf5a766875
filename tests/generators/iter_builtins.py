# Every built-in that takes an iterable accepts a generator.

def gen(items):
    for x in items:
        yield x


def nums():
    return gen([3, 1, 4, 1, 5, 9, 2, 6])


print(list(nums()))
print(tuple(nums()))
print(sorted(set(nums())))
print(dict(gen([("a", 1), ("b", 2)])))
print(dict(gen(["xy", "zw"])))
print(sorted(nums()))
print(sorted(nums(), reverse=True))
print(sorted(gen(["bb", "a", "ccc"]), key=len))
print(sum(nums()), sum(nums(), 100), sum(gen([0.5, 0.25])))
print(min(nums()), max(nums()))
print(min(gen(["pear", "fig", "apple"]), key=len), max(gen(["pear", "fig", "apple"]), key=len))
print(min(gen([]), default="empty"), max(gen([]), default=None))
print(any(nums()), all(nums()), any(gen([])), all(gen([])), all(gen([1, 0])))
print(list(enumerate(gen("abc"))), list(enumerate(gen("ab"), 10)))
print(list(zip(nums(), gen("abc"))))
print(list(zip(gen("ab"), gen("xyz"), gen([1, 2, 3]))))
print(list(map(str, nums())))
print(list(map(lambda a, b: a * b, nums(), gen([10, 100]))))
print(list(filter(None, gen([0, 1, "", "a", None, [], [0]]))))
print(list(filter(lambda v: v > 3, nums())))
print("-".join(gen(["a", "b", "c"])))
print("".join(str(n) for n in nums()))
print(list(reversed(list(nums()))))
print(set(gen([1, 2, 2, 3])) == {1, 2, 3}, frozenset(gen([1, 1])) == frozenset([1]))
print(5 in nums(), 7 in nums(), 7 not in nums())
print(list(iter(nums())))
print(list(range(*gen([2, 10, 3]))))
print(max(nums(), key=lambda v: -v), min(nums(), key=lambda v: (v % 3, v)))

lst = [0]
lst.extend(nums())
print(lst)
lst += gen([7, 8])
print(lst)
d = {}
d.update(gen([("k", "v")]))
print(d)
s = {0}
s.update(gen([1, 2]))
print(sorted(s))
print(dict.fromkeys(gen("ab"), 0))
print(list(zip(*gen([(1, 2), (3, 4)]))))
print(str(list(gen("hi"))), repr(tuple(gen([None]))))
print(" ".join(map(str, filter(lambda v: v % 2, map(lambda v: v * 3, nums())))))

for bad in (lambda: min(gen([])), lambda: max(gen([])), lambda: len(nums()),
            lambda: sum(gen(["a", "b"])), lambda: dict(gen([1, 2])),
            lambda: dict(gen(["abc"])), lambda: "".join(gen([1, 2]))):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

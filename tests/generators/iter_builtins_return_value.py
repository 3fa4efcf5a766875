# A generator's return value ends iteration quietly in every consumer:
# only next()/send() callers see it, in StopIteration.value.

def gen(items, result):
    yield from items
    return result


print(list(gen([1, 2], "r")))
print(tuple(gen([1, 2], "r")))
print(sorted(gen([2, 1], "r")))
print(set(gen([1], "r")) == {1})
print(dict(gen([("a", 1)], "r")))
print(sum(gen([1, 2], 99)), min(gen([3, 1], 0)), max(gen([3, 1], 9)))
print(any(gen([0], True)), all(gen([1], False)))
print(list(enumerate(gen("ab", "r"))), list(zip(gen("ab", 1), gen("xyz", 2))))
print(list(map(str, gen([1], "r"))), list(filter(None, gen([0, 1], "r"))))
print("-".join(gen(["a", "b"], "r")), 2 in gen([1, 2], "r"), 3 in gen([1, 2], "r"))
print([x for x in gen([1, 2], "r")], {x for x in gen([1], "r")})
print(list(x for x in gen([1, 2], "r")))
a, b = gen([1, 2], "r")
print(a, b, [*gen([3], "r")])
lst = []
lst.extend(gen([4, 5], "r"))
print(lst)
for x in gen([6], "r"):
    print("for", x)
print(next(gen([], "r"), "default"))

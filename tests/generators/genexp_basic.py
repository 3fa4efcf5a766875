# Generator expressions: lazy, single pass, as sole call argument.

print(sum(x * x for x in range(10)))
print(list(x for x in range(5) if x % 2))
print(list((x, y) for x in range(3) for y in "ab" if x != 1))
print(list(x for x in range(4) for _ in range(x)))
print(max(len(w) for w in "a bb ccc".split()))
print(" ".join(w.upper() for w in ["a", "b"]))
print(sorted((v for v in [3, 1, 2]), reverse=True))

g = (x * 10 for x in range(3))
print(type(g).__name__, g.__name__)
print(next(g))
print(list(g))
print(list(g))   # single pass: exhausted

# laziness: the element expression runs only when an item is pulled
def loud(x):
    print("computing", x)
    return x


g = (loud(x) for x in range(3))
print("created")
print(next(g))
print("between")
print(next(g))

# nested generator expressions
g = (sum(y for y in range(x)) for x in range(5))
print(list(g))

# a generator expression over a generator expression
evens = (x for x in range(10) if x % 2 == 0)
squares = (e * e for e in evens)
print(list(squares))

# late binding of names the element expression uses
k = 1
g = (x * k for x in range(3))
k = 100
print(list(g))

# closure over a loop variable of an enclosing function
def make():
    gens = []
    for i in range(3):
        gens.append(x + i for x in range(2))
    return [list(g) for g in gens]


print(make())

# conditional expressions and walrus-free filters
print(list("even" if x % 2 == 0 else "odd" for x in range(4)))

# unpacking targets
print(list(a + b for a, b in [(1, 2), (3, 4)]))
print(list(a for a, *rest in [(1, 2, 3), (4,)]))

# a generator expression's return value is None
g = (x for x in [1])
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)

# in a boolean context and as an argument with other arguments
print(bool(x for x in []))
print(sorted((x for x in "cab"), key=str.upper))
print(dict((k, v) for k, v in zip("ab", range(2))))

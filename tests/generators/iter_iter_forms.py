# iter() and generators: iter(g) is g; iter(callable, sentinel) with a
# generator's __next__; generators as __iter__ results.

def gen():
    yield from [1, 2, 3, 0, 4]


g = gen()
print(iter(g) is g)

# iter(callable, sentinel) stops at the sentinel
it = iter(gen().__next__, 0)
print(list(it))

# a generator's bound __next__ used directly
nxt = gen().__next__
print(nxt(), nxt(), nxt())


class Bag:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        for x in self.items:
            yield x


b = Bag("a", "b")
i1 = iter(b)
i2 = iter(b)
print(i1 is i2, next(i1), next(i1), next(i2))
print(type(i1).__name__)
print(list(b), sorted(Bag(3, 1, 2)), "b" in b, "z" in b)

# an iterator class whose __next__ is driven by a generator
class Wrap:
    def __init__(self, g):
        self.g = g

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.g) * 100


print(list(Wrap(gen())))

# Generators as methods, as __iter__, as static/class methods and as
# properties' results.

class Range:
    def __init__(self, start, stop):
        self.start = start
        self.stop = stop

    def __iter__(self):
        i = self.start
        while i < self.stop:
            yield i
            i += 1

    def evens(self):
        for i in self:
            if i % 2 == 0:
                yield i

    def reversed(self):
        yield from range(self.stop - 1, self.start - 1, -1)

    @staticmethod
    def letters(n):
        for i in range(n):
            yield chr(ord("a") + i)

    @classmethod
    def pairs(cls, n):
        for i in range(n):
            yield cls(i, i + 2)

    @property
    def doubled(self):
        return (2 * i for i in self)

    def __repr__(self):
        return "Range(%d, %d)" % (self.start, self.stop)


r = Range(3, 8)
print(list(r))
print(list(r.evens()))
print(list(r.reversed()))
print(list(Range.letters(4)), list(r.letters(2)))
print([list(p) for p in Range.pairs(3)])
print(list(r.doubled))
print(sum(r), max(r), sorted(r, reverse=True), 5 in r, 9 in r)
print([x * y for x in Range(1, 3) for y in Range(1, 3)])
it = iter(r)
print(type(it).__name__, next(it), next(it))


# a method generator that keeps state on the instance
class Ticker:
    def __init__(self):
        self.ticks = 0

    def run(self, n):
        for _ in range(n):
            self.ticks += 1
            yield self.ticks


t = Ticker()
g1 = t.run(3)
g2 = t.run(3)
print(next(g1), next(g2), next(g1), t.ticks)


# subclass overriding the generator method and delegating with super()
class Loud(Range):
    def __iter__(self):
        for v in super().__iter__():
            yield "<%d>" % v


print(list(Loud(1, 4)))


# a generator method that yields from another instance's
class Node:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c


tree = Node(1, Node(2, Node(3)), Node(4))
print(list(tree))


# __iter__ returning a generator that uses the instance after mutation
class Bag:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return self

    def __iter__(self):
        return (x for x in self.items)


b = Bag().add(1).add(2)
it = iter(b)
b.add(3)
print(list(it))


# calling a generator method through the class
print(list(Range.evens(Range(0, 5))))

# __len__, __getitem__/__setitem__/__delitem__, __contains__, __iter__/__next__, __bool__
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("off the grid")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()


g = Grid(3, 2)
g[0, 1] = "#"
g[2, 0] = "@"
print(len(g), g[0, 1], g[1, 1], "#" in g, "?" in g, "?" not in g)
del g[0, 1]
print(g[0, 1], "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError", e)
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)
print(bool(g), bool(Grid(0, 5)))


# the old sequence protocol: __getitem__ with ints until IndexError
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


print(list(Squares(5)), 9 in Squares(5), 10 in Squares(5))
for x in Squares(3):
    print(x, end=" ")
print()
print(sum(Squares(4)), sorted(Squares(3), reverse=True))


# slices arrive as slice objects
class Seq:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return ("item", k)


s = Seq()
print(s[1], s[1:2], s[::3], s[:], s[1:2:3], s["k"])


# iterators
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print([a * b for a in Countdown(2) for b in Countdown(2)])
print(3 in Countdown(5), 9 in Countdown(5))
print(dict(zip(Countdown(3), "abc")))


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


b = Bag(3, 1, 2)
print(sorted(b), list(b), tuple(b), set(b) == {1, 2, 3}, len(b), max(b), min(b), sum(b))
print(list(enumerate(b)), list(reversed(list(b))), any(b), all(b))
print(", ".join(str(x) for x in b))
x, y, z = b
print(x, y, z)
print([*b, *b])


# a generator as __iter__
class Evens:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            if i % 2 == 0:
                yield i


print(list(Evens(9)), list(Evens(9)))


# __bool__ and __len__ drive truth
class Falsy:
    def __bool__(self):
        return False


class Zero:
    def __len__(self):
        return 0


class BoolWins:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


print(bool(Falsy()), bool(Zero()), bool(BoolWins()), not Falsy(), Falsy() or "alt", type(Zero() and "no").__name__)
if not Zero():
    print("zero is false")
while Falsy():
    print("never")


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print(e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print(e)


class StrLen:
    def __len__(self):
        return "3"


try:
    len(StrLen())
except TypeError as e:
    print(e)

try:
    len(Falsy())
except TypeError as e:
    print(e)
try:
    Falsy()[0]
except TypeError as e:
    print(e)
try:
    Falsy()[0] = 1
except TypeError as e:
    print(e)
try:
    del Falsy()[0]
except TypeError as e:
    print(e)
try:
    iter(Falsy())
except TypeError as e:
    print(e)
try:
    1 in Falsy()
except TypeError as e:
    print(e)


class NotIter:
    def __iter__(self):
        return 5


try:
    iter(NotIter())
except TypeError as e:
    print(e)


# a class with only __setitem__ cannot be read
class WriteOnly:
    def __setitem__(self, k, v):
        print("set", k, v)


w = WriteOnly()
w["a"] = 1
try:
    w["a"]
except TypeError as e:
    print(e)


# StopIteration in __next__ ends for loops; other errors propagate
class Boom:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("boom")


try:
    for q in Boom():
        pass
except ValueError as e:
    print("ValueError", e)

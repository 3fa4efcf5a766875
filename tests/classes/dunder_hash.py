# __hash__ and __eq__: hashable objects, unhashable classes
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return "Key(%r, %r)" % (self.a, self.b)


d = {Key(1, 2): "x"}
print(d[Key(1, 2)], Key(1, 2) in d, Key(2, 1) in d)
s = {Key(1, 2), Key(1, 2), Key(3, 4)}
print(len(s))
print(hash(Key(1, 2)) == hash((1, 2)))


class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(e)
try:
    {EqOnly()}
except TypeError as e:
    print(e)


class Inherits(EqOnly):
    pass


try:
    hash(Inherits())
except TypeError as e:
    print(e)


class Restored(EqOnly):
    def __hash__(self):
        return 7


print(hash(Restored()))


class Explicit:
    __hash__ = None


try:
    hash(Explicit())
except TypeError as e:
    print(e)


# default hash is identity-based and stable
class Plain:
    pass


p = Plain()
print(hash(p) == hash(p), p in {p}, Plain() in {p})


class BigHash:
    def __hash__(self):
        return 2 ** 100


print(hash(BigHash()) == hash(2 ** 100))


class BadHash:
    def __hash__(self):
        return "nope"


try:
    hash(BadHash())
except TypeError as e:
    print(e)


class NegOne:
    def __hash__(self):
        return -1


print(hash(NegOne()))


# hash used by dict lookups of subclasses of int
class MyInt(int):
    pass


print({MyInt(3): "three"}[3], {3: "t"}[MyInt(3)])

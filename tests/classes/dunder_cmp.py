# Rich comparisons: NotImplemented, reflected fallbacks, defaults
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __le__(self, other):
        if isinstance(other, Money):
            return self.cents <= other.cents
        return NotImplemented

    def __repr__(self):
        return "M(%d)" % self.cents


a, b, c = Money(1), Money(2), Money(1)
print(a == c, a != c, a == b, a != b, a < b, b > a, a <= c, b >= a)
print(a == 1, a != 1, 1 == a, a in [Money(5), Money(1)], a is c)
print(sorted([Money(3), Money(1), Money(2)]))
print(max([Money(3), Money(7), Money(2)]), min(Money(3), Money(7)))
try:
    a < 1
except TypeError as e:
    print(e)
try:
    1 > a
except TypeError as e:
    print(e)
try:
    a > "x"
except TypeError as e:
    print(e)
print(Money.__hash__)


# reflected: right operand's method tried when left returns NotImplemented
class Left:
    def __lt__(self, other):
        print("Left.__lt__")
        return NotImplemented

    def __eq__(self, other):
        print("Left.__eq__")
        return NotImplemented


class Right:
    def __gt__(self, other):
        print("Right.__gt__")
        return True

    def __eq__(self, other):
        print("Right.__eq__")
        return "yes"


print(Left() < Right())
print(Left() == Right())
print(Left() != Right())


# subclass's reflected method goes first
class Base:
    def __lt__(self, other):
        return "Base.__lt__"

    def __gt__(self, other):
        return "Base.__gt__"


class Derived(Base):
    def __gt__(self, other):
        return "Derived.__gt__"


print(Base() < Derived(), Derived() > Base(), Base() < Base())


# default == is identity; != inverts __eq__
class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != p, p != Plain())


class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError as e:
    print(e)
try:
    Plain() <= Plain()
except TypeError as e:
    print(e)


# comparison results that are not bools
class Weird:
    def __eq__(self, other):
        return [1]

    def __lt__(self, other):
        return 0


print(Weird() == 1, Weird() < 1)
if Weird() == 2:
    print("truthy list")


# a class completing the ordering by hand
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __ge__(self, other):
        return not self < other

    def __gt__(self, other):
        return other < self

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(1, 2), Version(1, 10), Version(0, 9)]
print(sorted(vs), Version(1, 2) >= Version(1, 1), Version(1, 0) > Version(1, 0))

# chained comparisons call each method once
class Loud:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n


print(Loud(1) < Loud(2) < Loud(3))
print(Loud(3) < Loud(2) < Loud(1))
print(sorted([Loud(2), Loud(1)], key=lambda x: x.n)[0].n)

# Inheritance: single, multiple, C3 MRO, super()
class A:
    def who(self):
        return "A"

    def hello(self):
        return "hello from " + self.who()


class B(A):
    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C+" + super().who()


class D(B, C):
    def who(self):
        return "D+" + super().who()


print(D().hello())
print([k.__name__ for k in D.__mro__])
print(D.__bases__ == (B, C), A.__bases__ == (object,))
print(D.mro() == list(D.__mro__))
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)), issubclass(D, D))
print(isinstance(D(), (B, int)), isinstance(3, (str, int)), isinstance(3, ()))


# diamond with cooperative __init__
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]


class Left(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Left")


class Right(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Right")


class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")


print(Bottom().log)
print([k.__name__ for k in Bottom.__mro__])


# C3: the classic example from the Python docs
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc): pass


print([k.__name__ for k in Aa.__mro__])


# super(C, self) and super in classmethods
class P:
    def f(self):
        return "P.f"

    @classmethod
    def make(cls):
        return cls.__name__


class Q(P):
    def f(self):
        return "Q.f/" + super(Q, self).f()

    @classmethod
    def make(cls):
        return "Q:" + super().make()


class R(Q):
    def f(self):
        return "R.f/" + super(Q, self).f()


print(Q().f(), R().f(), Q.make(), R.make())

# overriding and calling the base explicitly
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "%s says %s" % (self.name, self.sound)


class Dog(Animal):
    sound = "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age

    def speak(self):
        return Animal.speak(self) + " (age %d)" % self.age


print(Dog("rex").speak(), Puppy("bit", 1).speak())
print(isinstance(Puppy("a", 2), Animal), Puppy.__mro__[1] is Dog)

# attribute lookup follows the MRO for class attributes too
class X:
    v = "X"
class Y(X):
    pass
class Z(Y):
    pass
print(Z.v, Z().v)
X.v = "X2"
print(Z.v, Z().v)
Y.v = "Y"
print(Z.v, Z().v)
del Y.v
print(Z.v, Z().v)

# bad MRO
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print(e)

try:
    class Bad2(A, A):
        pass
except TypeError as e:
    print(e)

# subclassing built-in types
class MyList(list):
    def total(self):
        return sum(self)


ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__)


class MyDict(dict):
    def __missing__(self, key):
        return key * 2


md = MyDict(a=1)
print(md["a"], md["zz"], md)


class MyInt(int):
    def double(self):
        return self * 2


mi = MyInt(21)
print(mi, mi.double(), mi + 1, type(mi + 1).__name__, isinstance(mi, int))


class MyStr(str):
    def shout(self):
        return self.upper() + "!"


s = MyStr("hey")
print(s, s.shout(), len(s), s + "x", repr(s))

try:
    class Nope(bool):
        pass
except TypeError as e:
    print(e)

print(super)

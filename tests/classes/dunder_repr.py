# __repr__, __str__, format, default reprs without addresses
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


class S(V):
    def __str__(self):
        return "<%s,%s>" % (self.x, self.y)


v = V(1, "a")
s = S(2, "b")
print(v, repr(v), str(v), [v], (v,), {"k": v})
print(s, repr(s), str(s), [s])
print(f"{v} {v!r} {s} {s!r} {s!s}")
print("%s %r" % (s, s))
print("{} {!r}".format(s, s))
print(format(s), format(v, ""))


class OnlyStr:
    def __str__(self):
        return "only-str"


o = OnlyStr()
print(o, str(o), repr(o).startswith("<__main__.OnlyStr object at "))
print(repr(object()).startswith("<object object at "))


class Fmt:
    def __format__(self, spec):
        return "Fmt[" + spec + "]"


print(format(Fmt(), "x>5"), f"{Fmt():abc}", "{:q}".format(Fmt()))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print(e)


class BadStr:
    def __str__(self):
        return None


try:
    str(BadStr())
except TypeError as e:
    print(e)


class RecRepr:
    def __init__(self):
        self.items = []

    def __repr__(self):
        return "Rec" + repr(self.items)


r = RecRepr()
r.items.append(1)
r.items.append(RecRepr())
print(r)


class WithInheritedStr(S):
    pass


print(WithInheritedStr(5, 6))
# str of a class and of an exception subclass instance
print(str(V), str(V).endswith("V'>"))


class MyErr(Exception):
    pass


print(str(MyErr("a", 1)), repr(MyErr("a")), repr(MyErr()), str(MyErr()))

# More subclasses of built-in types: constructors reached through
# T.__new__, errors, cycles through instance attributes, overridden
# special methods, and values as dict keys next to equal built-in values
class I(int):
    __slots__ = ()


class F(float):
    __slots__ = ("unit",)


class S(str):
    pass


class T(tuple):
    pass


print(I(5), type(I(5)).__name__, hasattr(I(5), "__dict__"), int.__new__(I, 7), type(int.__new__(I, "8")).__name__)
f = float.__new__(F, "1e3")
f.unit = "m"
print(f, f.unit, repr(F(-0.0)), F("inf"), F(" 2.5 "), type(float.__new__(F)).__name__, float.__new__(F))
print(str.__new__(S, 5), type(str.__new__(S, 5)).__name__, tuple.__new__(T, "ab"), type(tuple.__new__(T)).__name__)
for bad in (lambda: F("abc"), lambda: I("x"), lambda: int.__new__(S), lambda: float.__new__(I, 1), lambda: T(5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# equal values find each other in dicts and sets, both ways
d = {1: "int", 2.5: "float", "k": "str", (1, 2): "tuple"}
print(d[I(1)], d[F(2.5)], d[S("k")], d[T((1, 2))])
d2 = {I(1): "I", F(2.5): "F", S("k"): "S", T((1, 2)): "T"}
print(d2[1], d2[2.5], d2["k"], d2[(1, 2)], len({I(3), 3, F(3.0), 3.0}), S("k") in {"k"})
print(sorted([S("b"), "a", S("c")]), max(F(1), 2.5, I(3)), min(T((2,)), (1,)), sum([I(1), F(0.5), True]))
print(S("a") + S("b"), type(S("a") + S("b")).__name__, "-".join([S("x"), S("y")]), S("%s!") % "hi")
print("%d %.1f %s" % (I(4), F(0.25), S("s")), f"{I(10):x} {F(0.5):.0%} {S('p'):*^5}")
print(bool(F(0.0)), bool(I(0)), bool(S("")), bool(T()), -F(2), abs(I(-2)), I(7) // 2, I(7) / 2, F(7) // 2)
print(isinstance(True, I), issubclass(I, int), F.__mro__ == (F, float, object), T.__bases__ == (tuple,))


# a long tuple subclass instance, and a cycle through its attributes
class Rec(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)


r = Rec(*range(40))
r.me = r
r.tag = "long"
print(len(r), r[39], r.tag, r.me is r, sum(r), r[10:12], type(r[10:12]).__name__)
r = None


# overridden special methods of the built-in base
class CaseDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __contains__(self, k):
        return super().__contains__(k.lower())


cd = CaseDict()
cd["Key"] = 1
print(cd["KEY"], "kEy" in cd, cd, cd.get("KEY"), dict.get(cd, "key"))


class Loud(list):
    def __len__(self):
        return 99

    def __iter__(self):
        return iter(["x"])

    def __getitem__(self, i):
        return "item %r" % (i,)


ld = Loud([1, 2])
print(len(ld), list(ld), ld[0], list.__len__(ld), bool(ld), list.__getitem__(ld, 1))


class Str2(str):
    def __str__(self):
        return "custom"

    def __len__(self):
        return 1000

    def __eq__(self, o):
        return True

    __hash__ = str.__hash__


s2 = Str2("abc")
print(s2, str(s2), len(s2), s2 == "zzz", "%s" % s2, f"{s2}", s2.upper(), repr(s2), s2 + "d")


class Money(float):
    def __repr__(self):
        return "$%.2f" % self

    def __add__(self, o):
        return Money(float(self) + float(o))

    __radd__ = __add__


m = Money(1.5) + 2
print(m, repr(m), type(m).__name__, 3 + Money(1), [Money(0.1)], sum([Money(1), Money(2)]))


# conversions and comparisons consult the subclass's overrides
class Approx(float):
    def __eq__(self, o):
        return abs(float(self) - o) < 0.5

    __hash__ = float.__hash__

    def __int__(self):
        return 1000

    def __float__(self):
        return 2.0


class Weird(int):
    def __float__(self):
        return 0.5

    def __index__(self):
        return 3

    def __int__(self):
        return 42


print(3 == Approx(3.2), Approx(3.2) == 3, 3.0 == Approx(3.2), int(Approx(9.9)), float(Approx(9.9)))
print(float(Weird(8)), int(Weird(8)), Weird(8) + 0, [1, 2, 3, 4][Weird(8) - 7], Weird(8) == 8)


class Backwards(list):
    def __iter__(self):
        return reversed(list(list.__iter__(self)))


bk = Backwards([1, 2, 3])
print(list(bk), tuple(bk), "".join(Backwards(["a", "b"])), [x for x in bk], sorted(bk))
print(dict(Backwards([("k", 1), ("j", 2)])), set(bk) == {1, 2, 3}, max(bk), list(enumerate(bk)))

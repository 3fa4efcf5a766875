# any/all, hash, id, callable, chr/ord, round, divmod, getattr family, vars, abs, pow, bin/oct/hex, format
print(any([]), any([0, "", None]), any([0, 1]), all([]), all([1, "a"]), all([1, 0]), any(x > 2 for x in range(5)))
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None))
print(hash(-1), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-2))
a = [1]
print(id(a) == id(a), id(a) != id([1]), type(id(a)).__name__)
print(callable(len), callable(lambda: 0), callable(1), callable("s"), callable(int), callable([].append))
print(chr(65), chr(0x263A), ord("A"), ord("\u263a"), chr(0), ord("\n"))
for bad in (lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: ord(1), lambda: chr("a")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(2.675, 2), round(1234, -2))
print(round(5), round(5.0), type(round(5.0)).__name__, round(1.25, 1), round(1.35, 1), round(-2.5), round(1e20))
print(round(15, -1), round(25, -1), round(-15, -1), round(0.125, 2), round(2.5, 0), type(round(2.5, 0)).__name__)
print(round(123.456, -1), round(7, 2))
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(float("nan"))
except ValueError as e:
    print(e)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 3))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(e)


class O:
    cls_attr = 1


o = O()
setattr(o, "x", 1)
print(getattr(o, "x"), getattr(o, "y", None), hasattr(o, "x"), hasattr(o, "cls_attr"), vars(o))
delattr(o, "x")
print(vars(o), hasattr(o, "x"))
try:
    getattr(o, "x")
except AttributeError as e:
    print(e)
try:
    getattr(o, 1)
except TypeError as e:
    print(e)
try:
    delattr(o, "x")
except AttributeError as e:
    print(e)
try:
    vars(5)
except TypeError as e:
    print(e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(e)
print(sorted(k for k in vars(O) if not k.startswith("__")))
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))
try:
    abs("x")
except TypeError as e:
    print(e)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2, 0.5), pow(0, 0), pow(2, -1))
print(pow(base=2, exp=5), pow(2, 100, 10 ** 9 + 7), pow(-3, 3, 5), pow(7, 2, -5))
for bad in (lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow(0, -1)):
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(bin(10), bin(-10), bin(0), oct(64), oct(-8), hex(255), hex(-255), hex(2 ** 70), bin(True))
try:
    hex(1.5)
except TypeError as e:
    print(e)
print(format(255, "x"), format(255, "#x"), format(3.14159, ".2f"), format("s", ">4"), format(1234567, ","), format(5))
print(format(0.5, "%"), format(12, "08b"), format(-3, "+d"), format("x", "^5"), format(1e10, "g"), format(True))
try:
    format(1, "q")
except ValueError as e:
    print(e)
try:
    format("s", "d")
except ValueError as e:
    print(e)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), issubclass(bool, int), issubclass(int, (str, object)))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
print(type(1), type("a"), type([]), type(None), type(len), type(type))
print(len("abc"), len([1, 2]), len({}), len(range(10)), repr("q"), ascii("é") if False else "skip")

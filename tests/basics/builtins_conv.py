# Conversion built-ins: int, float, str, bool, list, tuple, dict, repr, abs, round, divmod, chr, ord, hash, type.
print(int("  -12  "), int("0"), int(7.9), int("1010", 2), int("0x10", 16), int("Z", 36))
print(float("3.5"), float(2), float("-0"), float("1e-2"), float(True))
print(str(1), str(1.0), str(""), repr(""), repr(1.0), repr([1, "a"]))
print(bool(), bool(0.0), bool("0"), list(), tuple(), dict())
print(abs(-3), abs(-3.5), abs(True), round(1.23456, 2), round(-0.5), round(1.5))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4))
print(chr(97), ord("a"), chr(0x263A), ord("\u263a"))
print(hash(42) == 42, hash(0), hash(-5), hash(1.0) == hash(1), hash("s") == hash("s"))
for v in (1, 1.5, "s", None, True, [1], (1,), {}, range(2), len, print):
    print(type(v).__name__, end=" ")
print()
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__)
print(isinstance(1, int), isinstance(1.0, int), isinstance("s", str), isinstance([], list))
print(isinstance((), tuple), isinstance({}, dict), isinstance(None, int), isinstance(1, (str, int)))
print(isinstance(True, int), isinstance(1.5, float), isinstance(range(1), range))
print(type(1) == int, type("a") is str, type([]) is list)
for bad in ("abc", "1.5", "", "0x10"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)

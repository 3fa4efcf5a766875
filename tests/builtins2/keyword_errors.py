# Built-in functions and methods given keywords they do not take, or too
# many arguments counting keywords: CPython 3.11's getargs.c wording. And a
# format spec with a NUL in it, quoted whole.
cases = [
    lambda: "a b".split(x=1),
    lambda: "a b".rsplit(y=2),
    lambda: "a\nb".splitlines(z=1),
    lambda: "a b".split(sep=None, maxsplit=1, x=1),
    lambda: "a b".split(None, maxsplit=1, x=1),
    lambda: "a b".split(None, 1, 2),
    lambda: int("1", x=2),
    lambda: str(x=1),
    lambda: round(1.5, x=1),
    lambda: sorted([], x=1),
    lambda: [].sort(x=1),
    lambda: [3, 1].sort(key=None, reverse=True, extra=1),
    lambda: print(1, foo=2),
    lambda: max([1], x=1),
    lambda: sum([1], x=1),
    lambda: format(1, "d\x00x"),
    lambda: "{:d\x00x}".format(1),
    lambda: format(1.5, "f\x00"),
]
for f in cases:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, repr(str(e)))

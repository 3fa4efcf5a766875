# Built-in methods given the wrong number of arguments or keywords they do
# not take: CPython names the type in "takes no keyword arguments", "takes
# exactly one argument" and "takes no arguments", not in "expected at
# least ...", and the str find family words its counts as getargs does.
cases = [
    lambda: "a".find(), lambda: "a".rfind(), lambda: "a".index(), lambda: "a".rindex(),
    lambda: "a".count(), lambda: "a".startswith(), lambda: "a".endswith(),
    lambda: "a".find(1, 2, 3, 4), lambda: "a".count("a", 1, 2, 3), lambda: "a".startswith("a", 1, 2, 3),
    lambda: "a".find("a", x=1), lambda: "a".count("a", x=1), lambda: "a".startswith("a", x=1),
    lambda: "a".endswith("a", x=1), lambda: "a".index("a", x=1),
    lambda: "a".replace("a"), lambda: "a".replace("a", "b", x=1),
    lambda: "a".strip(x=1), lambda: "a".strip(1, 2), lambda: "a".strip(3),
    lambda: "a".lstrip(x=1), lambda: "a".rstrip(1, 2),
    lambda: "a".center(3, x=1), lambda: "a".ljust(), lambda: "a".rjust(1, 2, 3),
    lambda: "a".partition(), lambda: "a".rpartition("a", "b"), lambda: "a".partition(x=1),
    lambda: "a".removeprefix(), lambda: "a".removesuffix(1),
    lambda: {}.get(), lambda: {}.get(1, x=2), lambda: {}.pop(), lambda: {}.pop(1, 2, 3),
    lambda: {}.setdefault(), lambda: {}.setdefault(1, x=2),
    lambda: [].pop(1, 2), lambda: [].pop(x=1), lambda: [].insert(1), lambda: [].insert(1, x=2),
    lambda: [].index(), lambda: [].index(1, x=2), lambda: (1,).index(), lambda: (1,).index(1, x=2),
    lambda: [].append(1, 2), lambda: "a".upper(1), lambda: {}.keys(1), lambda: len(x=1),
    lambda: (5).bit_length(1), lambda: (5).conjugate(x=1), lambda: (5).as_integer_ratio(1),
    lambda: True.bit_length(1), lambda: (1.5).hex(1), lambda: (1.5).is_integer(x=1),
    lambda: (1.5).as_integer_ratio(1), lambda: (1.5).conjugate(1),
    lambda: [1].sort(1), lambda: [1].sort(1, 2, 3), lambda: [1].sort(1, key=None, reverse=True),
    lambda: [1].sort(key=None, reverse=True, x=1), lambda: [1].sort(x=1),
]
for f in cases:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

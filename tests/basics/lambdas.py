# lambda with defaults, varargs, kwargs, and as arguments.
sq = lambda x: x * x
print(sq(7))
print((lambda: "no args")())
print((lambda a, b=10: a + b)(1), (lambda a, b=10: a + b)(1, 2))
print((lambda *a, **k: (a, k))(1, 2, x=3))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
fns = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print(fns["add"](2, 3), fns["sub"](2, 3))
print((lambda x: (lambda y: x + y))(1)(2))

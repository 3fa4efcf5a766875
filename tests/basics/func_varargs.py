# *args, **kwargs, keyword-only parameters, and unpacking at call sites.
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(**kw):
    return kw
print(g(), g(a=1, b=2))
def h(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(h(1, c=3))
print(h(1, 2, 3, 4, c=5, e=6))
print(h(*[1, 2, 3], **{"c": 7, "z": 0}))
def kwonly(*, x, y=1):
    return x + y
print(kwonly(x=5), kwonly(y=2, x=3))
args = (1, 2)
kwargs = {"c": 3}
def three(a, b, c):
    return a * 100 + b * 10 + c
print(three(*args, **kwargs), three(1, *[2, 3]), three(*"123"))
print(three(**{"a": 1, "b": 2, "c": 3}))
print(three(1, **{"c": 3}, b=2))
print(f(*range(3), *"ab"))
print(g(**{"a": 1}, **{"b": 2}))
def count(*xs, sep=","):
    return sep.join([str(x) for x in xs])
print(count(1, 2, 3), count(4, 5, sep="-"))
print(max(*[3, 9, 2]), print(*["a", "b"], sep="+"))

# Functions as values: returning several values, early return, dispatch tables.
def divmod_sign(a, b):
    q, r = divmod(a, b)
    return q, r, "neg" if q < 0 else "pos"
print(divmod_sign(7, 2), divmod_sign(-7, 2))
q, r, s = divmod_sign(9, 4)
print(q, r, s)
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
print(first_even([1, 3, 4, 6]), first_even([1, 3]))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2), apply_twice(str.upper, "a"))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print([ops[o](3, 4) for o in "+*"])
def noop():
    return
print(noop(), noop() is None)
def nested_defs(n):
    def square(v):
        return v * v
    def cube(v):
        return v * square(v)
    return [square(n), cube(n)]
print(nested_defs(3))
fns = [len, abs, str]
print([f(-3) if f is not len else f("abc") for f in fns])
def recurse_by_name(n):
    return 0 if n == 0 else n + recurse_by_name(n - 1)
alias = recurse_by_name
print(alias(10))
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3))
print((lambda: None)() is None)

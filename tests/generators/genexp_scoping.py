# Generator expression scoping (CPython): the first iterable is evaluated at
# once, in the enclosing scope; the rest is evaluated lazily in the
# expression's own scope.

def loud(name, value):
    print("evaluating", name)
    return value


g = (x for x in loud("first iterable", [1, 2]))
print("created")
g2 = (x + y for x in loud("outer", [1]) for y in loud("inner", [10, 20]))
print("created g2")
print(list(g2))

# errors in the first iterable are raised at creation
try:
    g = (x for x in 1)
except TypeError as e:
    print("TypeError at creation:", e)

try:
    g = (x for x in undefined_name)
except NameError as e:
    print("NameError at creation:", e)

# errors in later iterables or conditions wait for the first next()
g = (x for x in [1] for y in undefined_inner)
print("created with a bad inner iterable")
try:
    next(g)
except NameError as e:
    print("NameError at next:", e)

g = (x for x in [1] if 1 / 0)
print("created with a bad condition")
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError at next:", e)

# the first iterable is bound at creation; rebinding the name later does
# not change it, while names in the body are looked up when needed
data = [1, 2, 3]
g = (x for x in data)
data = [100]
print(list(g))

data = [1, 2, 3]
g = (x for x in data)
data.append(4)          # same list object: the change is visible
print(list(g))

# class scope: only the first iterable sees class attributes
class C:
    items = [1, 2, 3]
    factor = 10
    doubled = list(x * 2 for x in items)
    try:
        scaled = list(x * factor for x in items)
    except NameError as e:
        print("NameError in class body:", e)


print(C.doubled)


# the loop variable does not leak
x = "outer x"
list(x for x in range(3))
print(x)

# the first iterable may use names the later parts cannot see at class scope
class D:
    rng = range(2)
    pairs = list((a, b) for a in rng for b in "xy")


print(D.pairs)

# function scope: everything resolves through closures, late
def f():
    n = 1
    g = (i * n for i in range(3))
    n = 7
    return g


print(list(f()))

# iter() is called on the first iterable at creation
class Iterable:
    def __iter__(self):
        print("__iter__ called")
        return iter([5, 6])


g = (v for v in Iterable())
print("created from Iterable")
print(list(g))

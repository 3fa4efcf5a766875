# next(g) and next(g, default).

def two():
    yield 1
    yield 2


g = two()
print(next(g), next(g, "d"), next(g, "d"), next(g, "d"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e))

# The default is returned only on exhaustion, never on an error.
def raises():
    yield 1
    raise ValueError("inside")


g = raises()
print(next(g, "default"))
try:
    next(g, "default")
except ValueError as e:
    print("ValueError", e)
print(next(g, "default after error"))

# next() with a default of None and other falsy values
print(next(iter([]), None), next(iter([]), 0), next(iter([]), ""))

# next() on things that are not iterators
for bad in ([1], (1,), "s", 5, None, {1: 2}):
    try:
        next(bad)
    except TypeError as e:
        print("TypeError", e)

try:
    next()
except TypeError as e:
    print("TypeError", e)
try:
    next(two(), 1, 2)
except TypeError as e:
    print("TypeError", e)

# __next__ is the same operation
g = two()
print(g.__next__(), next(g))
try:
    g.__next__()
except StopIteration:
    print("__next__ stopped")

# next() on an iterator made by iter() of a generator is the generator
g = two()
print(iter(g) is g, iter(iter(g)) is g)
print(next(iter(g)))


# A generator that returns a value: next() with default swallows it.
def returns():
    return "hidden"
    yield


print(next(returns(), "default"))

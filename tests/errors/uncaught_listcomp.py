# A frame for the list comprehension appears in the traceback (CPython 3.11).
def invert(xs):
    return [1 / x for x in xs]

print(invert([1, 2]))
print(invert([1, 0]))

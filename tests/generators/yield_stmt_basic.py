# yield as a statement: values come out in order, falling off the end stops.

def count_to(n):
    i = 1
    while i <= n:
        yield i
        i += 1


for v in count_to(3):
    print("for", v)

g = count_to(2)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
# Once stopped, a generator stays stopped.
try:
    next(g)
except StopIteration:
    print("still stopped")


def bare():
    yield
    yield None


print(list(bare()))


def empty_return():
    return
    yield 1


print(list(empty_return()))


def yields_many_kinds():
    yield 1
    yield "two"
    yield [3]
    yield (4, 5)
    yield {"six": 6}
    yield None
    yield count_to


for v in yields_many_kinds():
    print(type(v).__name__, v if not callable(v) else v.__name__)

# Each call makes a fresh, independent generator.
a = count_to(3)
b = count_to(3)
print(next(a), next(a), next(b), next(a), next(b))

# Local state survives between resumptions.
def running_total(items):
    total = 0
    for x in items:
        total += x
        yield total


print(list(running_total([1, 2, 3, 4, 5])))
print(type(count_to).__name__, type(count_to(1)).__name__)

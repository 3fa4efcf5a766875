# The ideas of the tutorial's first half in Python 3 spelling: a generator
# function (S1), next() on it (S2), and what a generator is.

def get_id():
    i = 0
    while True:
        yield i
        i = i + 1


# S2: a fresh generator each time, so this prints 0 twice.
print(next(get_id()))
print(next(get_id()))

# One generator remembers where it stopped.
g = get_id()
print(next(g), next(g), next(g))

# Calling get_id() runs none of its body: it makes a generator object.
print(type(get_id).__name__, type(g).__name__)


# A generator that finishes: the for loop stops at StopIteration.
def first_ids(n):
    ids = get_id()
    for _ in range(n):
        yield next(ids)


for i in first_ids(3):
    print("id", i)
print(list(first_ids(5)))


# yield as an expression: the generator can be sent values, the idea that
# @inlineCallbacks builds on (the value of `yield d` is d's result).
def accumulate():
    total = 0
    while True:
        value = yield total
        total = total + value


acc = accumulate()
next(acc)
print(acc.send(10))
print(acc.send(32))


# The generator's return value travels in StopIteration.value.
def fetch():
    value = yield "waiting"
    return value * 2


f = fetch()
print(next(f))
try:
    f.send(21)
except StopIteration as e:
    print("returned", e.value)

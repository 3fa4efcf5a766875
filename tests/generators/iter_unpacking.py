# Generators in unpacking: assignment targets, starred targets and star
# arguments.

def gen(n):
    for i in range(n):
        yield i


a, b, c = gen(3)
print(a, b, c)
first, *rest = gen(5)
print(first, rest)
*init, last = gen(4)
print(init, last)
x, *mid, y = gen(2)
print(x, mid, y)
(p, q), r = gen(2), 9
print(p, q, r)

for bad in (2, 4, 0):
    try:
        a, b, c = gen(bad)
    except ValueError as e:
        print("ValueError", e)

try:
    a, *b, c = gen(1)
except ValueError as e:
    print("ValueError", e)


def show(*args, **kw):
    print("args", args, "kw", sorted(kw.items()))


show(*gen(3))
show(-1, *gen(2), 99)
show(*gen(2), *gen(3))
print(*gen(4))
print(*gen(4), sep=", ")
print([*gen(3), *gen(2)])
print((*gen(3),))
print({*gen(3)})
show(**dict((k, v) for k, v in zip("ab", gen(2))))


# unpacking stops consuming as soon as it knows the count is wrong
def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i


try:
    a, b = noisy(5)
except ValueError as e:
    print("ValueError", e)


# unpacking in a for target
def pairs():
    yield 1, "one"
    yield 2, "two"


for num, word in pairs():
    print(num, word)

for i, (num, word) in enumerate(pairs()):
    print(i, num, word)

# unpacking into a generator's send
def sink():
    while True:
        a, b = yield
        print("sink got", a, b)


s = sink()
next(s)
s.send(gen(2))
s.send((5, 6))

# Lambdas may contain yield; they are then generator functions, and their
# "return" value becomes StopIteration.value.

x = lambda: (yield 1)
print(list(x()))

x = lambda: ((yield 1), (yield 2))
print(list(x()))


def g():
    return (yield 1)


f = lambda: (yield 1)
f2 = lambda: (yield from g())


def g2():
    return (yield from g())


f3 = lambda: (yield from f())


def g3():
    return (yield from f())


for gen_fun in (f, g, f2, g2, f3, g3):
    gen = gen_fun()
    print(next(gen), end=" ")
    try:
        gen.send(2)
    except StopIteration as e:
        print("value", e.value)

adder = lambda: (yield) + (yield)
a = adder()
next(a)
a.send(3)
try:
    a.send(4)
except StopIteration as e:
    print("sum", e.value)

print(type(f).__name__, type(f()).__name__, f.__name__)

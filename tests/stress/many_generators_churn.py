# A generator that is never finished costs nothing after it is dropped:
# create, start and drop 300,000 of them, each with a pending finally.

count = 0


def gen():
    global count
    try:
        yield 1
        yield 2
    finally:
        count += 1


for i in range(300000):
    g = gen()
    next(g)
del g
print(count)

# generator expressions too
total = 0
for i in range(100000):
    total += next(x for x in range(i, i + 5))
print(total)

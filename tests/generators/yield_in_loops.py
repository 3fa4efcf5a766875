# yield inside loops: while/else, for/else, break, continue, nesting.

def w():
    i = 0
    while i < 5:
        i += 1
        if i == 2:
            continue
        if i == 4:
            break
        yield i
    else:
        yield "while-else (not reached)"
    yield "end"


print(list(w()))


def f_else():
    for i in range(3):
        yield i
    else:
        yield "for-else"


print(list(f_else()))


def nested_loops():
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            yield (i, j)


print(list(nested_loops()))


def continue_in_finally():
    # SF bug 567538: continue inside try with a yield in finally
    for i in range(3):
        try:
            continue
        finally:
            yield i


g = continue_in_finally()
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")


def break_in_finally():
    for i in range(5):
        try:
            yield i
        finally:
            if i == 2:
                break
    yield "broke out"


print(list(break_in_finally()))


def loop_over_generator():
    for x in w():
        yield "w:%s" % (x,)


print(list(loop_over_generator()))


def infinite():
    n = 0
    while True:
        yield n
        n += 1


g = infinite()
print([next(g) for _ in range(10)])


def loop_send():
    acc = []
    for i in range(3):
        acc.append((yield i))
    yield acc


g = loop_send()
print(next(g), g.send("a"), g.send("b"), g.send("c"))


def loop_target_forms():
    pairs = [(1, "a"), (2, "b")]
    for n, s in pairs:
        yield n, s
    d = {}
    for d["k"] in range(2):
        yield dict(d)


print(list(loop_target_forms()))

# yield from delegates close() (as GeneratorExit) to the sub-generator.

trace = []


def g1():
    try:
        trace.append("Starting g1")
        yield "g1 ham"
        yield from g2()
        yield "g1 eggs"
    finally:
        trace.append("Finishing g1")


def g2():
    try:
        trace.append("Starting g2")
        yield "g2 spam"
        yield "g2 more spam"
    finally:
        trace.append("Finishing g2")


g = g1()
for i in range(2):
    x = next(g)
    trace.append("Yielded %s" % (x,))
g.close()
for t in trace:
    print(t)

print("--- exception while delegating close")
trace = []


def g3():
    try:
        trace.append("Starting g3")
        yield "g3 ham"
        yield from g4()
        yield "g3 eggs"
    finally:
        trace.append("Finishing g3")


def g4():
    try:
        trace.append("Starting g4")
        yield "g4 spam"
        yield "g4 more spam"
    finally:
        trace.append("Finishing g4")
        raise ValueError("nybbles have exploded with delight")


try:
    g = g3()
    for i in range(2):
        x = next(g)
        trace.append("Yielded %s" % (x,))
    g.close()
except ValueError as e:
    print("ValueError", e.args[0], type(e.__context__).__name__)
for t in trace:
    print(t)

print("--- close of a non-generator sub-iterator")
trace = []


def g5():
    try:
        trace.append("starting g5")
        yield from range(3)
        trace.append("g5 should not be here")
    finally:
        trace.append("finishing g5")


gi = g5()
next(gi)
gi.close()
print(trace)

print("--- the sub-generator is closed when the delegator is dropped")


def sub():
    try:
        yield 1
    finally:
        print("sub finally")


def deleg():
    try:
        yield from sub()
    finally:
        print("deleg finally")


g = deleg()
next(g)
del g
print("after del")

print("--- close a three-level chain")


def level(n):
    try:
        if n:
            yield from level(n - 1)
        else:
            yield "bottom"
    finally:
        print("closing level", n)


g = level(3)
print(next(g))
g.close()
print(next(g, "closed"))

print("--- sub-generator ignoring GeneratorExit")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no!"


def deleg2():
    yield from stubborn()


g = deleg2()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)

# An exception raised in a generator's body: the traceback shows the caller
# line and the generator's frame.

def helper():
    return 1 // 0


def gen():
    yield 1
    yield helper()  # the zero division exception propagates
    yield 42        # and we'll never get here


g = gen()
print(next(g))
next(g)

# An exception in a finally block while the generator is being dropped by a
# `del` is not raised to the caller (CPython prints it as ignored); here
# instead the generator raises during a regular next(), with a finally that
# runs before the traceback is printed.

def gen():
    try:
        yield 1
        raise IndexError("in body")
    finally:
        print("finally ran")


g = gen()
next(g)
next(g)

# close() on a generator that raises another exception while closing: it
# propagates, chained to the GeneratorExit.

def g():
    try:
        yield
    finally:
        raise OSError("cleanup failed")


gen = g()
next(gen)
gen.close()

# close() on a generator that yields in its GeneratorExit handler.

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = stubborn()
next(g)
g.close()

# throw() into a yield from chain, uncaught: the traceback walks down the
# chain to the innermost yield.

def inner():
    yield 1


def middle():
    yield from inner()


def outer():
    yield from middle()


g = outer()
next(g)
g.throw(ValueError("from outside"))

# A suspended generator caught in a reference cycle (it holds itself) is
# not freed by reference counting; the cycle collector finalizes it.  weft
# has no gc module, so the collection that runs as the program ends does
# it.  CPython finalizes the cycle that is already garbage first, then the
# one still referenced from a global when the module is cleared.

def gen(name):
    try:
        me = yield 1
        yield 2
    finally:
        print("finally", name)


g = gen("global")
next(g)
g.send(g)


def make():
    h = gen("local")
    next(h)
    h.send(h)


make()
print("end of program")

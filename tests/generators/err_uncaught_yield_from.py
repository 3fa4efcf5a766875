# An exception deep in a yield from chain: every delegating frame appears.

def level3():
    yield "bottom"
    raise LookupError("deep failure")


def level2():
    yield from level3()


def level1():
    result = yield from level2()
    return result


g = level1()
print(next(g))
next(g)

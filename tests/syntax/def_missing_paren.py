# A def whose parameter list is never closed.
def f(a, b:
    return a

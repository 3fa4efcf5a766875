# The same parameter name twice.
def f(x, x):
    pass

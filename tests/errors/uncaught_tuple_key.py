# KeyError with a tuple key, raised from a nested function.
def outer():
    grid = {(0, 0): "origin"}
    def inner(x, y):
        return grid[(x, y)]
    print(inner(0, 0))
    return inner(1, 2)
outer()

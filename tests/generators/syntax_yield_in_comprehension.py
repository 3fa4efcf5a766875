# yield inside a list comprehension is a SyntaxError.
def f():
    return [(yield x) for x in range(3)]

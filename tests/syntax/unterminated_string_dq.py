# A double-quoted string inside a function body.
def f():
    x = "abc
    return x

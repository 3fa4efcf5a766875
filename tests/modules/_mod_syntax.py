# A module with a syntax error (imported by import_syntax*.py)
x = 1


def f(a, :
    return a

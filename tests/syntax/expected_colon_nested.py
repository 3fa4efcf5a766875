# A missing colon on an indented line: the source line is shown stripped.
def f(x):
    if x:
        while x
            x -= 1
    return x

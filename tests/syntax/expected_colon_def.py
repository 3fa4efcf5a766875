# def header without its colon.
def f()
    return 1

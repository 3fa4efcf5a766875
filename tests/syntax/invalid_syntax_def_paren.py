# A parameter list that cannot start with a colon.
def f(:
    pass

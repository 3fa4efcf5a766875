# An error in a generator expression's first iterable is raised at
# creation, in the enclosing frame.

def make():
    return (x for x in 42)


g = make()

# nonlocal naming a global, not an enclosing local.
def f():
    global x
    x = 1
    def g():
        nonlocal x

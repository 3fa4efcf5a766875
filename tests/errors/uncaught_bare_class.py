# Raising an exception class with no arguments prints just its name.
def fail():
    raise RuntimeError

fail()

# PEP 479 uncaught: the StopIteration, then the RuntimeError it caused.

def gen():
    yield 1
    raise StopIteration("stop!")


for v in gen():
    print(v)

# gi_frame is a frame while the generator can still run, None once it is
# finished (by return, by an exception, or by close()).

def g():
    yield 1
    yield 2


gen = g()
print("created", gen.gi_frame is None)
next(gen)
print("suspended", gen.gi_frame is None)
list(gen)
print("exhausted", gen.gi_frame is None)

gen = g()
next(gen)
gen.close()
print("closed", gen.gi_frame is None)

gen = g()
gen.close()
print("closed before start", gen.gi_frame is None)


def bad():
    yield 1
    raise ValueError


gen = bad()
next(gen)
try:
    next(gen)
except ValueError:
    pass
print("raised", gen.gi_frame is None)

gen = g()
next(gen)
try:
    gen.throw(KeyError)
except KeyError:
    pass
print("throw uncaught", gen.gi_frame is None)


def ret():
    return 5
    yield


gen = ret()
try:
    next(gen)
except StopIteration:
    pass
print("returned", gen.gi_frame is None)

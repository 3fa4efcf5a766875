# yield inside with blocks: __exit__ runs on normal exit, on throw(), on
# close() (seeing GeneratorExit) and when the generator is dropped.

class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, repr(val) if val else None)
        return self.swallow


def g(name, swallow=False):
    with CM(name, swallow) as v:
        x = yield v
        print("got", x)
        yield "second"
    yield "after with"


gen = g("normal")
print(next(gen))
print(gen.send(1))
print(next(gen))
print(next(gen, "end"))

gen = g("thrown")
next(gen)
try:
    gen.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)

gen = g("swallowed", swallow=True)
next(gen)
print(gen.throw(ValueError("boom")))

gen = g("closed")
next(gen)
gen.close()
print("closed:", next(gen, "exhausted"))

gen = g("dropped")
next(gen)
del gen
print("after del")


def nested_with():
    with CM("outer"):
        with CM("inner"):
            yield 1
        yield 2
    yield 3


print(list(nested_with()))
gen = nested_with()
next(gen)
gen.close()


def with_multiple():
    with CM("a") as a, CM("b") as b:
        yield a + b


print(list(with_multiple()))


def exit_closes_swallowing_generatorexit():
    # A context manager that swallows GeneratorExit makes close() see the
    # generator keep running: if it then finishes, close() is happy.
    with CM("swallow-exit", swallow=True):
        yield 1
    print("after with, finishing")


gen = exit_closes_swallowing_generatorexit()
next(gen)
gen.close()
print("close returned")

# Generator object attributes: names, code, iteration protocol, type.

def func():
    yield 1


gen = func()
print(gen.__name__)
print(gen.__qualname__)
print(type(gen).__name__, type(func).__name__)
print(iter(gen) is gen)
print(gen.gi_code is func.__code__)
print(hasattr(gen, "send"), hasattr(gen, "throw"), hasattr(gen, "close"),
      hasattr(gen, "__next__"), hasattr(gen, "__iter__"))
print([s for s in ("close", "gi_code", "gi_running", "gi_yieldfrom", "send", "throw")
       if hasattr(gen, s)])


class C:
    def method(self):
        yield 1

    @staticmethod
    def static():
        yield 2


def outer():
    def inner():
        yield 3
    return inner()


print(C().method().__name__, C().method().__qualname__)
print(C.static().__qualname__)
print(outer().__name__, outer().__qualname__)
print((x for x in []).__name__, (x for x in []).__qualname__)


def make_genexp():
    return (x for x in [])


print(make_genexp().__qualname__)

# generators are not hashable by value but are hashable by identity
g1 = func()
g2 = func()
print(g1 == g1, g1 == g2, g1 != g2, len({g1, g2, g1}))
# truthiness: always true
print(bool(func()), bool(x for x in []))
try:
    len(func())
except TypeError as e:
    print("TypeError", e)
try:
    func()[0]
except TypeError as e:
    print("TypeError", e)
print(repr(func()).startswith("<generator object func at 0x"))

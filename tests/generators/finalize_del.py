# A generator dropped before it finishes is closed at once when the last
# reference goes: its finally blocks run before the next statement.

def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


g = gen("del")
next(g)
print("before del")
del g
print("after del")

g = gen("rebind")
next(g)
g = None
print("after rebind")


def use_locally():
    g = gen("local")
    print("got", next(g))
    return "returned"


print(use_locally())

# a generator that never started has nothing to clean up
g = gen("never started")
del g
print("unstarted dropped")

# a finished generator has nothing to clean up either
g = gen("finished")
list(g)
del g
print("finished dropped")

# except GeneratorExit runs on drop too, and not except Exception
def gen2():
    try:
        yield
    except Exception:
        print("except Exception (wrong)")
    except GeneratorExit:
        print("GeneratorExit on drop")


g = gen2()
next(g)
del g

# a generator referenced twice dies with the last reference
g = gen("two refs")
next(g)
h = g
del g
print("one ref left")
del h
print("none left")

# dropping a temporary: next(gen()) drops it right away
print(next(gen("temporary")))
print("after temporary")

# a generator dropped from a container
lst = [gen("in list")]
next(lst[0])
lst.pop()
print("after pop")
d = {"k": gen("in dict")}
next(d["k"])
del d["k"]
print("after del d[k]")

# a dropped generator's with block exits
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("__exit__ with", exc[0].__name__)


def with_gen():
    with CM():
        yield


g = with_gen()
next(g)
del g
print("end")

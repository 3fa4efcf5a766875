# g.throw(): the forms CPython 3.11 accepts, and the errors for bad ones.

def f():
    while True:
        try:
            print((yield))
        except ValueError as v:
            print("caught ValueError (%s)" % (v,), type(v).__name__, v.args)


g = f()
next(g)
g.throw(ValueError)                      # type only
g.throw(ValueError("xyz"))               # instance only
g.throw(ValueError, ValueError(1))       # value + matching type
g.throw(ValueError, TypeError(1))        # mismatched type, rewrapped
g.throw(ValueError, ValueError(1), None)  # explicit None traceback
g.throw(ValueError, "foo")               # type + plain value
g.throw(ValueError, ("a", "b"))          # type + tuple value: args
g.throw(ValueError, None)                # type + None


class MyValueError(ValueError):
    pass


g.throw(MyValueError)
g.throw(ValueError, MyValueError("sub"))  # subclass instance kept as is

for args in [(ValueError(1), "foo"), (ValueError, "foo", 23), ("abc",),
             (0,), (list,), (ValueError(), None, 5)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError", e)

try:
    g.throw()
except TypeError as e:
    print("TypeError", e)

g.send(1)
print("still alive")

# An exception the generator does not catch terminates it.
try:
    g.throw(TypeError("terminate"))
except TypeError as e:
    print("TypeError propagated:", e)
try:
    g.send(2)
except StopIteration:
    print("StopIteration")

# throw on a closed generator raises the thrown exception at once
try:
    g.throw(ValueError, 6)
except ValueError as e:
    print("ValueError", e)

# throw on a just-started generator raises it without running the body
def noisy():
    print("body ran")
    yield


try:
    noisy().throw(ValueError, 7)
except ValueError as e:
    print("ValueError", e)

# and the generator is then closed
g = noisy()
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(next(g, "closed"))

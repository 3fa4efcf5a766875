# gi_running is True only while the generator's body runs.

def g():
    yield me.gi_running
    yield me.gi_running


me = g()
print(me.gi_running)
print(next(me))
print(me.gi_running)
print(next(me))
list(me)
print(me.gi_running)

try:
    me.gi_running = 42
except AttributeError as e:
    print("AttributeError", e)

print(type(me.gi_running).__name__)


def outer():
    inner_gen = inner()
    yield inner_gen.gi_running
    for v in inner_gen:
        yield v


def inner():
    yield "inner sees outer running: %s" % (o.gi_running,)


o = outer()
print(list(o))


# gi_running during close and throw
def watch():
    try:
        yield
    except ValueError:
        print("in throw, running:", w.gi_running)
        yield
    finally:
        print("in finally, running:", w.gi_running)


w = watch()
next(w)
w.throw(ValueError)
print("after throw:", w.gi_running)
w.close()
print("after close:", w.gi_running)

# A failure travelling up through nested @inlineCallbacks calls keeps every
# level: the raise site and each waiting yield, innermost last, with source
# lines. (Twisted's own frames are filtered out: weft has none.)
from twisted.internet.defer import inlineCallbacks, succeed, Deferred

def frames(f):
    return [(fr[0], fr[2]) for fr in f.frames if "twisted" not in fr[1]]

def caught_part(f):
    lines = f.getTraceback().split("\n")
    lines = lines[lines.index("--- <exception caught here> ---") + 1:]
    out, skip = [], False
    for line in lines:
        if line.startswith("  File "):
            skip = "twisted" in line
            line = '  File "' + line.split("/")[-1] if "/" in line else line
        elif not line.startswith("    "):
            skip = False
        if not skip:
            out.append(line)
    print("\n".join(out))

@inlineCallbacks
def inner():
    yield succeed(None)
    raise ValueError("x")

@inlineCallbacks
def middle():
    yield inner()

@inlineCallbacks
def outer():
    yield middle()

d = outer()
f = d.result
print(frames(f))
print(f.tb)
caught_part(f)
d.addErrback(lambda f: None)

gate = Deferred()

@inlineCallbacks
def inner2():
    yield gate
    raise KeyError("async")

@inlineCallbacks
def middle2():
    v = yield inner2()
    return v

@inlineCallbacks
def outer2():
    try:
        yield middle2()
    except KeyError as e:
        print("caught in outer2", repr(e))
    yield middle2()

d = outer2()
gate.callback(1)
f = d.result
print(frames(f))
caught_part(f)
d.addErrback(lambda f: None)

# a failure from a plain callback, thrown into a generator
src = Deferred()
def bad_callback(r):
    return {}[r]
src.addCallback(bad_callback)

@inlineCallbacks
def waits_on_src():
    yield src

d = waits_on_src()
src.callback("nokey")
print(frames(d.result))
d.addErrback(lambda f: None)

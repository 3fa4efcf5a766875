# twisted.python.failure.Failure: construction, attributes, check / trap /
# raiseException, messages, repr / str, getTraceback / getBriefTraceback,
# cleanFailure.
from twisted.python.failure import Failure
from twisted.python import failure

class AppError(ValueError):
    pass

class Boom(Exception):
    pass

def frames_of(f):
    return [(fr[0], fr[2]) for fr in f.frames if "twisted" not in fr[1]]

def show_tb(text):
    # file paths differ between interpreters: keep the base name only
    for line in text.split("\n"):
        if line.startswith('  File "'):
            line = '  File "' + line[len('  File "'):].split("/")[-1]
        elif ":" in line and "/" in line and line.index("/") < line.index(":"):
            line = line.split("/")[-1]
        print(line)

f = Failure(AppError("disk full"))
print(repr(f))
print(str(f))
print(f.type is AppError, f.value.args, f.tb, f.frames, f.stack, f.pickled, f.captureVars)
print(f.parents)
print(f.getErrorMessage())
print(f.getTraceback(), end="")
print(f.getBriefTraceback(), end="")
print(isinstance(f, BaseException), isinstance(f, Exception), f.args)

print(f.check(KeyError, ValueError), f.check(KeyError), f.check("builtins.ValueError"),
      f.check("__main__.AppError"), f.check(AppError, Exception))
print(f.trap(Exception))
try:
    f.trap(KeyError, TypeError)
except AppError as e:
    print("trap re-raised the original:", e is f.value)
try:
    f.raiseException()
except ValueError as e:
    print("raiseException:", e is f.value)

for e in (KeyError("key"), Exception(), ValueError(5, "Deferred"), Boom("kaboom")):
    g = Failure(e)
    print(repr(g.getErrorMessage()), repr(g))
print(Failure(Boom("kaboom")).getTraceback(), end="")
print(str(Failure(Boom("kaboom"))))

g = Failure(42)
print(repr(g), g.parents, g.type, g.check(int), g.check("builtins.int"))
h = Failure(SystemExit(3))
print(h.parents, h.check(SystemExit), h.check(BaseException), h.value.code)
c = Failure(f)
print(c.type is AppError, c.value is f.value, c.getErrorMessage())
k = Failure(ValueError("given"), KeyError)
print(k.type, k.value)
try:
    Failure("text")
except TypeError as e:
    print("TypeError:", e)
try:
    Failure()
except failure.NoCurrentExceptionError as e:
    print("NoCurrentExceptionError", repr(e))
f1, f2 = Failure(ValueError()), Failure(ValueError())
print("count increments:", f2.count - f1.count)

def inner():
    raise Boom("deep")

def outer():
    inner()

try:
    outer()
except Boom:
    f = Failure()
print(frames_of(f))
print(f.tb is f.value.__traceback__, f.tb is not None)
show_tb(f.getTraceback())
show_tb(f.getBriefTraceback())
print(f.getTraceback(elideFrameworkCode=1).count("caught here"))
f.cleanFailure()
print(f.tb, f.value.__traceback__, f.pickled, [(x[0], x[2], x[3]) for x in f.frames])
show_tb(f.getTraceback())

# an exception caught elsewhere keeps its traceback
try:
    outer()
except Boom as e:
    caught = e
f = Failure(caught)
print(frames_of(f), f.type.__name__)

class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
o = Out()
Failure(KeyError("x")).printTraceback(file=o)
print("".join(o.parts), end="")
o = Out()
Failure(KeyError("x")).printBriefTraceback(file=o)
print("".join(o.parts), end="")
f = Failure(ValueError("v"))
f.value = KeyError("replaced")
print(f.getErrorMessage(), f.type)
print(failure.Failure is Failure, failure.EXCEPTION_CAUGHT_HERE)

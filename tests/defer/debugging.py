# setDebugging(True): Deferreds record the stack where they were created
# and first fired; AlreadyCalledError's message shows both.
from twisted.internet import defer

print(defer.getDebugging())
defer.setDebugging(True)
print(defer.getDebugging())

def make():
    return defer.Deferred()

def fire(d):
    d.callback(1)

d = make()
print(d.debug)
fire(d)
try:
    d.callback(2)
except defer.AlreadyCalledError as e:
    for line in str(e).split("\n"):
        print(repr(line.replace(__file__, "FILE")))

defer.setDebugging(False)
d = make()
d.callback(1)
try:
    d.callback(2)
except defer.AlreadyCalledError as e:
    print(repr(str(e)))

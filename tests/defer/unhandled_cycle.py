# A failed Deferred kept alive only by a reference cycle is reported when
# the cycle collector frees it (here at exit; gc.collect() is not needed).
from twisted.internet import defer

class CycleError(Exception):
    pass

def make():
    holder = []
    e = CycleError("kept alive by a cycle")
    e.holder = holder
    d = defer.fail(e)
    holder.append(d)

make()
print("made the cycle")

print("end")

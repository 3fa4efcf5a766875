# defer.logError logs the failure (as log.failure does with no observer
# started: to stderr) and passes it on.
from twisted.internet import defer

d = defer.fail(ValueError("logged"))
d.addErrback(defer.logError)
d.addErrback(lambda f: print("still failed:", f.getErrorMessage()))
print("after logError")

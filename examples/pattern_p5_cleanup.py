# Tribler pattern P5 (TorrentChecker/session.py, UdpTrackerSession.cleanup;
# dispersy.py, Dispersy.stop): yield a super() call, yield a DeferredList and
# returnValue its result; gatherResults(..., consumeErrors=True) with addBoth.
from twisted.internet.defer import (Deferred, DeferredList, gatherResults, inlineCallbacks,
                                    returnValue, succeed, fail)
from twisted.python.failure import Failure


class TrackerSession:
    def __init__(self):
        self.cleaned = False

    def cleanup(self):
        self.cleaned = True
        return succeed(None)


class UdpTrackerSession(TrackerSession):
    def __init__(self):
        TrackerSession.__init__(self)
        self.clean_defer_list = []

    @inlineCallbacks
    def cleanup(self):
        yield super(UdpTrackerSession, self).cleanup()
        res = yield DeferredList(self.clean_defer_list)
        returnValue(res)


session = UdpTrackerSession()
first, second = Deferred(), Deferred()
session.clean_defer_list = [first, succeed("scrape done"), second]
d = session.cleanup()
print("base cleanup ran:", session.cleaned, "- waiting:", d.called)
second.callback("announce done")
first.callback("connect done")
print(d.result)


def check_stop_status(return_values):
    if isinstance(return_values, Failure):
        error = return_values.value
        print("stop failed: member", error.index, error.subFailure.getErrorMessage())
        return False
    print("stop status: ok", return_values)
    return True


@inlineCallbacks
def stop(results):
    success = yield gatherResults(list(results.values()), consumeErrors=True).addBoth(check_stop_status)
    returnValue(success)


r = []
stop({"endpoint": succeed(None), "database": succeed(None)}).addCallback(r.append)
bad = fail(OSError("database locked"))
stop({"endpoint": succeed(None), "database": bad}).addCallback(r.append)
print(r, bad.result)

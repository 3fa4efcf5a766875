# Tribler pattern P4 (APIImplementation/LaunchManyCore.py, early_shutdown):
# a long chain of conditional sequential yields, with try/except (a bare
# except) around one of them. The components' shutdowns complete when a
# hand-fired Deferred fires, or at once.
import sys
from twisted.internet.defer import Deferred, inlineCallbacks, succeed, fail


class Component:
    def __init__(self, name, pending):
        self.name = name
        self.pending = pending

    def shutdown(self):
        print("shutting down", self.name)
        d = Deferred()
        self.pending.append((self.name, d))
        return d


class Dispersy:
    def stop(self):
        print("stopping dispersy")
        return fail(RuntimeError("dispersy refused to stop"))


class LaunchManyCore:
    def __init__(self, pending):
        self.torrent_checker = Component("torrent checker", pending)
        self.tracker_manager = None
        self.video_server = Component("video server", pending)
        self.dispersy = Dispersy()

    @inlineCallbacks
    def early_shutdown(self):
        if self.torrent_checker:
            yield self.torrent_checker.shutdown()
        self.torrent_checker = None
        if self.tracker_manager:
            yield self.tracker_manager.shutdown()
        self.tracker_manager = None
        if self.video_server:
            yield self.video_server.shutdown()
        self.video_server = None

        try:
            success = yield self.dispersy.stop()
        except:
            print("print_exc():", sys.exc_info()[0].__name__, sys.exc_info()[1])
            success = False
        print("dispersy stopped:", success)
        return success


pending = []
core = LaunchManyCore(pending)
d = core.early_shutdown()
d.addCallback(lambda ok: print("early_shutdown finished, success =", ok))
while pending:
    name, waiting = pending.pop(0)
    print("  ", name, "is done")
    waiting.callback(None)
print("components left:", core.torrent_checker, core.video_server)

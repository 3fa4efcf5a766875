# Tribler pattern P6 (dispersy.py, Dispersy.stop): a nested @inlineCallbacks
# helper that loops over yields, called in a loop over classifications.
from twisted.internet.defer import Deferred, inlineCallbacks, succeed

unload_order = []
pending = []


class Community:
    def __init__(self, cid, classification, slow=False):
        self.cid = cid
        self.classification = classification
        self.slow = slow

    def get_classification(self):
        return self.classification

    def unload_community(self):
        unload_order.append(self.cid)
        if self.slow:
            d = Deferred()
            pending.append(d)
            return d
        return succeed(None)


class Dispersy:
    def __init__(self, communities, auto_load):
        self._communities = dict((c.cid, c) for c in communities)
        self._auto_load_communities = auto_load

    @inlineCallbacks
    def stop(self):
        @inlineCallbacks
        def unload_communities(communities):
            for community in communities:
                if community.cid in self._communities:
                    yield community.unload_community()
                    del self._communities[community.cid]

        for classification in reversed(self._auto_load_communities):
            yield unload_communities([c for c in list(self._communities.values())
                                      if c.get_classification() == classification])
        print("stopped, communities left:", len(self._communities))
        return True


dispersy = Dispersy([Community("a1", "alpha"), Community("b1", "beta", slow=True),
                     Community("a2", "alpha"), Community("b2", "beta")],
                    ["alpha", "beta"])
d = dispersy.stop()
print("unloaded so far:", unload_order, d.called)
while pending:
    pending.pop(0).callback(None)
print("unloaded:", unload_order, d.result)

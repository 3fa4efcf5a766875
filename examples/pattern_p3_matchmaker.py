# Tribler pattern P3 (community/market/community.py, get_online_matchmaker):
# returnValue from an if/else inside `while True`, and otherwise park on a
# Deferred that another method fires later. Pings answer at once here; the
# original's random.sample picks the first candidate instead, so the
# output is deterministic.
from twisted.internet.defer import Deferred, inlineCallbacks, returnValue, succeed


class MarketCommunity:
    def __init__(self, matchmakers, online):
        self.matchmakers = list(matchmakers)
        self.online = set(online)
        self.pending_matchmaker_deferreds = []

    def ping_peer(self, peer):
        print("ping", peer)
        return succeed(peer in self.online)

    @inlineCallbacks
    def get_online_matchmaker(self):
        while True:
            if not self.matchmakers:
                break
            random_matchmaker = self.matchmakers[0]
            online = yield self.ping_peer(random_matchmaker)
            if not online:
                self.matchmakers.remove(random_matchmaker)
            else:
                returnValue(random_matchmaker)
        matchmaker_deferred = Deferred()
        self.pending_matchmaker_deferreds.append(matchmaker_deferred)
        matchmaker = yield matchmaker_deferred
        returnValue(matchmaker)

    def on_introduction_response(self, peer):
        print("introduction from", peer)
        self.matchmakers.append(peer)
        for deferred in self.pending_matchmaker_deferreds:
            deferred.callback(peer)
        self.pending_matchmaker_deferreds = []


def got(matchmaker):
    print("matchmaker:", matchmaker)


market = MarketCommunity(["peer-a", "peer-b", "peer-c"], online=["peer-b"])
market.get_online_matchmaker().addCallback(got)

market = MarketCommunity(["peer-x"], online=[])
d1 = market.get_online_matchmaker().addCallback(got)
d2 = market.get_online_matchmaker().addCallback(got)
print("parked:", len(market.pending_matchmaker_deferreds), d1.called, d2.called)
market.on_introduction_response("peer-z")
print("parked:", len(market.pending_matchmaker_deferreds))

# Tribler pattern P8: collecting yielded results in loops
# (test_tunnel_base.py setup_nodes / create_proxy), tuple-unpacking a yield
# (test_community.py: node, other = yield self.create_nodes(2)), and a
# parenthesised yield used as a call argument (LaunchManyCore.py,
# update_download_hops).
from twisted.internet.defer import inlineCallbacks, returnValue, succeed


class Session:
    def __init__(self, n):
        self.n = n


class TunnelTest:
    def __init__(self):
        self.tunnel_communities = []

    def load_tunnel_community_in_session(self, session, exitnode=False):
        return ("tunnel", session.n, exitnode)

    @inlineCallbacks
    def create_proxy(self, index, exitnode=False):
        session = yield succeed(Session(index))
        returnValue(self.load_tunnel_community_in_session(session, exitnode=exitnode))

    @inlineCallbacks
    def setup_nodes(self, a, b):
        for i in range(a, b):
            proxy = yield self.create_proxy(i)
            self.tunnel_communities.append(proxy)
        exit_proxy = yield self.create_proxy(b, exitnode=True)
        self.tunnel_communities.append(exit_proxy)

    @inlineCallbacks
    def create_nodes(self, count):
        nodes = []
        for i in range(count):
            node = yield succeed("node%d" % i)
            nodes.append(node)
        returnValue(nodes)

    @inlineCallbacks
    def test_pair(self):
        node, other = yield self.create_nodes(2)
        print("pair:", node, other)


class PersistentState:
    def __init__(self):
        self.values = {}

    def set(self, section, option, value):
        self.values[(section, option)] = value


class Download:
    def save_resume_data(self):
        return succeed({"pieces": 3, "hops": 1})


@inlineCallbacks
def update_download_hops(download, pstate):
    pstate.set('state', 'engineresumedata', (yield download.save_resume_data()))
    print("saved:", pstate.values)


t = TunnelTest()
t.setup_nodes(1, 4)
print(t.tunnel_communities)
t.test_pair()
update_download_hops(Download(), PersistentState())

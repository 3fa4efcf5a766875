# Tribler pattern P2 (Dispersy tests/debugcommunity/node.py,
# receive_messages): a bounded retry loop that polls, breaks out early, waits
# a little between tries, then returnValue(messages). The wait used
# deferLater(reactor, 0.005, ...); here a hand-driven clock stands in for
# the reactor so the program needs no event loop.
from twisted.internet.defer import Deferred, inlineCallbacks, returnValue


class HandClock:
    """Runs delayed calls when advanced, as task.Clock does."""

    def __init__(self):
        self.now = 0.0
        self.calls = []

    def callLater(self, delay, f, *args):
        self.calls.append((self.now + delay, f, args))

    def advance(self, dt):
        self.now += dt
        due = [c for c in self.calls if c[0] <= self.now]
        self.calls = [c for c in self.calls if c[0] > self.now]
        for _, f, args in due:
            f(*args)


def deferLater(clock, delay, f, *args):
    d = Deferred()
    d.addCallback(lambda ignored: f(*args))
    clock.callLater(delay, d.callback, None)
    return d


class DebugNode:
    def __init__(self, clock, inbox):
        self.clock = clock
        self.inbox = inbox      # one list of messages per poll

    def receive_message(self, addresses=None, names=None, timeout=0.5):
        batch = self.inbox.pop(0) if self.inbox else []
        for message in batch:
            yield message

    @inlineCallbacks
    def receive_messages(self, addresses=None, names=None, return_after=2, timeout=0.5):
        messages = []
        for _ in range(5):
            for message_tuple in self.receive_message(addresses, names, timeout):
                messages.append(message_tuple)
                if len(messages) == return_after:
                    break
            if messages:
                break
            else:
                # Wait for a bit and try again
                yield deferLater(self.clock, 0.005, lambda: None)

        returnValue(messages)


clock = HandClock()
node = DebugNode(clock, [[], [], [("candidate", "introduction-request"), ("candidate", "puncture")]])
results = []
node.receive_messages().addCallback(results.append)
polls = 0
while not results:
    clock.advance(0.005)
    polls += 1
print("after", polls, "waits:", results[0])

# Nothing ever arrives: five tries, then an empty result.
node = DebugNode(clock, [])
results = []
node.receive_messages().addCallback(results.append)
while not results:
    clock.advance(0.005)
print("gave up with", results[0], "at t=%.3f" % clock.now)

# The tutorial's snippet S3 with its lost `@inlineCallbacks` line restored,
# made whole without a reactor: the Deferred the generator waits on is
# fired by hand, where the tutorial's program would let the reactor fire
# it (reactor.callLater(0.1, some_deferred_object.callback, None)).
from twisted.internet.defer import Deferred, inlineCallbacks

some_deferred_object = Deferred()


@inlineCallbacks
def some_function():
    # Wait for some_deferred_object to be called
    yield some_deferred_object
    # The some_deferred_object event has happened now


d = some_function()
print("some_function() returned a Deferred:", isinstance(d, Deferred))
print("fired yet:", d.called)
d.addCallback(lambda result: print("some_function's Deferred fired with", result))

# The event happens: the generator resumes inside this call and finishes.
# The value the event carried is thrown away: some_function returns None.
some_deferred_object.callback("the event's value")
print("fired now:", d.called)

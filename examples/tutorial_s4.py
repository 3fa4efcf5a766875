# The tutorial's snippet S4 with its lost `@inlineCallbacks` line restored,
# made whole without a reactor (the Deferred is fired by hand). The snippet
# is Python 2 (`print value`); this file spells it print(value), which both
# CPython 3 and weft run.
from twisted.internet.defer import Deferred, inlineCallbacks

some_deferred_object = Deferred()


@inlineCallbacks
def some_function():
    # Wait for some_deferred_object to produce a value
    value = yield some_deferred_object
    # Now we can continue our control flow
    print(value)


some_function()
print("waiting for the value...")
some_deferred_object.callback(42)
print("done")

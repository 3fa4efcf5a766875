# The tutorial's snippet S5 with its lost `@inlineCallbacks` decorator and
# `returnValue(value)` line restored, made whole without a reactor (the
# Deferred is fired by hand). returnValue raises _DefGen_Return, so no code
# after it runs; from Python 3.3 on a plain `return value` does the same.
from twisted.internet.defer import Deferred, inlineCallbacks, returnValue

some_deferred_object = Deferred()


@inlineCallbacks
def some_function():
    value = yield some_deferred_object
    returnValue(value)


def show(result):
    print("result:", result)


some_function().addCallback(show)
some_deferred_object.callback("hello")


# The same with `return value`.
another_deferred_object = Deferred()


@inlineCallbacks
def some_other_function():
    value = yield another_deferred_object
    return value


some_other_function().addCallback(show)
another_deferred_object.callback("hello again")

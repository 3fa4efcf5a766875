# twisted.internet.error: the reactor and connection errors, with their
# MESSAGE-based str.
from twisted.internet import error
print(str(error.AlreadyCalled()), str(error.AlreadyCalled("x", "y")))
print(str(error.AlreadyCancelled()))
print(str(error.ConnectionDone()), str(error.ConnectionLost()), str(error.ConnectionLost("because")))
print(str(error.ConnectError()), str(error.ConnectError(string="s")), str(error.ConnectError("os", "s")))
print(str(error.ConnectionRefusedError()), str(error.TimeoutError()))
print(isinstance(error.AlreadyCalled(), ValueError), issubclass(error.ConnectionDone, error.ConnectionClosed))
print(repr(error.ReactorNotRunning("Can't stop reactor that isn't running.")))
print(error.ReactorNotRestartable.__mro__[1], error.AlreadyCalled.__module__)
try:
    raise error.AlreadyCalled()
except ValueError as e:
    print("caught", type(e).__name__)

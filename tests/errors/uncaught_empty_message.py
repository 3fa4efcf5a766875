# An exception whose message is empty prints the type name alone.
def f():
    raise KeyError()
try:
    f()
except KeyError as e:
    print("caught", repr(e))
raise ValueError("")

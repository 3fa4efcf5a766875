# An exception thrown into a generator that does not catch it: the
# traceback shows the throw() call and the yield where it was raised.

def worker():
    print("working")
    yield "paused"
    print("not reached")


w = worker()
print(next(w))
w.throw(KeyError("thrown in"))

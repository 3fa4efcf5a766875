# A thrown exception caught by the generator, which raises another: the
# traceback shows both, chained.

def worker():
    try:
        yield "paused"
    except KeyError as e:
        raise ValueError("converted %s" % e)


w = worker()
next(w)
w.throw(KeyError("k"))

# A generator resuming itself: ValueError, uncaught.

def gen():
    yield next(me)


me = gen()
next(me)

# A generator whose frame holds an exception (and its traceback, which
# refers back to the frame) is still finalized at once when dropped.

def gen():
    try:
        raise KeyError("held")
    except KeyError as e:
        saved = e
    try:
        yield saved
    finally:
        print("finally with saved", repr(saved))


g = gen()
e = next(g)
print("got", repr(e))
del g
print("after del")
del e
print("end")

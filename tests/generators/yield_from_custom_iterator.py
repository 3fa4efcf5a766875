# yield from over an iterator class that has send/throw/close: PEP 380 calls
# them.  The number of arguments throw() receives follows CPython 3.11.

class Proto:
    def __init__(self, name):
        self.name = name
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        print("%s.__next__ -> %d" % (self.name, self.n))
        if self.n > 3:
            raise StopIteration("next-done")
        return self.n

    def send(self, v):
        print("%s.send(%r)" % (self.name, v))
        if v == "stop":
            raise StopIteration("send-done")
        return "sent:%s" % (v,)

    def throw(self, *args):
        print("%s.throw with %d args: %s" % (self.name, len(args),
              [type(a).__name__ for a in args]))
        exc = args[0]
        if len(args) > 1 and isinstance(args[1], BaseException):
            exc = args[1]
        elif isinstance(exc, type):
            exc = exc(*args[1:2]) if len(args) > 1 and args[1] is not None else exc()
        if isinstance(exc, KeyError):
            return "recovered"
        if isinstance(exc, IndexError):
            raise StopIteration("throw-done")
        raise exc

    def close(self):
        print("%s.close()" % (self.name,))


def deleg(name):
    r = yield from Proto(name)
    print("deleg got", repr(r))
    yield "deleg after"


g = deleg("A")
print(next(g))
print(g.send(None))      # send(None) goes to __next__
print(g.send("hello"))   # non-None goes to send()
print(g.send("stop"))    # send raises StopIteration: its value is the result

g = deleg("B")
next(g)
print(g.throw(KeyError))          # throw() returns a value: yielded
print(g.throw(KeyError("k")))
print(g.throw(KeyError, "v"))
print(g.throw(IndexError))        # StopIteration from throw ends the yield from

g = deleg("C")
next(g)
try:
    g.throw(ValueError("bad"))
except ValueError as e:
    print("ValueError propagated", e)

g = deleg("D")
next(g)
g.close()
print("closed D")

g = deleg("E")
next(g)
next(g)
next(g)
print(next(g))    # __next__ raises StopIteration("next-done")


class CloseRaises(Proto):
    def close(self):
        print("close raising")
        raise OSError("close failed")


def deleg2():
    yield from CloseRaises("F")


g = deleg2()
next(g)
try:
    g.close()
except OSError as e:
    print("OSError", e)


class CloseReturns(Proto):
    def close(self):
        return "ignored"


def deleg3():
    try:
        yield from CloseReturns("G")
    finally:
        print("deleg3 finally")


g = deleg3()
next(g)
print(g.close())

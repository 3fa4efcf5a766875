# Exception instances: args, str, repr, and use as ordinary values.
errs = [ValueError(), ValueError("msg"), ValueError("a", 1), KeyError("k"),
        KeyError(), IndexError(3), RuntimeError(None), ZeroDivisionError("z")]
for e in errs:
    print(repr(e), "|", str(e), "|", e.args)
e = OverflowError("too big")
print(type(e).__name__, isinstance(e, ArithmeticError), e.args[0])
saved = []
for i in range(3):
    try:
        if i == 1:
            raise IndexError(i)
    except IndexError as err:
        saved.append(err)
print(saved, saved[0].args)
print(SystemExit(3).code, SystemExit().code, StopIteration(7).value)
print(str(KeyError("a b")), str(KeyError(1)), str(KeyError("a", "b")))

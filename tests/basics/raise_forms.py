# raise with a class, an instance, re-raise, raise from, and exception attributes.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("one", 2)
except ValueError as e:
    print(repr(e), e.args, str(e))
try:
    raise KeyError("key")
except KeyError as e:
    print(str(e), repr(e))
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling, then re-raising")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("re-raised:", e)
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| context is cause:", e.__context__ is e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
err = TypeError("made earlier")
try:
    raise err
except TypeError as e:
    print(e is err)
try:
    raise Exception("plain Exception")
except Exception as e:
    print(type(e).__name__, e)
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print("NotImplementedError is a RuntimeError:", e)
try:
    raise StopIteration
except StopIteration as e:
    print("StopIteration", repr(e))

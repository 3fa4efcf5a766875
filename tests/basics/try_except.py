# try / except with as, tuples of types, bare except, and handler order.
def attempt(f):
    try:
        f()
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__ + ": " + str(e)
    except ValueError:
        return "ValueError without as"
    except:
        return "bare except"
    return "no exception"
print(attempt(lambda: 1 / 0))
print(attempt(lambda: {}["k"]))
print(attempt(lambda: [][1]))
print(attempt(lambda: int("x")))
print(attempt(lambda: undefined_name))
print(attempt(lambda: None))
try:
    [1, 2][5]
except LookupError as e:
    print("caught by base class LookupError:", type(e).__name__)
try:
    1 // 0
except ArithmeticError as e:
    print("caught by ArithmeticError:", e)
try:
    raise ValueError("bad value")
except Exception as e:
    print("caught by Exception:", type(e).__name__, e)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("not this one")
except TypeError as e:
    print("outer handler got", e)
e = "before"
try:
    raise KeyError("k")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)

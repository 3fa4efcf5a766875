# bool and None: truthiness, arithmetic, repr, comparisons with is.
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"))
print(bool([]), bool([0]), bool(()), bool({}), bool({0: 0}), bool(None))
print(bool(range(0)), bool(range(1)))
print(True and 1, 0 or "x", None or 0, [] and 1)
print(not None, not 0, not "s")
print(True == 1, False == 0, True is True, None is None)
print(isinstance(True, int), isinstance(1, bool))
print(str(True), repr(False), str(None))
print(True + 1, True * 3.0, -True)
print(None == None, None != 0, None is not False)
def f():
    pass
print(f())
print(type(f()).__name__)

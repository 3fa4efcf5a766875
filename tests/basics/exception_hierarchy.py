# The built-in exception hierarchy as seen through except clauses.
def caught_by(exc, classes):
    names = []
    for cls in classes:
        try:
            raise exc
        except cls:
            names.append(cls.__name__)
        except BaseException:
            pass
    return names
everything = [BaseException, Exception, ArithmeticError, LookupError,
              RuntimeError, ZeroDivisionError, OverflowError, IndexError,
              KeyError, ValueError, TypeError, NameError, UnboundLocalError,
              AttributeError, AssertionError, RecursionError,
              NotImplementedError, StopIteration, KeyboardInterrupt,
              SystemExit, MemoryError]
for exc in everything:
    print(exc.__name__, "->", caught_by(exc, everything))
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(KeyError(), Exception))
print(isinstance(SystemExit(), Exception), isinstance(KeyboardInterrupt(), BaseException))

# User exceptions: subclassing built-ins, args, str, repr, chaining
class AppError(Exception):
    pass


class NotFound(AppError, KeyError):
    pass


class WithInit(ValueError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg

    def __str__(self):
        return "[%d] %s" % (self.code, self.msg)


class Quiet(Exception):
    def __init__(self, what):
        self.what = what


for e in [AppError(), AppError("x"), AppError("x", 2), NotFound("k"), WithInit(404, "missing"), Quiet("w")]:
    print(type(e).__name__, e.args, "[%s]" % str(e), repr(e))

try:
    raise NotFound("key")
except KeyError as e:
    print("caught as KeyError:", repr(e), e.args)

try:
    raise WithInit(500, "boom")
except ValueError as e:
    print("caught:", e, e.code, e.msg, isinstance(e, Exception), isinstance(e, AppError))

print(NotFound.__mro__[1:3] == (AppError, KeyError))
print([c.__name__ for c in NotFound.__mro__])
print(issubclass(NotFound, LookupError), issubclass(AppError, BaseException))

try:
    try:
        raise AppError("inner")
    except AppError as e:
        raise WithInit(1, "outer") from e
except WithInit as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        {}["a"]
    except KeyError:
        raise AppError("while handling")
except AppError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise AppError("no context") from None
except AppError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

e = AppError("a")
print(e.__traceback__, e.__cause__, e.__context__)
e2 = e.with_traceback(None)
print(e2 is e)


def thrower():
    raise AppError("tb")


try:
    thrower()
except AppError as ex:
    tb = ex.__traceback__
    print(type(tb).__name__, tb is not None)

# attributes on exceptions
err = AppError("m")
err.extra = 5
print(err.extra, err.args)
err.args = ("changed",)
print(str(err), repr(err))

# exception hierarchy of user classes
class Base(Exception):
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


for cls in (Base, Mid, Leaf):
    try:
        raise cls("x")
    except Leaf:
        print("Leaf handler")
    except Mid:
        print("Mid handler")
    except Base:
        print("Base handler")

try:
    raise Leaf
except (ValueError, Mid) as e:
    print("tuple match", type(e).__name__, e.args)

# BaseException subclasses escape `except Exception`
class Stop(BaseException):
    pass


try:
    try:
        raise Stop("s")
    except Exception:
        print("wrong")
except BaseException as e:
    print("BaseException caught", repr(e))


# exceptions with keyword args and defaults
class Custom(Exception):
    def __init__(self, message="default message", *, code=0):
        super().__init__(message)
        self.code = code


try:
    raise Custom(code=3)
except Custom as e:
    print(e, e.code, e.args)


# raising a non-exception class
class NotAnException:
    pass


try:
    raise NotAnException()
except TypeError as e:
    print(e)
try:
    raise NotAnException
except TypeError as e:
    print(e)

# str of exceptions with one arg, no args, several
print(str(OSError("x")), str(KeyError("k")), str(KeyError()), str(Exception(1, 2)))


class StopIt(StopIteration):
    pass


def gen():
    yield 1
    raise StopIt


try:
    for x in gen():
        print(x)
except RuntimeError as e:
    print("RuntimeError:", e)

# yield inside try/except/else/finally blocks.

def pep255():
    try:
        yield 1
        try:
            yield 2
            1 // 0
            yield 3  # never get here
        except ZeroDivisionError:
            yield 4
            yield 5
            raise
        except:
            yield 6
        yield 7     # the "raise" above stops this
    except:
        yield 8
    yield 9
    try:
        x = 12
    finally:
        yield 10
    yield 11


print(list(pep255()))


def try_else():
    try:
        yield "try"
    except ValueError:
        yield "except"
    else:
        yield "else"
    finally:
        yield "finally"
    yield "after"


print(list(try_else()))
g = try_else()
print(next(g))
print(g.throw(ValueError))
print(next(g))
print(next(g))


def finally_runs_on_return():
    try:
        yield 1
        return "early"
    finally:
        print("cleanup")


g = finally_runs_on_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)


def return_in_try_yield_in_finally():
    try:
        return
    finally:
        yield 1


print(list(return_in_try_yield_in_finally()))


def return_vs_raise():
    try:
        return
    except:
        yield 1


print(list(return_vs_raise()))


def catch_raised_stopiteration():
    try:
        raise StopIteration
    except:
        yield 42


print(list(catch_raised_stopiteration()))


def nested():
    try:
        try:
            yield 12
            1 // 0
        except ZeroDivisionError:
            yield 666
        except:
            try:
                x = 12
            finally:
                yield 12
    except:
        return


print(list(nested()))


def exc_var_cleared():
    try:
        raise KeyError("k")
    except KeyError as e:
        yield repr(e)
    try:
        e
    except NameError as ne:
        yield "NameError: " + str(ne)


print(list(exc_var_cleared()))


def except_yields_then_reraises():
    try:
        raise ValueError("orig")
    except ValueError:
        yield "in handler"
        raise


g = except_yields_then_reraises()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("re-raised", e)


def finally_with_exception_pending():
    try:
        yield "body"
        raise KeyError("pending")
    finally:
        yield "finally sees pending"


g = finally_with_exception_pending()
print(next(g))
print(next(g))
try:
    next(g)
except KeyError as e:
    print("KeyError", e)

# `raise ... from None` hides the context; a cause set later still prints
class E1(Exception):
    pass


try:
    try:
        [][1]
    except IndexError:
        raise E1("hidden context") from None
except E1 as e:
    print(e.__suppress_context__, repr(e.__context__))

try:
    {}["k"]
except KeyError:
    raise E1("visible")

"""Helper module for the import tests."""
print("running _mod_a as", __name__)
VALUE = 42
_private = "hidden"


def double(x):
    return 2 * x


class Thing:
    def __repr__(self):
        return "Thing from " + __name__


def where():
    return __name__

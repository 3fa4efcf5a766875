# raise ... from ...: the cause is printed first with "direct cause".
def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as e:
        raise RuntimeError("cannot load " + key) from e

load("a")
load("b")

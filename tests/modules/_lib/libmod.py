LIB = "libmod"


def fail():
    raise KeyError("from libmod")

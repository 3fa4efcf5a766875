print("init _pkg._deep._leaf")
LEAF = "leaf"


def name():
    return __name__

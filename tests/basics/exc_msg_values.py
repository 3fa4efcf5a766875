# Messages of conversions, iteration, subscripting and formatting.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
nothing, five = None, 5
show(lambda: int("12x"))
show(lambda: float("abc"))
show(lambda: nothing[0])
show(lambda: five[0])
show(lambda: list(1))
show(lambda: dict([1, 2]))
show(lambda: tuple(None))
show(lambda: sum(["a", "b"]))
show(lambda: "%d" % "x")
show(lambda: "{}{}".format(1))
show(lambda: "{:d}".format("s"))
show(lambda: [1, 2, 3][1:2:0])
def unpack_short():
    x, y, z = [1, 2]
def unpack_long():
    x, y = [1, 2, 3]
def unpack_none():
    x, y = None
show(unpack_short)
show(unpack_long)
show(unpack_none)

# Messages of operators applied to the wrong types.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (1,))
show(lambda: 1 - "a")
show(lambda: "a" * "b")
show(lambda: 2 ** "x")
show(lambda: -"s")
show(lambda: 1 < "a")
show(lambda: [] > 0)
show(lambda: {}[[]])
show(lambda: "a" in 5)

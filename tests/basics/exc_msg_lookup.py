# Messages of lookup errors on lists, tuples, strings and dicts.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
show(lambda: [1][3])
show(lambda: (1,)[3])
show(lambda: "abc"[3])
show(lambda: {"a": 1}["b"])
show(lambda: {1: 1}[2])
show(lambda: {}.pop("k"))
show(lambda: [].pop())
show(lambda: [1, 2].index(9))
show(lambda: "x".index("y"))

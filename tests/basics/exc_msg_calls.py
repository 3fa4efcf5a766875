# Messages of calls with wrong arguments or to non-callables.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
def two(a, b):
    return a + b
def kwo(*, k):
    return k
nothing, five = None, 5
show(lambda: two(1))
show(lambda: two())
show(lambda: two(1, 2, 3))
show(lambda: two(1, c=2))
show(lambda: two(1, a=2))
show(lambda: kwo())
show(lambda: kwo(1))
show(lambda: len(5))
show(lambda: nothing())
show(lambda: five(1))
show(lambda: max())
show(lambda: ord(""))
show(lambda: range(1.5))

# Messages of arithmetic errors.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: divmod(1, 0))
show(lambda: 10 ** 400 * 1.0)
show(lambda: int(float("inf")))
show(lambda: int(float("nan")))

# Which line a traceback names for an unbound local read right after
# another local access on an earlier line (the loop fuses such pairs only
# within one line), and the fused forms themselves.

def two_loads():
    a = 1
    print(a,
          b)
    b = 2


def store_then_load():
    x = 1
    print(y)
    y = 2


def store_then_load_same_line():
    x = 1; print(x, z)
    z = 3


def returns_unbound():
    if False:
        w = 1
    return w


def fused_ok(n):
    r = n % 3
    if r == 0:
        return r
    q = r
    return q


for fn in (two_loads, store_then_load, store_then_load_same_line, returns_unbound):
    try:
        fn()
    except UnboundLocalError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(fn.__name__, tb.tb_lineno, e)
print([fused_ok(i) for i in range(6)])
returns_unbound()

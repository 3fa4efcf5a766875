# A yield expression is not an assignment target.
def f():
    (yield bar) = y

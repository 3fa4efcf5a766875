# global and nonlocal rebinding, shadowing, and reading globals.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_new_global():
    global created
    created = "made inside"
make_new_global()
print(created)
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x
print(outer())
def counter_factory():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter_factory()
c2 = counter_factory()
print(c1(), c1(), c1(), c2())
g = "global"
def shadow():
    g = "local"
    return g
print(shadow(), g)
def reads():
    return g + "!"
print(reads())
def deep():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
        return a
    return mid()
print(deep())
def two():
    global p, q
    p, q = 1, 2
two()
print(p, q)

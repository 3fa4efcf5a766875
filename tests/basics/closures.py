# Closures capture variables (cells), not values; late binding in loops.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))
def make_multipliers():
    return [lambda x: x * i for i in range(3)]
print([m(10) for m in make_multipliers()])
def make_multipliers_bound():
    return [lambda x, i=i: x * i for i in range(3)]
print([m(10) for m in make_multipliers_bound()])
def outer():
    v = 1
    def get():
        return v
    v = 2
    return get
print(outer()())
def accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def view():
        return list(items)
    return add, view
add, view = accumulator()
add("a"); add("b")
print(view())
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def three_levels(a):
    def two(b):
        def one(c):
            return a + b + c
        return one
    return two
print(three_levels(1)(20)(300))

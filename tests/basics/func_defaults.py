# Default values, evaluated once at def time; keyword arguments by name.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
n = 10
def show(v=n):
    return v
n = 20
print(show())
def none_default(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(none_default(1), none_default(2))
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, c=9), f(a=5), f(1, 2, 3))

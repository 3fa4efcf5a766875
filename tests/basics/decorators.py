# Function decorators: plain, with arguments, stacked, any expression.
def shout(f):
    def wrapper(*args, **kw):
        return f(*args, **kw).upper()
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("ann"))
def repeat(n):
    def deco(f):
        def wrapper(x):
            return [f(x) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def inc(x):
    return x + 1
print(inc(1))
calls = []
def trace(label):
    def deco(f):
        calls.append("decorate " + label)
        def wrapper(*a):
            calls.append("call " + label)
            return f(*a)
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def add(a, b):
    return a + b
print(add(2, 3))
print(calls)
registry = {}
@registry.setdefault("deco", lambda f: f)
def plain():
    return "plain"
print(plain())
decos = [shout]
@decos[0]
def idx():
    return "via subscript"
print(idx())

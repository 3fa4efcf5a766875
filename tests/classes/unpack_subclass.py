# Unpacking a list or tuple subclass iterates it when it overrides __iter__.
class L(list):
    def __iter__(self):
        yield "a"
        yield "b"
class T(tuple):
    def __iter__(self):
        return iter(("x", "y"))
a, b = L([1, 2])
print(a, b)
c, d = T((1, 2))
print(c, d)
e, f = L([3, 4]) if False else [5, 6]
print(e, f)
class L2(list):
    pass
g, h = L2([7, 8])
print(g, h)
try:
    i, j = L([1, 2, 3])
except ValueError as ex:
    print(ex)
x, *y = L([9])
print(x, y)

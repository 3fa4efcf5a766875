# del on names, list items, slices, dict keys, and several targets at once.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
print(lst)
del lst[2:5]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
a, b = 1, 2
del a, b
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())

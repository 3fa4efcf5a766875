# globals() and locals() (and vars() without an argument) in each kind of scope.
x = 1
print(sorted(k for k in globals() if not k.startswith("__")), locals() is globals(), vars() is globals())

def f(a, b=2, *rest, **kw):
    c = a + b
    def inner():
        return c
    d = locals()
    d["zzz"] = 1
    return sorted((k, v) for k, v in d.items() if k != "inner"), "zzz" in locals(), "inner" in d, inner()

print(f(1))
print(f(1, 3, 4, k=5))

class K:
    y = 2
    z = sorted(k for k in locals() if not k.startswith("__"))
    w = vars() is locals()
print(K.z, K.w)

def g():
    global newname
    globals()["newname"] = "made through globals()"
    return newname
print(g(), newname)

def h():
    if False:
        unbound = 1
    return locals()
print(h())
try:
    globals(1)
except TypeError as e:
    print(e)

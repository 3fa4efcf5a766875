x = "\xff\u00e9 é €" + 0x_1F + 1_0.5e-3
# comment
y = [1,\
 2]
def f(a, /, b): pass

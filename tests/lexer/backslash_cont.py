# Backslash continuation joins physical lines, also inside expressions.
x = 1 + \
    2 + \
    3
print(x)
if x > 1 and \
   x < 10:
    print("yes")
s = "abc" \
    "def"
print(s)
y = \
7
print(y)
def f(a, \
      b):
    return a \
        * b
print(f(6, 7))

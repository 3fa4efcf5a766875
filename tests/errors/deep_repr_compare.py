# repr and == of 200,000-deep nested lists raise RecursionError, never overflow the C stack.
l = []
for i in range(200000):
    l = [l]
try:
    print(len(repr(l)))
except RecursionError:
    print("RecursionError")
a = []; b = []
for i in range(200000):
    a = [a]; b = [b]
try:
    print(a == b)
except RecursionError:
    print("RecursionError")

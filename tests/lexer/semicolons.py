# Several simple statements on one line, and one-line compound statements.
a = 1; b = 2; print(a + b)
if a: print("one-line if")
for i in range(3): print(i, end=" ")
print()
while b > 0: b -= 1
print(b)
def f(): return "one-line def"
print(f())
x = 5;
print(x);

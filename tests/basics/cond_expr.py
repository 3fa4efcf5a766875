# Conditional expressions, nested and inside other expressions.
for n in range(-1, 3):
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
x = 5
y = (x * 2 if x > 3 else x / 2) + 1
print(y)
print([i if i % 2 else -i for i in range(5)])
f = lambda v: "big" if v > 10 else "small"
print(f(11), f(1))
print(1 if True else 1 / 0)

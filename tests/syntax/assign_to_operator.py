# Assignment to an expression.
x = 1
x + 1 = 2

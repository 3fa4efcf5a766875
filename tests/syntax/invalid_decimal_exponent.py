# An exponent with no digits.
x = 3e

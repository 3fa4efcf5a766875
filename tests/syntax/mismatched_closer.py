# Closing a bracket with a parenthesis.
x = [1, 2, 3)

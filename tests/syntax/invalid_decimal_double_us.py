# Two underscores in a row in a decimal literal.
x = 1__0

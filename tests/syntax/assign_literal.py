# Assignment to a literal in a chain.
x = 1 = 2

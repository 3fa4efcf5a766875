# An error inside a generator expression: the <genexpr> frame appears.

values = [1, 2, 0, 4]
print(sum(10 // v for v in values))

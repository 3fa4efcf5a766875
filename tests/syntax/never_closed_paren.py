# An unclosed parenthesis at end of file.
print("a")
print((1, 2)

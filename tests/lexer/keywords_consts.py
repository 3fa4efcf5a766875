# The constant keywords and names that merely look like keywords.
print(True, False, None)
print(type(True).__name__, type(None).__name__)
print(True + True, False * 3)
True_ = 1
none = 2
Print = print
Print(True_, none)
iff = "ident with keyword prefix"
print(iff)

# Adjacent string literals join at compile time, across lines in brackets.
print("abc" "def")
print('a' "b" '''c''' """d""")
s = ("one "
     "two "
     'three')
print(s)
x = 5
print("x=" f"{x}" r"\n")
print(("a"
       # a comment between pieces
       "b"))

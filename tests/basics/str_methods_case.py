# upper, lower, title, capitalize, swapcase, and the is* predicates (ASCII).
s = "hello World 42"
print(s.upper(), s.lower(), s.title(), s.capitalize())
print("they're bill's".title(), "mIxEd".capitalize(), "".capitalize(), "123abc".title())
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "-1".isdigit())
print("abc".isalpha(), "ab1".isalpha(), "ab1".isalnum(), "a b".isalnum())
print("  \t\n".isspace(), "".isspace(), " a ".isspace())
print("abc".islower(), "aBc".islower(), "ABC".isupper(), "A1".isupper(), "1".isupper())
print("123".isdecimal(), "123".isnumeric(), "1.5".isnumeric())
print("Title Case".istitle(), "not Title".istitle())
print("ascii".isascii(), "ab_1".isidentifier(), "1ab".isidentifier())
print("Hello".swapcase())

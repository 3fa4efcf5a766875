# Case mapping and character classes beyond ASCII (from the Unicode tables).
print("ÉCOLE".lower(), "école".upper(), "ñandú".title(), "éa".capitalize())
print("straße".upper(), "ǅ".lower())
print("²".isdigit(), "²".isdecimal(), "½".isnumeric(), "½".isdigit())
print("٣".isdigit(), "٣".isdecimal(), int("٣"))
print("日本".isalpha(), "é".isalpha(), "é".isascii(), "\u00a0".isspace())
print("Ω".islower(), "ω".islower(), "Ωmega".istitle())
print(len("straße".upper()), "ß".lower(), "İ".lower() == "i̇")

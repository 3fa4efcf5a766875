# find, rfind, index, count, startswith, endswith, replace, in.
s = "hello world, hello weft"
print(s.find("hello"), s.find("hello", 1), s.find("nope"), s.find("o", 5, 8))
print(s.rfind("hello"), s.rfind("o"), s.rfind("zz"))
print(s.index("world"), s.count("hello"), s.count("l"), s.count(""), "aaaa".count("aa"))
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")))
print(s.endswith("weft"), s.endswith("hello", 0, 5), s.endswith(("a", "t")))
print(s.replace("hello", "bye"), s.replace("l", "L", 2), "aaa".replace("a", ""))
print("abc".replace("", "-"))
try:
    s.index("missing")
except ValueError as e:
    print("ValueError:", e)
print("".find(""), "abc".find(""), "abc".rfind(""))

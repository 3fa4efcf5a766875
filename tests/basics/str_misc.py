# str(), repr(), comparisons, ord/chr, conversions and string escapes in repr.
print(str(42), str(-1.5), str("s"), str([1, "a"]), str((1,)), str({}))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\n\t\\"), repr("\x00\x1f\x7f"))
print(repr("é"), repr("\u200b"), repr("日本"))
print(ord("A"), ord("€"), chr(65), chr(8364), chr(128512))
print(min("hello"), max("hello"), sorted("hello"), list("abc"))
print("abc" < "abd" < "b", "a" * 3 == "aaa")
print(int("12") + 1, float("1.25") * 2, str(1) * 3)
print("Hello %s" % "there")
x = "immutable"
y = x.upper()
print(x, y)
print("".join(reversed("stressed")))

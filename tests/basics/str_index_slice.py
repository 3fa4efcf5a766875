# str indexing, slicing with steps and negative indices, iteration, immutability.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-7])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[5:2], s[100:], s[-100:2], s[3:3], repr(s[10:]))
print(len(s), len(""), len("é"))
print([c for c in "xyz"])
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
print("ab" * 3, 3 * "-", "x" * 0, "a" + "b")
print(str(12) + str(3.5) + str(None) + str([1]))
print("%s" % s[::3])

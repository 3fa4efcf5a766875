# join, split, rsplit, splitlines, partition, rpartition.
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join([]))
print("a b  c".split(), " lead and trail ".split())
print("a,b,,c".split(","), "a,b,c".split(",", 1), "abc".split("x"))
print("a b c d".rsplit(" ", 1), "a.b.c".rsplit("."), "a  b".rsplit())
print("1::2::3".split("::"), "".split(), "".split(","))
print("x\ty\nz".split(), "  a  b  ".split(None, 1))
print("one\ntwo\r\nthree".splitlines())
print("one\ntwo\n".splitlines(), "".splitlines(), "a\n\nb".splitlines())
print("keep\nends\n".splitlines(True))
print("key=value=x".partition("="), "novalue".partition("="))
print("a/b/c".rpartition("/"), "abc".rpartition("/"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError:", e)

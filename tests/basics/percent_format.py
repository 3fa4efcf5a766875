# printf-style % formatting: every conversion, flags, width, precision, tuple and dict.
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|% d|%+d" % (42, 42, 42, 42, 42, -42))
print("%f %.2f %8.3f|%-8.1f|%+.1f|%08.2f" % (3.14159, 3.14159, 2.5, 2.5, 2.5, -2.5))
print("%e %.2e %E %.0e" % (12345.678, 0.000123, 1e20, 5e5))
print("%g %g %g %.3g %G" % (1234567, 0.00001, 100.0, 3.14159, 1e-20))
print("%x %X %o %#x %#X %#o %08x" % (255, 255, 8, 255, 255, 8, 255))
print("%c%c %c" % (72, 105, "!"))
print("%s %s %s %s" % (None, True, [1, 2], (3,)))
print("%r %r %r" % ("q'", 1.5, None))
print("%10s|%-10s|%.2s|%5.1s|" % ("right", "left", "trunc", "xy"))
print("%(name)s is %(age)d, %(name)r" % {"name": "Ann", "age": 30})
print("%% literal, %d%%" % 50)
print("single %s" % "value", "single %d" % 5, "%s" % (1,))
print("%s" % [1, 2], "%s" % {"k": 1})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%d %d" % (2 ** 70, -(2 ** 70)), "%x" % 2 ** 70)
print("%d" % 3.99, "%i" % -3.99, "%s" % 3.0)
print("%.3s|%5s|%-5d|" % ("abcdef", "é", 7))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)

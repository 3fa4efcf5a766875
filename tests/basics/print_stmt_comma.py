# python2
# A trailing comma ends a Python-2 print without a newline; the next print
# statement starts with a space (the "softspace"), and `print` alone ends the line.
for i in range(3):
    print i,
print
print "a",
print "b"
print "x", "y",
print "z"
print "start",
print
print "done"

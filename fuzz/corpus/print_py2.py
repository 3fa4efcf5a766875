print "a", 1,
print
print >>f, x
print(1, 2)
if x: print x; print

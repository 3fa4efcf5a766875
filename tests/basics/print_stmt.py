# python2
# The Python-2 print statement: items separated by spaces, str() of each.
x, y = 1, "two"
print x, y
print x
print "hello", "world"
print [1, 'a'], (2,), {'k': None}
print 1 + 2, x * 10
print "%d-%s" % (x, y)
print
print "after an empty line"
print (1, 2)
print(3, 4)
print ("parenthesised string")
print x, (y)
def f(v):
    print "in function:", v
f(5)
if x:
    print "in block"
for i in range(2): print "loop", i
print None, True, 2.5

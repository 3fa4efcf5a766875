# python2
# The Python-2 spelling g.next() is the same operation as next(g).
def get_id():
    i = 0
    while True:
        yield i
        i = i + 1

print get_id().next()
print get_id().next()
g = get_id()
print g.next()
print g.next(), g.next()
print next(g)

def two():
    yield "a"
    yield "b"
    return "r"

g = two()
print g.next()
print g.next()
try:
    g.next()
except StopIteration as e:
    print "StopIteration", e.value

# next is a bound method like __next__
n = two().next
print n()
print n()
print list(x for x in two())

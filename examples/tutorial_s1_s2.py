# python2
# The tutorial's snippets S1 and S2, verbatim (Python-2 spelling: the
# `print` statement and the generator's `.next()` method), then the two
# facts the tutorial states about them.

def get_id():
    i = 0
    while True:
        yield i
        i = i + 1

print get_id().next()

# Every get_id() call makes a fresh generator, so S2 again prints 0.
print get_id().next()

# One generator gives 0 1 2 ... on successive .next() calls.
g = get_id()
print g.next()
print g.next()
print g.next()

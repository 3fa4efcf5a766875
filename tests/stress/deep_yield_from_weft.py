# weft-only
# After sys.setrecursionlimit(10**6), a yield from chain 100,000 deep runs
# to the end: next, send and throw travel down the chain and return values
# travel back up.  CPython 3.11 recurses in C for every delegation level
# and dies with SIGSEGV here (checked with /usr/bin/python3 3.11.2), so the
# expected output is hand-checked:
# - the first next() reaches the bottom, which yields "bottom";
# - send(5) resumes the bottom with 5, which returns 5; each of the 100,000
#   levels above adds 1 to the value its sub-generator returned, so the
#   top returns 5 + 100000 = 100005 in StopIteration;
# - the second chain's bottom catches the thrown KeyError and yields
#   "caught" back up through every level;
# - closing it runs the finally of every level: 100,001 finally blocks
#   (levels 0..100000).
import sys

sys.setrecursionlimit(10 ** 6)

N = 100000


def chain(n):
    if n == 0:
        v = yield "bottom"
        return v
    r = yield from chain(n - 1)
    return r + 1


g = chain(N)
print(next(g))
try:
    g.send(5)
except StopIteration as e:
    print(e.value)

closed = 0


def chain2(n):
    global closed
    try:
        if n == 0:
            try:
                yield "bottom"
            except KeyError:
                yield "caught"
        else:
            yield from chain2(n - 1)
    finally:
        closed += 1


g = chain2(N)
print(next(g))
print(g.throw(KeyError))
g.close()
print(closed)

# After sys.setrecursionlimit(10**6), plain recursion 100,000 deep runs to
# the end.  CPython 3.11 runs Python-to-Python calls without nesting C
# frames, so it passes too (its output is the expected file); weft's calls
# from bytecode do not nest C frames either.
import sys

sys.setrecursionlimit(10 ** 6)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def total(n):
    return 0 if n == 0 else n + total(n - 1)


print(depth(100000))
print(total(100000))


# a method and a closure recursing as deep
class Counter:
    def down(self, n):
        return n if n == 0 else self.down(n - 1)


print(Counter().down(100000))


def make():
    def rec(n):
        return "done" if n == 0 else rec(n - 1)
    return rec


print(make()(100000))

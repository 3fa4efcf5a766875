# weft-only
# CPython 3.11 itself crashes (SIGSEGV) on this; weft must raise. The
# expected output is hand-checked: both recursions end in RecursionError.
# With a huge recursion limit, recursion through C (repr, sort keys) still
# raises RecursionError instead of overflowing the C stack.
import sys
sys.setrecursionlimit(10**6)
class A:
    def __repr__(self):
        return repr(self)
try:
    repr(A())
except RecursionError as e:
    print("RecursionError")
def f(n):
    return sorted([1], key=lambda x: f(n + 1))
try:
    f(0)
except RecursionError as e:
    print("RecursionError")

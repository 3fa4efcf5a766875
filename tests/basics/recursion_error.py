# Runaway recursion raises RecursionError, which code can catch and survive.
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)
def also(n):
    return 1 + also(n)
try:
    also(0)
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))

# With the default recursion limit, a yield from chain far deeper than the
# limit raises RecursionError (CPython counts each delegation level as a
# nested call).  Only the exception's type name is printed: the message and
# the exact depth differ between implementations.
import sys


def chain(n):
    if n:
        yield from chain(n - 1)
    else:
        yield "bottom"


print(sys.getrecursionlimit())
try:
    print(next(chain(100000)))
except RecursionError as e:
    print(type(e).__name__)

# a chain well within the limit works
print(next(chain(200)))

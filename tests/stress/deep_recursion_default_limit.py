# Plain recursion beyond the default limit raises RecursionError, and the
# program carries on afterwards (only the type name is printed).

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


try:
    depth(100000)
except RecursionError as e:
    print(type(e).__name__)
print(depth(500))


# a recursive generator (for-loop nesting, not yield from) too deep
def nested(n):
    if n:
        for x in nested(n - 1):
            yield x
    else:
        yield "bottom"


try:
    next(nested(100000))
except RecursionError as e:
    print(type(e).__name__)
print(next(nested(100)))

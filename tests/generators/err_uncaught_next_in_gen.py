# next() on an exhausted iterator inside a generator, uncaught.

def firsts(lists):
    for lst in lists:
        yield next(iter(lst))


print(list(firsts([[1], [2]])))
print(list(firsts([[1], []])))

# A pipeline of 150 stacked generator stages (each `for x in src: yield x`)
# moves 2,000 items; every item passes through all stages.  150 levels stay
# under CPython's default recursion limit.

def stage(src, k):
    for x in src:
        yield x + k


src = iter(range(2000))
for k in range(150):
    src = stage(src, 1)
print(sum(src))


# the same with yield from stages: delegation rather than re-yielding
def passthrough(src):
    yield from src


src = (i for i in range(2000))
for k in range(150):
    src = passthrough(src)
print(sum(src))

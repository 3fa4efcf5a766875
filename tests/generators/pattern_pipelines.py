# Pipelines of generators: each stage pulls from the one before, lazily.

LOG = """\
INFO start
ERROR disk full
INFO retry
WARN slow
ERROR disk full again
INFO done
"""


def lines(text):
    for line in text.splitlines():
        print("  read:", line)
        yield line


def grep(pattern, src):
    for line in src:
        if pattern in line:
            yield line


def fields(src):
    for line in src:
        level, _, msg = line.partition(" ")
        yield level, msg


def take(n, src):
    if n <= 0:
        return
    for i, item in enumerate(src):
        yield item
        if i + 1 >= n:
            return


pipe = take(1, fields(grep("ERROR", lines(LOG))))
print("pipeline built, nothing read yet")
for level, msg in pipe:
    print(level, "->", msg)
print("--")
print(list(fields(grep("ERROR", lines(LOG)))))


# numeric pipelines
def integers():
    n = 1
    while True:
        yield n
        n += 1


def squares(src):
    for n in src:
        yield n * n


def evens(src):
    return (n for n in src if n % 2 == 0)


def running_sum(src):
    total = 0
    for n in src:
        total += n
        yield total


print(list(take(5, running_sum(evens(squares(integers()))))))


# a pipeline assembled from a list of stage functions
def compose(src, *stages):
    for stage in stages:
        src = stage(src)
    return src


double = lambda src: (x * 2 for x in src)
inc = lambda src: (x + 1 for x in src)
print(list(compose(range(5), double, inc, double)))


# a stage that batches and a stage that un-batches
def batched(src, n):
    batch = []
    for x in src:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def unbatched(src):
    for batch in src:
        yield from batch


print(list(batched(range(7), 3)))
print(list(unbatched(batched(range(7), 3))))


# a tee-like split with explicit buffers
def split2(src):
    buf1, buf2 = [], []
    it = iter(src)

    def branch(mine, other):
        while True:
            if not mine:
                try:
                    v = next(it)
                except StopIteration:
                    return
                other.append(v)
                yield v
            else:
                yield mine.pop(0)

    return branch(buf1, buf2), branch(buf2, buf1)


a, b = split2(range(4))
print(next(a), next(a), next(b), list(a), list(b))


# stage-by-stage trace: the interleaving of a pull pipeline
def traced(name, src):
    for x in src:
        print("%s passes %s" % (name, x))
        yield x


for v in traced("C", traced("B", traced("A", range(2)))):
    print("consumer gets", v)

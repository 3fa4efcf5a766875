# Recursive generators: tree walks, permutations, combinations, power sets,
# flattening.

class Tree:
    def __init__(self, label, left=None, right=None):
        self.label = label
        self.left = left
        self.right = right


def tree(lst):
    n = len(lst)
    if n == 0:
        return None
    i = n // 2
    return Tree(lst[i], tree(lst[:i]), tree(lst[i + 1:]))


def inorder(t):
    if t:
        yield from inorder(t.left)
        yield t.label
        yield from inorder(t.right)


def preorder(t):
    if t:
        yield t.label
        for x in preorder(t.left):
            yield x
        for x in preorder(t.right):
            yield x


def depth_first(t, depth=0):
    if t:
        yield from depth_first(t.left, depth + 1)
        yield (t.label, depth)
        yield from depth_first(t.right, depth + 1)


t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
print("".join(inorder(t)))
print("".join(preorder(t)))
print(max(depth_first(t), key=lambda p: p[1]))


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


for p in permutations([1, 2, 3]):
    print(p)
print(sum(1 for _ in permutations(list(range(6)))))


def combinations(items, k):
    if k == 0:
        yield []
    elif len(items) >= k:
        first, rest = items[0], items[1:]
        for c in combinations(rest, k - 1):
            yield [first] + c
        yield from combinations(rest, k)


print(list(combinations("abcd", 2)))


def powerset(items):
    if not items:
        yield ()
        return
    for sub in powerset(items[1:]):
        yield sub
        yield (items[0],) + sub


print(sorted(powerset((1, 2, 3)), key=lambda s: (len(s), s)))


def flatten(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4, [5]]], 6], (7, [8]), [], [[[]]]])))


def hanoi(n, src, dst, via):
    if n:
        yield from hanoi(n - 1, src, via, dst)
        yield (n, src, dst)
        yield from hanoi(n - 1, via, dst, src)


moves = list(hanoi(4, "A", "C", "B"))
print(len(moves), moves[:5])


# a recursive generator with return values propagated by yield from
def count_nodes(t):
    if t is None:
        return 0
    left = yield from count_nodes(t.left)
    yield t.label
    right = yield from count_nodes(t.right)
    return left + 1 + right


def driver(t):
    n = yield from count_nodes(t)
    print("nodes:", n)


print("".join(driver(t)))


# gcomb from CPython's test_generators: mutating the yielded lists
def gcomb(x, k):
    "Generate all combinations of k elements from list x."
    if k > len(x):
        return
    if k == 0:
        yield []
    else:
        first, rest = x[0], x[1:]
        for c in gcomb(rest, k - 1):
            c.insert(0, first)
            yield c
        for c in gcomb(rest, k):
            yield c


seq = list(range(1, 5))
for k in range(len(seq) + 2):
    print("%d-combs of %s:" % (k, seq))
    for c in gcomb(seq, k):
        print("   ", c)

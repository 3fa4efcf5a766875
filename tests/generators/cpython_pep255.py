# CPython Lib/test/test_generators.py, "pep_tests" (the examples of PEP
# 255), as a script.

def g():
    i = next(me)
    yield i


me = g()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def f1():
    try:
        return
    except:
        yield 1


print(list(f1()))


def f2():
    try:
        raise StopIteration
    except:
        yield 42


print(list(f2()))


def f():
    return 1 // 0


def g():
    yield f()  # the zero division exception propagates
    yield 42   # and we'll never get here


k = g()
try:
    next(k)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    next(k)  # and the generator cannot be resumed
except StopIteration:
    print("StopIteration")


def f():
    try:
        yield 1
        try:
            yield 2
            1 // 0
            yield 3  # never get here
        except ZeroDivisionError:
            yield 4
            yield 5
            raise
        except:
            yield 6
        yield 7     # the "raise" above stops this
    except:
        yield 8
    yield 9
    try:
        x = 12
    finally:
        yield 10
    yield 11


print(list(f()))


# Guido's binary tree example.
class Tree:

    def __init__(self, label, left=None, right=None):
        self.label = label
        self.left = left
        self.right = right

    def __repr__(self, level=0, indent="    "):
        s = level * indent + repr(self.label)
        if self.left:
            s = s + "\n" + self.left.__repr__(level + 1, indent)
        if self.right:
            s = s + "\n" + self.right.__repr__(level + 1, indent)
        return s

    def __iter__(self):
        return inorder(self)


def tree(list):
    n = len(list)
    if n == 0:
        return []
    i = n // 2
    return Tree(list[i], tree(list[:i]), tree(list[i + 1:]))


t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def inorder(t):
    if t:
        for x in inorder(t.left):
            yield x
        yield t.label
        for x in inorder(t.right):
            yield x


t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
for x in t:
    print(' ' + x, end='')
print()
print(repr(tree("ABCDEFG")))


# A non-recursive generator.
def inorder(node):
    stack = []
    while node:
        while node.left:
            stack.append(node)
            node = node.left
        yield node.label
        while not node.right:
            try:
                node = stack.pop()
            except IndexError:
                return
            yield node.label
        node = node.right


for x in t:
    print(' ' + x, end='')
print()

# CPython Lib/test/test_generators.py, "email_tests", as a script.  The
# union-find example draws its merges from random.Random(42); here the
# same merges are listed explicitly so the script needs no random module.

def g():
    for i in range(3):
        yield None
    yield None
    return


print(list(g()))


def g():
    yield 1
    try:
        raise StopIteration
    except:
        yield 2
    yield 3


print(list(g()))


def g():
    yield 1


print(type(g))
i = g()
print(type(i))
print(iter(i) is i)
print(i.gi_running)
# (the original prints type(i.gi_frame) here: frame; see gi_frame.py)
try:
    i.gi_running = 42
except AttributeError as e:
    print("AttributeError:", e)


def g():
    yield me.gi_running


me = g()
print(me.gi_running)
print(next(me))
print(me.gi_running)


# A clever union-find implementation from c.l.py, due to David Eppstein.
class disjointSet:
    def __init__(self, name):
        self.name = name
        self.parent = None
        self.generator = self.generate()

    def generate(self):
        while not self.parent:
            yield self
        for x in self.parent.generator:
            yield x

    def find(self):
        return next(self.generator)

    def union(self, parent):
        if self.parent:
            raise ValueError("Sorry, I'm not a root!")
        self.parent = parent

    def __str__(self):
        return self.name


names = "ABCDEFGHIJKLM"
sets = [disjointSet(name) for name in names]
by_name = dict((s.name, s) for s in sets)
merges = ["KB", "AF", "EF", "DC", "MC", "JB", "BC", "FG", "LC", "GI", "IH", "CH"]
while 1:
    for s in sets:
        print(" %s->%s" % (s, s.find()), end='')
    print()
    if merges:
        a, b = merges.pop(0)
        by_name[a].union(by_name[b])
        print("merged", a, "into", b)
    else:
        break
try:
    by_name["A"].union(by_name["B"])
except ValueError as e:
    print("ValueError:", e)

# set subclasses and sets of user objects
class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self


t = Tags([3])
t.add_all(1, 2)
print(sorted(t), len(t), isinstance(t, set), type(t).__name__)
print(t | {9} == {1, 2, 3, 9}, type(t | {9}).__name__)


class P:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 3

    def __eq__(self, o):
        return isinstance(o, P) and o.v == self.v

    def __repr__(self):
        return "P%d" % self.v


s = {P(1), P(4), P(1), P(7)}
print(len(s), P(4) in s, P(10) in s)
print(sorted(p.v for p in s))
s.discard(P(4))
print(sorted(p.v for p in s))
fs = frozenset(s)
print(len(fs), P(7) in fs)

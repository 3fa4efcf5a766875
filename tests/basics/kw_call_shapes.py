# Keyword calls and calls leaning on defaults, in every place a Python
# function is called from: plain calls, method calls, class calls running
# __init__, callbacks called from C (sorted's key, map, Deferred chains),
# with closures and cells, and every shape the fast binding must refuse.
from twisted.internet.defer import Deferred


def shift(x, base=0):
    return x + base


def three(a, b=2, c=3):
    return (a, b, c)


def needs(a, b, c=30):
    return (a, b, c)


print(shift(1), shift(1, 2), shift(1, base=5), shift(x=1, base=6), shift(base=7, x=1))
print(three(1), three(1, c=9), three(1, c=9, b=8), three(a=0), three(c=1, a=2))
print(needs(1, b=2), needs(b=1, a=2), needs(1, 2), needs(1, c=5, b=6))

# the defaults are the function's own objects, shared by every call
def remember(x, seen=[]):
    seen.append(x)
    return seen


remember(1)
remember(2, seen=[0])
print(remember(3))


def cells(x, y=10):
    def inner():
        return x + y
    return inner()


print(cells(1), cells(1, y=2), cells(y=3, x=4))


class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def moved(self, dx=0, dy=0):
        return Point(x=self.x + dx, y=self.y + dy)

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


p = Point(y=2)
print(p, Point(), Point(1), Point(1, y=5), p.moved(dy=3), p.moved(1), p.moved(dx=4, dy=-1))
print(sorted([3, 1, 2], key=shift), list(map(shift, [1, 2])))

out = []
d = Deferred()
d.addCallback(shift, base=100)
d.addCallback(three, c="c")
d.addCallback(needs, b="b")
d.addCallback(out.append)
d.callback(1)
print(out)

# shapes the fast path must leave to the general binding, with its errors
def report(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except TypeError as e:
        print("TypeError:", e)


report(shift, 1, x=2)
report(shift, 1, base=2, other=3)
report(shift, base=2)
report(needs, 1, c=2)
report(needs)
report(three, 1, 2, 3, 4)
report(shift, **{"x": 1, "base": 2})
report(shift, **{"".join(["ba", "se"]): 3, "x": 4})
report(Point, z=1)
report(p.moved, dx=1, dx2=2)


def star(a, *rest, b=1):
    return (a, rest, b)


def kwonly(a, *, b, c=3):
    return (a, b, c)


report(star, 1, 2, b=3)
report(kwonly, 1, b=2)
report(kwonly, 1, 2)
report(kwonly, a=1)

# more parameters than the fast binding takes
def wide(p0=0, p1=1, p2=2, p3=3, p4=4, p5=5, p6=6, p7=7,
         p8=8, p9=9, p10=10, p11=11, p12=12, p13=13, p14=14, p15=15,
         p16=16, p17=17, p18=18, p19=19, p20=20, p21=21, p22=22, p23=23,
         p24=24, p25=25, p26=26, p27=27, p28=28, p29=29, p30=30, p31=31,
         p32=32, p33=33, p34=34, p35=35, p36=36, p37=37, p38=38, p39=39,
         p40=40, p41=41, p42=42, p43=43, p44=44, p45=45, p46=46, p47=47,
         p48=48, p49=49, p50=50, p51=51, p52=52, p53=53, p54=54, p55=55,
         p56=56, p57=57, p58=58, p59=59, p60=60, p61=61, p62=62, p63=63,
         p64=64, p65=65):
    return p0 + p65 + p64


print(wide(), wide(p65=1), wide(1, p64=0))


def deep(n, step=1):
    return 0 if n == 0 else 1 + deep(n=n - step, step=step)


print(deep(50, step=1))
try:
    deep(n=10 ** 6)
except RecursionError as e:
    print("RecursionError:", e)

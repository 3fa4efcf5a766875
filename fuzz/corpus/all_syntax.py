# comment at top

import os, sys as system
import a.b.c
from . import x
from .. import y as z
from ...pkg.mod import (a, b as c,)
from m import *
@a.b[c](d)
@(lambda f: f)
def f(a, b=1, *args, c, d=2, **kw): return a
def g(*, a, b=2): pass
def h(a, b): pass
def k(a=(1, 2), *b): yield
lam = lambda: 0
lam2 = lambda a, b=1, *c, d, e=5, **f: (a, b, c, d, e, f)
lam3 = lambda *, a: a
lam4 = lambda *a, **k: 0
x = yield
x = yield a, b
x = yield from g()
y = (yield)
with (a, b):
    pass
with (a as b, c as d):
    pass
with (a, b) as c:
    pass
with (a) as b, c:
    pass
with a as (b, c), d as [e, f]:
    pass
with (a as b, c as d,):
    pass
s = a[::], a[:], a[1:], a[:2], a[::2], a[1:2:3], a[1:2, ::3], a[x, y], a[x,]
t = a[*b]
c1 = a < b <= c != d not in e is not f in g is h
c2 = (a < b) < c
e1 = -2**-1 + ~-+a - not_a
e2 = not not a and b or c and not d
e3 = a if b else c if d else e
e4 = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n
e5 = (a | b) ^ (c & d)
dc = {k: v for k, v in items if k if v for w in v}
sc = {x for x in y}
lc = [x for x in y for z in x if z]
ge = (x for x in y)
call = f(a, *b, c=1, **d)(e)(*f, **g)
call2 = f(a for a in b)
call3 = f(*a, *b, c, d=1, *e, **f, g=2)
a = b = c = d
x[1] += 2; x.y **= 3; z -= 1; z *= 1; z /= 1; z //= 1; z %= 1; z >>= 1; z <<= 1; z &= 1; z ^= 1; z |= 1; z @= 1;
if x: a; b
while x: pass
for x in y: continue
class C: pass
def f2(): return
a; b;
e = ...; t = True; f = False; n = None
del (a), [b], c.d, e[0], (f, g)
assert x
assert x, y
try:
    pass
finally:
    pass
try:
    raise
except E:
    pass
except (A, B):
    pass
except C as e:
    pass
for x, in y: pass
for (a, b) in c: pass
for [a, b] in c: pass
for a, *b in c: pass
*a, b = c
[a, *b] = c
(a, b), c = d
x = """triple
quoted \t with "quotes" and \\ backslash"""
r1 = r'raw \n \d' R"RAW\\"
u1 = u'unicode' 'concat' "more"
n1 = 0x_dead_BEEF + 0o7_7 + 0b_1_0 + 1_000 + 1_000.000_1 + 1e10 + .5 + 5. + 1E-5 + 0e0 + 00 + 0
big = 99999999999999999999999999999 + 0xFFFFFFFFFFFFFFFFFFFF + 0o7777777777777777777777777 + 0b11111111111111111111111111111111111111111111111111111111111111111
edge = 9223372036854775807 + 9223372036854775808
x = a \
    + b
def outer():
    v = 1
    def inner():
        nonlocal v
        global w
        v += 1
    return inner
class D(A, B, metaclass=M, **kw):
    """doc"""
    x: int = 5
    y: int
    def m(self, *a): return super().m(*a)
print
print()
print(a, b)
print (a), b
p = print
print.x = 1
print[0] = 1
print(a)(b)
if x:
	a = 1
	if y:
		b = 2
z = [1,
     2,  # comment
     3]
w = {
    'a': 1,
    **other,
}
esc = "\x41\u00e9\U0001F600\101\0\a\b\f\n\r\t\v\\\'\"\
continued"
f1 = f"a{b}c{d!r}e{f:>10}g{h!s:{w}.{p}}i{{j}}k{l=}m{n = !r:5}"
f2 = f'{x}' 'plain' f"{y}" rf'\d{z}' F"{a['k']}" f'''{
b}'''
f3 = f"{a:{b}{c}d}" f"{'nested'}" f"{3.14:.2f}" f"{x!a}"

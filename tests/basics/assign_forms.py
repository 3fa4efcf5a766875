# Every assignment form: chained, tuple, list, nested, starred, subscripts.
a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "st"
print(s, t)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, tl = range(5)
print(h, mid, tl)
h, *mid, tl = (1, 2)
print(h, mid, tl)
lst = [0, 0, 0, 0, 0]
lst[0] = 9
lst[-1] = 8
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[::2] = [None, None, None]
print(lst)
d = {}
d["k"] = d["j"] = 1
print(d)
m = [[0, 0], [0, 0]]
m[1][0] = 5
print(m)
i = 0
xs = [10, 20]
i, xs[i] = 1, 99
print(i, xs)
for k, (u, v) in enumerate([(1, 2), (3, 4)]):
    print(k, u, v)
one, = [1]
print(one)
(a), b = 1, 2
print(a, b)
e = f = []
e.append(1)
print(f)

# Augmented assignment on names, subscripts and mutable objects.
n = 10
n += 5; n -= 3; n *= 2; print(n)
n /= 4; print(n)
n = 17
n //= 4; print(n)
n %= 3; print(n)
n **= 10; print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(alias, lst is alias)
lst *= 2
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 1
print(d)
m = [[1, 2], [3, 4]]
m[1][0] *= 7
print(m)
big = 2 ** 62
big += big
print(big)
f = 1.5
f += 1
print(f)

# keys / values / items views: iteration, len, membership, liveness.
d = {"one": 1, "two": 2, "three": 3}
ks, vs, its = d.keys(), d.values(), d.items()
print(ks)
print(vs)
print(its)
print(list(ks), list(vs), list(its))
print(len(ks), "two" in ks, 2 in vs, ("one", 1) in its, ("one", 2) in its)
d["four"] = 4
print(list(ks), len(vs))
for k, v in d.items():
    print(k, v)
print(sorted(d.values()), sorted(d), max(d.keys()))
print(dict(d.items()) == d, list(zip(d.keys(), d.values())) == list(d.items()))
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print({}.keys(), {}.items())

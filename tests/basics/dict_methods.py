# dict: insertion order, get, pop, setdefault, update, popitem, copy, clear, fromkeys.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d))
print(d.get("a"), d.get("zz"), d.get("zz", "dflt"))
print(d.pop("a"), d.pop("zz", None), d)
print(d.setdefault("c", 99), d.setdefault("n", []), d)
d["n"].append(1)
d.update({"x": 1, "b": 2})
d.update(y=3)
d.update([("z", 0)])
print(d)
print(d.popitem(), d)
e = d.copy()
e.clear()
print(e, len(d))
print(dict.fromkeys(["p", "q"], 0), dict.fromkeys("ab"))
print(dict(a=1, b=2), dict([("k", "v")]), dict({"m": 1}, n=2), dict())
print({1: "int", 1.5: "float", None: "none", (1, 2): "tuple", True: "bool wins?"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
del d["b"]
d["b"] = "re-added goes last"
print(list(d))
print("x" in d, "q" in d, "q" not in d)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()))
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5])

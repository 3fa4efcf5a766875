# Generators consumed by for loops and comprehensions.

def squares(n):
    for i in range(n):
        yield i * i


for s in squares(4):
    print(s, end=" ")
print()

print([s for s in squares(6) if s % 2 == 0])
print({s % 3 for s in squares(10)})
print({s: s ** 0.5 for s in squares(4)})
print(list(s + 1 for s in squares(3)))
print([(a, b) for a in squares(3) for b in squares(2)])

# nested: the inner generator is re-created on each outer iteration
print([[x for x in squares(i)] for i in range(4)])

# comprehension over a generator we partially consumed
g = squares(6)
next(g)
next(g)
print([x for x in g])
print([x for x in g])   # exhausted now

# enumerate-like loop with else, break leaves the rest
g = squares(10)
for s in g:
    if s > 10:
        break
print("broke at", s, "next is", next(g))

for s in squares(0):
    print("never")
else:
    print("for-else on empty generator")

# loops over a generator defined inline in a comprehension
print(sum([x for x in (y * 2 for y in range(5))]))

# loop variable leak semantics: comprehensions do not leak, for loops do
i = "outer"
print([i for i in squares(3)], i)
for i in squares(3):
    pass
print(i)


# a generator modified while iterating the list it walks
def walk(lst):
    for x in lst:
        yield x


lst = [1, 2, 3]
out = []
for v in walk(lst):
    out.append(v)
    if v == 1:
        lst.append(4)
print(out)

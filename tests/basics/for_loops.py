# for over lists, tuples, strings, ranges, dicts; else, break, continue.
for x in [1, 2, 3]:
    print(x, end=" ")
print()
for ch in "hey":
    print(ch, end="|")
print()
for i in range(10):
    if i % 3:
        continue
    if i > 7:
        break
    print("i", i)
else:
    print("not printed: loop broke")
for i in range(2):
    pass
else:
    print("for finished normally, i =", i)
for k in {"a": 1, "b": 2}:
    print("key", k)
for a, b in [(1, "x"), (2, "y")]:
    print(a, b)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print("pair", i, j)
for item in []:
    print("never")
else:
    print("empty loop else")
total = 0
for n in range(1, 101):
    total += n
print(total)
xs = [1, 2, 3]
for x in xs:
    if x == 2:
        xs.append(4)
print(xs)

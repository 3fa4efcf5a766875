# while with else, break, continue; else runs only without break.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while finished normally")
j = 0
while True:
    j += 1
    if j > 3:
        break
print("j", j)
k = 0
while k < 10:
    if k == 4:
        break
    k += 1
else:
    print("not printed")
print("k", k)
n = 0
while n:
    print("never")
else:
    print("else of a loop that never ran")

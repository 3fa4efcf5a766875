# Deep nesting, several DEDENTs at once, and a dedent to module level at EOF.
def outer(n):
    total = 0
    for i in range(n):
        if i % 2 == 0:
            for j in range(i):
                if j == 1:
                    total += 100
                else:
                    total += 1
    return total

print(outer(5))

x = 0
while x < 3:
    if x == 1:
        if True:
            if True:
                print("deep", x)
    x += 1
print("done")
if x:
        print("eight-space indent")
        if x:
           print("three more")

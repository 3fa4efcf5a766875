# Runaway recursion is a RecursionError that can be caught; the program goes on.
def down(n):
    return down(n + 1) + 1

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__)
print("still running")
def again():
    return again()
for i in range(3):
    try:
        again()
    except RecursionError:
        print("caught", i)

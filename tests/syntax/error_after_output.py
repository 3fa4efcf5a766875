# A syntax error late in a file stops it before anything runs.
print("not printed")
def f():
    return 1

for i in range(3):
    print(i)
while True
    pass

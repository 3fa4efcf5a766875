# input() with a prompt, then EOF raises EOFError
name = input("name? ")
print("hello", name)
line = input()
print(repr(line))
n = int(input("n: "))
print(n * 2)
try:
    input("more? ")
except EOFError as e:
    print("EOFError", repr(str(e)))

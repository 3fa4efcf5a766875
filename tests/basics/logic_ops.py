# and / or / not short-circuit and return an operand, not a bool.
def t(x):
    print("eval", x)
    return x
print(t(0) and t(1))
print(t(2) and t(3))
print(t(0) or t(4))
print(t(5) or t(6))
print(not t(""))
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or [], 0 or "" or "last")
x = None
print(x or "default", x and x.missing)
print((1 or 2) + 10)

# IndexError raised by a lambda called from a built-in (map through list).
items = [1, 2]
pick = lambda i: items[i]
print(pick(1))
print(list(map(pick, [0, 5])))

# invalid syntax deep inside a function, after valid code.
def compute(values):
    total = 0
    for v in values:
        total += v
    return total + * 2

print(compute([1, 2]))

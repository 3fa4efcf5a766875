# if / elif / else chains, nested ifs, and truthiness of conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in (-5, 0, 3, 42):
    print(n, classify(n))
if []:
    print("empty list is true?")
elif [0]:
    print("non-empty list is true")
if 0:
    pass
print("after if without else")
x = 3
if x > 1:
    if x > 2:
        print("x > 2")
    else:
        print("x == 2")

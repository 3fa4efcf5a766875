# A user raise with a message, and one without a message.
def check(n):
    if n > 2:
        raise ValueError("n is too large: %d" % n)
    return n

for i in range(5):
    print(check(i))

# Mutual recursion that fails at a fixed depth: frames repeat but not 3 times in a row.
def ping(n):
    if n == 0:
        return {}["bottom"]
    return pong(n - 1)

def pong(n):
    return ping(n)

ping(2)

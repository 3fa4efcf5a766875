# Sieve of Eratosthenes, gcd/lcm and prime factorisation with big ints.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]
ps = sieve(200)
print(len(ps), ps[:10], ps[-3:])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(1071, 462), lcm(21, 6), gcd(2 ** 100, 6 ** 40))
acc = 1
for k in range(1, 31):
    acc = lcm(acc, k)
print(acc)
def factor(n):
    fs = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            fs.append(d)
            n //= d
        d += 1
    if n > 1:
        fs.append(n)
    return fs
print(factor(360), factor(2 ** 31 - 1), factor(600851475143))
print(factor(2 ** 64 + 1))

# CPython Lib/test/test_generators.py, "fun_tests": the recursive sieve.

def firstn(g, n):
    return [next(g) for i in range(n)]


def intsfrom(i):
    while 1:
        yield i
        i += 1


print(firstn(intsfrom(5), 7))


def exclude_multiples(n, ints):
    for i in ints:
        if i % n:
            yield i


print(firstn(exclude_multiples(3, intsfrom(1)), 6))


def sieve(ints):
    prime = next(ints)
    yield prime
    not_divisible_by_prime = exclude_multiples(prime, ints)
    for p in sieve(not_divisible_by_prime):
        yield p


primes = sieve(intsfrom(2))
print(firstn(primes, 20))


# the same sieve with yield from, and a few more primes
def sieve2(ints):
    prime = next(ints)
    yield prime
    yield from sieve2(n for n in ints if n % prime)


print(firstn(sieve2(intsfrom(2)), 40))


# an incremental sieve with a dict of next composites (no recursion)
def incremental_primes():
    composites = {}
    n = 2
    while True:
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)
        n += 1


g = incremental_primes()
print(firstn(g, 10), firstn(g, 10))
print(sum(p for p in firstn(incremental_primes(), 1000)))

# Nested lists as matrices: multiplication, transpose and a power by squaring.
def matmul(a, b):
    return [[sum([a[i][k] * b[k][j] for k in range(len(b))]) for j in range(len(b[0]))]
            for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
def matpow(m, n):
    result = [[1 if i == j else 0 for j in range(len(m))] for i in range(len(m))]
    while n:
        if n & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        n >>= 1
    return result
a = [[1, 2], [3, 4]]
print(matmul(a, a), transpose([[1, 2, 3], [4, 5, 6]]))
fib = matpow([[1, 1], [1, 0]], 100)
print(fib[0][1])
for row in matpow([[2, 0], [0, 3]], 5):
    print(" ".join(["%6d" % v for v in row]))

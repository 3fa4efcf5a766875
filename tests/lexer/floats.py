# Float literals: fraction, exponent, leading/trailing dot, separators.
print(1.5, 0.25, 10.0)
print(1e-3, 1E3, 1e+3, 2.5e2)
print(.5, 5., 0.)
print(1_000.5, 1_0e1_0)
print(3.14159, 6.02e23, 1.6e-19)
print(1e100, 1e-100)
print(0e0, 00.5, 007.25)

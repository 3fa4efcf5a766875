# Number literal corner cases: separators in floats, exponents, zero forms.
print(1_0.0_1, 1_000e-3, 0.000_001, 1e1_0)
print(0.0, 0e5, 0x0, 0o0, 0b0, 00000)
print(123., .001, 1.e2, 9_9.9_9e-1_0)
print(1e308 * 10, 2.5e-3)
print(0xABCDEF, 0xabcdef, 0XaBcDeF)
print(18446744073709551615, 18446744073709551616, -18446744073709551616)
print(100000000000000000000000000000000000000000000000000)
print(1 if 0x10 == 16 else 0, 0o10 == 8, 0b10 == 2)

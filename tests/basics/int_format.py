# Formatting ints: bases, signs, grouping, padding, and big values.
n = -255
print(f"{n:x} {n:#x} {n:o} {n:b} {n:08x} {n:+08d}")
print("%x %o %X %#o %d" % (n, n, n, n, n))
print(f"{2**70:,} {2**70:_x} {2**70:#o} {-2**70:e}")
print(f"{0:b} {0:#x} {0:o} {0:,} {0:+d} {0:05d}")
print(f"{1234567890:,d} {1234567890:_} {1234567890:>15,}|{1234567890:<15_}|")
print(f"{255:#010b} {255:^#12x}|{7:*>+5}")
print("{:,}".format(-10 ** 15), "{:_b}".format(2 ** 20))
print(str(10 ** 25), repr(-10 ** 25), int(str(7 ** 40)) == 7 ** 40)
print(f"{12:5.1f} {12:.2e} {12:%} {12:g}")
print(int("  +42 "), int("-0"), int("0_1"), int("-0b101", 0))

# f-string conversions !r and !s, alone and with format specs.
s = "text"
n = 42
print(f"{s!r}")
print(f"{s!s}")
print(f"{n!r} {n!s}")
print(f"{s!r:>10}|")
print(f"{s!s:<8}|")
print(f"{'q'!r:^7}|")
print(f"{[1, 'a']!r}")
print(f"{'tab	x'!r}")

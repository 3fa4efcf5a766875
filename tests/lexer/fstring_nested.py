# f-strings with nested expressions and nested replacement fields in specs.
width = 10
prec = 3
value = 3.14159265
print(f"[{value:{width}.{prec}f}]")
print(f"[{'centre':^{width}}]")
print(f"[{'x':{'*'}>{width}}]")
fill = "-"
print(f"[{42:{fill}<{width}d}]")
xs = [3, 1, 2]
print(f"{sorted(xs)} {sum([x * x for x in xs]) if xs else 0}")
print(f"{f'{1 + 1}'}")
print(f"{ {'a': 1}['a'] }")
print(f"{(lambda y: y * 2)(21)}")
print(f"{','.join([str(i) for i in range(4)])}")
print(f"{'nested ' + f'{width:03d}'}")

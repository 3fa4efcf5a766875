# f-strings: plain fields, expressions, calls, and literal braces.
name = "world"
n = 3
print(f"hello {name}")
print(F"{n} + {n} = {n + n}")
print(f"{name.upper()} has {len(name)} letters")
print(f"{{literal}} and {n}")
print(f"{{{n}}}")
print(f"")
print(f"no fields")
print(f'{"inner double"}')
print(f"{'inner single'}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {items}")
d = {"k": "v"}
print(f"{d['k']}")
print(f"{n * 2:5}|{n / 2}|{n > 2}")
print(f"{'yes' if n > 2 else 'no'}")
print(f"{None} {True} {3.5}")
print(f"tab\t{n}\nnewline {name!r}\\")
print(f"{n:>{n}}", f"{n}{n}", f"{n}" f"{{n}}")

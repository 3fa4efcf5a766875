# f-strings in triple quotes, raw f-strings, and concatenation with plain ones.
a, b = 1, 2
print(f"""a={a}
b={b}""")
print(rf"\n{a}")
print(fr"{b}\t")
print(f"{a}" "-" f"{b}" '-' "{c}")
msg = (f"sum "
       f"{a + b}")
print(msg)

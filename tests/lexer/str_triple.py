# Triple-quoted strings span lines and hold unescaped quotes.
s = """first line
second "quoted" line
third 'single' line"""
print(s)
print(len(s.splitlines()))
t = '''a
b'''
print(repr(t))
print("""\
starts without newline
  keeps indentation
""", end="")
print("""contains ""two"" quotes""")
print('''it's ''')
empty = """"""
print(repr(empty))

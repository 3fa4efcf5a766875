# Raw strings keep backslashes; a raw string may still escape its quote.
print(r"\n is not a newline")
print(R'C:\path\to\file')
print(r"\x41", len(r"\x41"))
print(r"a\"b", len(r"a\"b"))
print(r'''raw \t triple''')
print(repr(r"\\"))

# UTF-8 source text: non-ASCII string contents, lengths and indexing.
s = "héllo wörld"
print(s, len(s))
print(s[1], s[-4], s[1:5])
print("日本語", len("日本語"), "日本語"[1])
print("😀 grin", len("😀"))
print(s.upper())
print(ord("é"), chr(233), chr(0x65e5))
print([c for c in "añb"])
print(repr("é\u00e9"))

# String processing: a Caesar cipher, word wrapping and a character histogram.
def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    if line:
        lines.append(line)
    return lines
for l in wrap("the quick brown fox jumps over the lazy dog " * 2, 20):
    print("|%-20s|" % l)
hist = {}
for ch in "mississippi":
    hist[ch] = hist.get(ch, 0) + 1
for ch, n in sorted(hist.items()):
    print(ch, "*" * n)
print("%s has %d vowels" % ("education", len([c for c in "education" if c in "aeiou"])))

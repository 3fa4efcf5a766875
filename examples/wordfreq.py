# Word frequencies of a text: normalising words, counting with a dict
# subclass, ranking with sorted(key=...), and a few set operations.

TEXT = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair, we had
everything before us, we had nothing before us, we were all going direct to
Heaven, we were all going direct the other way -- in short, the period was
so far like the present period, that some of its noisiest authorities
insisted on its being received, for good or for evil, in the superlative
degree of comparison only.
"""

STOP = {"the", "of", "it", "was", "we", "a", "in", "to", "for", "or", "on", "that", "its", "so"}


class Counter(dict):
    """A dict whose missing keys count as zero."""

    def __missing__(self, key):
        return 0

    def add(self, words):
        for w in words:
            self[w] += 1
        return self

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked if n is None else ranked[:n]

    def total(self):
        return sum(self.values())


def words(text):
    for raw in text.split():
        w = raw.strip(".,;:!?-\"'").lower()
        if w:
            yield w


all_words = list(words(TEXT))
counts = Counter().add(all_words)
print("words:", len(all_words), "distinct:", len(counts), "total:", counts.total())
print("never seen:", counts["zebra"], "zebra" in counts)

print("top ten:")
for rank, (word, n) in enumerate(counts.most_common(10), 1):
    bar = "#" * n
    print("%2d. %-12s %2d %s" % (rank, word, n, bar))

content = Counter((w, n) for w, n in counts.items() if w not in STOP)
print("top content words:", [w for w, _ in content.most_common(5)])

by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length, reverse=True)[:3]:
    print(length, sorted(by_length[length]))

first_half = set(words(TEXT[:len(TEXT) // 2]))
second_half = set(words(TEXT[len(TEXT) // 2:]))
print("in both halves:", sorted(first_half & second_half - STOP))
print("only first:", len(first_half - second_half), "only second:", len(second_half - first_half))
print("longest:", max(counts, key=lambda w: (len(w), w)))
print("average length: %.3f" % (sum(map(len, all_words)) / len(all_words)))
letters = Counter().add(c for w in all_words for c in w)
print("letters:", "".join(c for c, _ in letters.most_common(8)))
print("singletons:", sum(1 for n in counts.values() if n == 1))

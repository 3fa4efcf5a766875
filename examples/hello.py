# A small, complete weft program: word frequencies of an embedded text.
# It uses only the first milestone's language (dicts, lists, closures,
# recursion, f-strings and %-formatting), so it is the README's demo and a
# test (examples/hello.py.exp holds CPython's output).

TEXT = """
Deferreds are a way of managing callbacks. A Deferred holds a chain of
callbacks and errbacks; when the result arrives, the callbacks run in order,
each one receiving the result of the one before. Generators make the chain
read like straight-line code: the function yields a Deferred and resumes
when the result is ready.
"""


def words_of(text):
    """Lower-cased words with punctuation stripped."""
    out = []
    for raw in text.split():
        word = raw.strip(".,;:!?\"'").lower()
        if word:
            out.append(word)
    return out


def make_counter():
    # The closure keeps its table between calls; callers see only two functions.
    counts = {}

    def add(word):
        counts[word] = counts.get(word, 0) + 1

    def top(n):
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[:n]

    def size():
        return len(counts)

    return add, top, size


def bar(n):
    # Recursive on purpose: the demo shows that recursion works.
    return "" if n == 0 else "#" + bar(n - 1)


words = words_of(TEXT)
add, top, size = make_counter()
for w in words:
    add(w)

print(f"{len(words)} words, {size()} distinct")
print("-" * 30)
for rank, (word, count) in enumerate(top(8), 1):
    print(f"{rank:>2}. {word:<12} {count:>2} {bar(count)}")
print("-" * 30)
longest = max(words, key=len)
print("longest word: %s (%d letters)" % (longest, len(longest)))
print("average length: %.2f" % (sum([len(w) for w in words]) / len(words)))

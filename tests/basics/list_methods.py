# list methods: append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear.
xs = [3, 1, 2]
xs.append(5)
xs.extend([9, 0])
xs.extend(range(2))
xs.insert(0, 7)
xs.insert(-1, 8)
xs.insert(100, "end")
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(9)
print(xs, xs.index(2), xs.count(1), xs.count(42))
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
words.reverse()
print(words)
ys = words.copy()
ys.clear()
print(ys, len(words))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(3)
except ValueError as e:
    print("ValueError:", e)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(xs.append(1))

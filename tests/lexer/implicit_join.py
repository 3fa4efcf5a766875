# Implicit line joining inside (), [] and {}, with comments and odd indents.
total = (1 +
         2 +
    3)
print(total)
xs = [
    1,
  2,   # comment inside a list
        3,
]
print(xs)
d = {
    "a": 1,

    "b": 2,
}
print(d)
print(max(4,
          9,
          2))
def f(a,
      b=2,
      *args,
      c=3):
    return (a, b,
            args, c)
print(f(1,
        5,
        6, c=7))
if (total > 5 and
        total < 10):
    print("between")

# Dedent to a column between two block levels.
def f(x):
    if x:
        return 1
      return 2

# A module with an indentation error (imported by import_syntax.py)
def f():
    x = 1
      y = 2

# Identifier forms: underscores, digits, case, non-ASCII letters.
_private = 1
__dunder = 2
x1y2 = 3
CamelCase = 4
snake_case_name = 5
café = 6
π = 3.14
print(_private, __dunder, x1y2, CamelCase, snake_case_name, café, π)
_ = "underscore"
print(_)

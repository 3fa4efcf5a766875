# The last line of a traceback uses the class's __str__ and qualified name
class Outer:
    class Problem(Exception):
        def __str__(self):
            return "custom text (%d)" % self.args[0]


def check(n):
    if n > 2:
        raise Outer.Problem(n)
    check(n + 1)


check(0)

# A yield in a class body is outside any function.
class C:
    yield 1

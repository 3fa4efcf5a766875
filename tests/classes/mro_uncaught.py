# A class statement with an inconsistent MRO raises TypeError at definition
class A:
    pass


class B(A):
    pass


class C(A, B):
    pass

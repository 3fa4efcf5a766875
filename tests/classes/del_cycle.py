# __del__ of objects in a reference cycle: the collector finalizes the
# whole cycle before clearing any of it; an object a finalizer stores
# somewhere is resurrected (with what it references) and its __del__ never
# runs again, even when it finally dies
saved = []


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, self.other.n)
        if self.n == 1:
            saved.append(self)


a, b = C(1), C(2)
a.other, b.other = b, a
a = b = None
keep = [[] for i in range(5000)]  # enough allocations for a collection
print(len(saved), saved[0].n, saved[0].other.n, saved[0].other.other is saved[0])
saved.clear()
keep = [[] for i in range(5000)]
print("end")

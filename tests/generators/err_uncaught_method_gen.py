# An error in a generator method reached through __iter__ and list().

class Bag:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for item in self.items:
            yield item.upper()


print(list(Bag(["a", "b"])))
print(list(Bag(["a", 3])))

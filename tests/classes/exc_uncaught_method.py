# Tracebacks through methods, properties and special methods
class Account:
    def __init__(self, balance):
        self.balance = balance

    @property
    def ratio(self):
        return 100 / self.balance

    def __add__(self, other):
        return Account(self.balance + other.ratio)


a = Account(10)
b = Account(0)
print((a + a).balance)
c = a + b

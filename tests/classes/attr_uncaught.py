# AttributeError from an instance, with a method frame in the traceback
class Node:
    def __init__(self, value):
        self.value = value

    def describe(self):
        return "%s -> %s" % (self.value, self.next.value)


Node(1).describe()

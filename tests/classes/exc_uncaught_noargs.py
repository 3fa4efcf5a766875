# Uncaught exception of a user class without a message, then one whose str is empty
class Empty(Exception):
    pass


class Sub(Empty):
    def __str__(self):
        return ""


try:
    raise Sub("ignored")
except Empty as e:
    print(repr(str(e)))
raise Empty

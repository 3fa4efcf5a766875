# An exception escaping a with block: the traceback shows the body line
class Manager:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("exit saw", et.__name__)
        return False


def work(m):
    with m:
        return [1, 2][5]


work(Manager())

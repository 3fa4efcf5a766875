# An exception raised by __exit__ while handling the body's exception
class Manager:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise RuntimeError("cleanup failed")


with Manager():
    raise ValueError("body failed")

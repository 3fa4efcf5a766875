# An uncaught user exception with a cause and a context prints the chain
class ConfigError(Exception):
    pass


class Loader:
    def parse(self, text):
        try:
            return int(text)
        except ValueError as e:
            raise ConfigError("bad value: %r" % text) from e

    def load(self, text):
        try:
            return self.parse(text)
        finally:
            pass


def main():
    try:
        Loader().load("x1")
    except ConfigError:
        raise RuntimeError("startup failed")


main()

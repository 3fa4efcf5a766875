# A traceback through an imported module's functions shows its frames
import _mod_err


def main():
    _mod_err.boom()


main()

# A suspended generator still referenced from a global when the program
# ends is closed as the module is torn down: its finally block runs, and
# can still use builtins and globals.

LABEL = "global generator"


def gen():
    try:
        yield 1
    finally:
        print("finally of", LABEL, len([1, 2]))


g = gen()
next(g)
print("end of program")

# SyntaxError and IndentationError raised by importing a module: the
# exception's attributes, the module is not left in sys.modules, and
# SyntaxErrors built by hand print their location as CPython does
import sys


def show(e, name):
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    print(e.end_lineno, e.end_offset, e.filename.endswith(name + ".py"), name in sys.modules)


try:
    import _mod_syntax
except SyntaxError as e:
    show(e, "_mod_syntax")
try:
    import _mod_syntax
except SyntaxError as e:
    print("again", type(e).__name__, e.lineno)
try:
    import _mod_indent
except IndentationError as e:
    show(e, "_mod_indent")

try:
    raise SyntaxError("made up", ("virtual.py", 7, 3, "    a = = b\n", 7, 6))
except SyntaxError as e:
    print(str(e), e.args)
raise SyntaxError("made up", ("virtual.py", 7, 7, "    a = = b\n", 7, 8))

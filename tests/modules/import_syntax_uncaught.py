# An uncaught SyntaxError from an imported module: the import site's
# frames, then the module's file, line, source and caret
print("before")


def load():
    import _mod_syntax


load()

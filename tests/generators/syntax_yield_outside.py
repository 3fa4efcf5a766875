# yield at module level is a SyntaxError reported at compile time.
print("never printed")
x = yield 1

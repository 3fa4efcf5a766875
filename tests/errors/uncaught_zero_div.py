# An uncaught exception at module level: traceback on stderr, exit status 1.
print("before")
x = 0
print(10 / x)
print("never reached")

# finally blocks run before the uncaught exception is reported.
def work():
    try:
        print("working")
        raise KeyError("job")
    finally:
        print("cleanup")

try:
    work()
finally:
    print("outer cleanup")

# A bare raise re-raises the exception with its original traceback.
def risky():
    return [][0]

try:
    risky()
except IndexError:
    print("logging, then re-raising")
    raise

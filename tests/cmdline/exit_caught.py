# SystemExit can be caught like any exception; except Exception does not catch it.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit, code", e.code)
try:
    try:
        sys.exit("message")
    except Exception:
        print("not printed: SystemExit is not an Exception")
except BaseException as e:
    print(type(e).__name__, e.code)
print("still running")

# sys.exit deep in calls raises SystemExit; finally blocks still run.
import sys
def inner():
    try:
        sys.exit(4)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
print("not printed")

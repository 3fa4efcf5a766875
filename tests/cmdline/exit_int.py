# sys.exit(n) ends the program with status n; later code does not run.
import sys
print("before exit")
sys.exit(3)
print("not printed")

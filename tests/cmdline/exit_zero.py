# sys.exit(0) exits with status 0 and prints nothing extra.
import sys
print("zero")
sys.exit(0)

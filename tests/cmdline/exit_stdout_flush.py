# Buffered output is flushed before the process exits with sys.exit.
import sys
for i in range(1000):
    sys.stdout.write("%d\n" % i)
sys.exit(2)

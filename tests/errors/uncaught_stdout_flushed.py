# Output printed before the error is all there, and stderr has the traceback.
import sys
for i in range(3):
    print("line", i)
sys.stdout.write("partial line without newline")
sys.stderr.write("explicit stderr text\n")
raise OverflowError("big")

# sys.stderr.write goes to stderr, interleaved with stdout writes.
import sys
print("to stdout")
sys.stderr.write("to stderr\n")
sys.stderr.write("second stderr line, no newline")
sys.stderr.write("\n")
print("more stdout")

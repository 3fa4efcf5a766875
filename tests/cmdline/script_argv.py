# cmdline: {file} one "two words" --flag -c 3
# Arguments after the script name go to sys.argv unchanged, options included.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
for a in sys.argv[1:]:
    print(repr(a))

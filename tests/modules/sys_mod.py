# sys basics used by everyday scripts
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules, "builtins" in sys.modules)
print(sys.maxsize, sys.byteorder in ("little", "big"), sys.version_info[0], sys.version_info >= (3,))
print(sys.getrecursionlimit())
sys.stdout.write("written\n")
print("to stderr?", file=sys.stdout)
import builtins
print(builtins.len([1, 2]), builtins is sys.modules["builtins"])
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
sys.exit("bye")

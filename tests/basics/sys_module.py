# sys.argv, sys.stdout.write, sys.stderr.write, recursion limits.
import sys
print(sys.argv)
n = sys.stdout.write("written with sys.stdout.write\n")
print(n)
sys.stdout.write("no newline, ")
sys.stdout.write("then newline\n")
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError:
    print("RecursionError at the lower limit")
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
sys.stdout.write("unicode: é 日本\n")

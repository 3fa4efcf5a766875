# __name__ is "__main__" for the script and the module name otherwise
import _mod_a
if __name__ == "__main__":
    print("main block", __name__)
print(_mod_a.__name__)
import sys
print(sys.modules["__main__"].__name__, sys.argv[0])
main = sys.modules["__main__"]
top_level = "t"
print(main.top_level)

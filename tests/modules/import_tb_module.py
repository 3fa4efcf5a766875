# An exception while a module runs: traceback through <module> frames; the
# failed module is not left in sys.modules
import sys
try:
    import _mod_raise
except ValueError as e:
    print("caught", e, "_mod_raise" in sys.modules)
import _mod_raise

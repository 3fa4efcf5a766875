# An exception raised while a module imported by an imported module runs:
# every <module> frame appears in the traceback
print("main starts")
import _mod_outer

# A missing module raises ModuleNotFoundError (a subclass of ImportError)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name if hasattr(e, "name") else "")
try:
    from no_such_module_xyz import thing
except ModuleNotFoundError as e:
    print(e)
try:
    from _mod_a import no_such_name
except ImportError as e:
    msg = str(e)
    print(type(e).__name__, msg[:msg.index(" (")], msg.endswith("_mod_a.py)"))
print(issubclass(ModuleNotFoundError, ImportError))
import no_such_module_either

# import, import as, from-import (with as), import *; modules run once
import sys
import _mod_a
import _mod_a
import _mod_a as alias
from _mod_a import double, VALUE as V, Thing
print(_mod_a.VALUE, alias is _mod_a, double(V), Thing(), _mod_a.where())
print(__name__, _mod_a.__name__, "_mod_a" in sys.modules, sys.modules["_mod_a"] is _mod_a)
print(type(_mod_a).__name__, _mod_a.__doc__)
print(repr(sys)[:20])
print(_mod_a._private)


def local_import():
    import _mod_a as inner
    from _mod_a import VALUE
    return inner.double(VALUE)


print(local_import())
_mod_a.VALUE = 7
from _mod_a import VALUE
print(VALUE)

from _mod_star import *
print(public, _exported_private)
try:
    also_public
except NameError as e:
    print(e)
from _mod_nostar import *
print(visible, other)
try:
    _hidden
except NameError as e:
    print(e)
try:
    _sys
except NameError as e:
    print(e)
print(sorted(k for k in dir(_mod_a) if not k.startswith("__")))
print(hasattr(_mod_a, "double"), getattr(_mod_a, "nope", "dflt"))
try:
    _mod_a.nope
except AttributeError as e:
    print(e)

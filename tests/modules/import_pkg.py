# Packages: import a.b.c binds a; from a.b import c; submodules become attributes
import _pkg._deep._leaf
print(_pkg.PKG_VALUE, _pkg._deep._leaf.LEAF, _pkg._deep._leaf.name())
import _pkg._sub as s
print(s.SUB, s is _pkg._sub)
from _pkg._deep import _leaf as leaf
print(leaf.LEAF, leaf is _pkg._deep._leaf)
from _pkg import _sub
print(_sub.SUB)
import sys
print(sorted(k for k in sys.modules if k.startswith("_pkg")))
print(_pkg.__name__, _pkg._deep.__name__)
import _pkg
print(_pkg._deep is sys.modules["_pkg._deep"])
try:
    import _pkg.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _mod_missing.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from _pkg import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import _mod_a.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

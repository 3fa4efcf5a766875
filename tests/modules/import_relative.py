# Relative imports inside packages: from . import x, from ..mod import y
import _rel
import _rel._sub._leaf as leaf
print(leaf.L, leaf.PKG, _rel._sub._leaf is leaf, _rel._mod.X)
try:
    from . import nothing
except ImportError as e:
    print(type(e).__name__, e)
print(__package__ if __package__ else repr(__package__))

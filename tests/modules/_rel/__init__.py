from . import _mod
from ._mod import X as Y
from ._sub import _leaf
print("_rel init", _mod.X, Y, _leaf.L, __name__, __package__)

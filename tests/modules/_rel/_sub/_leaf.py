from .. import _mod
from .._mod import X
L = "leaf %d" % X
PKG = __package__

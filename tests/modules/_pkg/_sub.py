print("init _pkg._sub")
from _pkg import PKG_VALUE
SUB = "sub of " + PKG_VALUE

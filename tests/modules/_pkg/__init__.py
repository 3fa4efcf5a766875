print("init _pkg")
PKG_VALUE = "pkg"

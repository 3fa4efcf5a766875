import sys as _sys
visible = 1
_hidden = 2
other = "x"

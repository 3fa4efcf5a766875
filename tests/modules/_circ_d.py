import sys
import _circ_c
print("in _circ_d: _circ_c partially initialised:", hasattr(_circ_c, "c_value"), "_circ_c" in sys.modules)
d_value = "d"


def from_c():
    return _circ_c.c_value

import _circ_d
c_value = "c"


def from_d():
    return _circ_d.d_value

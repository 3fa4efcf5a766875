# Circular imports: a partially initialised module sits in sys.modules
import _circ_c
import _circ_d
print(_circ_c.from_d(), _circ_d.from_c())
try:
    import _circ_a
except ImportError as e:
    msg = str(e)
    print(type(e).__name__, msg[:msg.rindex(" (")], msg.endswith("_circ_a.py)"))
import sys
print("_circ_a" in sys.modules, "_circ_b" in sys.modules)

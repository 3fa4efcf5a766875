# An exception raised in finally while another propagates: context chain.
try:
    raise ValueError("first")
finally:
    print("in finally")
    [][1]

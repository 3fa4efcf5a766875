# A module that imports a failing module (import_tb_nested.py)
print("outer starts")


def helper():
    import _mod_raise


helper()

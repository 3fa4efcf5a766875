print("starting _mod_raise")
raise ValueError("module failed at import")

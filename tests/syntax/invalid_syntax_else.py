# else with no if before it.
else:
    pass

# A call as a for-loop target.
for f() in [1]:
    pass

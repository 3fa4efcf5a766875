# if header without its colon.
x = 1
if x
    pass

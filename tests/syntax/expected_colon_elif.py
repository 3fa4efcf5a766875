# elif header without its colon, after a good if.
x = 1
if x:
    pass
elif x
    pass

# if at end of file with no body at all.
x = 1
if x:

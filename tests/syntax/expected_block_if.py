# if header followed by an unindented statement.
if True:
print(1)

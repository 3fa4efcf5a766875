# while with blank lines but no body.
while 1:

pass

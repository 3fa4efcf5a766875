# for with no indented body.
for i in range(3):
pass

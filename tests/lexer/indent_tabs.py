# Tabs indent to the next multiple of 8; blocks may use tabs or spaces.
def f(x):
	if x > 0:
		return "positive"
	else:
		return "not positive"

def g(x):
    if x:
        return "spaces"
    return "none"

print(f(1), f(-1))
print(g(1), g(0))

for i in range(2):
	for j in range(2):
		print(i, j)
	print("end", i)

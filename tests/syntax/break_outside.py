# break at module level after a finished loop.
for i in range(2):
    pass
break

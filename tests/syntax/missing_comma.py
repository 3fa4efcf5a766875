# Two expressions side by side inside a call.
print(1 2)

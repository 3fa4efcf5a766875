# Assignment to a call.
f() = 1

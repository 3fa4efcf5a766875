# An exception message spanning lines is printed as it is.
raise ValueError("first line\nsecond line")

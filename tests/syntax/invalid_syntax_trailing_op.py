# An expression cut short at the end of the line.
x = 1 +

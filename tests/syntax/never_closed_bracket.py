# An unclosed bracket followed by more lines.
x = [1, 2
y = 3

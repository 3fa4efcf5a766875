# A single-quoted string that runs off the line.
x = 'abc

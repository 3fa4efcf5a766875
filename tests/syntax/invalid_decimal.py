# A decimal literal running into letters.
x = 1abc

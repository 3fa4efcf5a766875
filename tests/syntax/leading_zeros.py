# Leading zeros in a decimal integer.
x = 09

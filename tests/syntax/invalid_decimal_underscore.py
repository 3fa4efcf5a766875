# A trailing underscore in a decimal literal.
x = 12_

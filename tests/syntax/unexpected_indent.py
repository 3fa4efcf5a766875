# An indented statement where no block opens.
x = 1
    y = 2

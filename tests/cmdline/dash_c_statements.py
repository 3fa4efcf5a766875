# cmdline: -c "x = 6; y = 7; print(x * y); [print(i) for i in range(3)]"
# Several statements separated by semicolons in -c.

# cmdline:
# With no arguments and stdin not a terminal, the program comes from stdin.

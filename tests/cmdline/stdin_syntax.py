# cmdline: -
# A syntax error in a program read from stdin.

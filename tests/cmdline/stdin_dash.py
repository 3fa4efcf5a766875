# cmdline: - alpha beta
# `weft -` reads the program from stdin (stdin_dash.py.in); argv[0] is '-'.

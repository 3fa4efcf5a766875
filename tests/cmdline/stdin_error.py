# cmdline: -
# An uncaught error in a program read from stdin: frames say <stdin>.

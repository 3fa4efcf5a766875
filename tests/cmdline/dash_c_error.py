# cmdline: -c "x = 1; print('before'); y = x / 0"
# An uncaught error in -c code: frames say <string> and show no source line.

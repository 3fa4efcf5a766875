# weft-only
# cmdline: nope.py
# A script that does not exist: weft names it as given (CPython prints an
# absolute path and "/usr/bin/python3:" instead of "weft:"), exit status 2.

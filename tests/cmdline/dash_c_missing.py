# weft-only
# cmdline: -c

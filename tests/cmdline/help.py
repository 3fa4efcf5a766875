# weft-only
# cmdline: --help

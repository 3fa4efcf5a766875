# weft-only
# cmdline: --version

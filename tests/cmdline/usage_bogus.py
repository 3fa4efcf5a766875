# weft-only
# cmdline: --bogus
# An unknown option is a usage error: a message, the usage line, exit status 2.

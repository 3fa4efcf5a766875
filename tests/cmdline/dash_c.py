# cmdline: -c "print(1 + 1)"
# weft -c CODE runs CODE; this file itself is not run.

# cmdline: -c "import sys; print('bye'); sys.exit(7)"
# sys.exit(n) in -c sets the exit status.

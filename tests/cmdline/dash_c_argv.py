# cmdline: -c "import sys; print(sys.argv)" first -x --long "with space"
# Arguments after -c CODE go to sys.argv, with '-c' as argv[0].

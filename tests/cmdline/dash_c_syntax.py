# cmdline: -c "print(1 +"
# A syntax error in -c code is reported against <string>.

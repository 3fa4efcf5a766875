# cmdline: -c "import _mod_a; print(_mod_a.double(_mod_a.VALUE)); import _pkg._sub; print(_pkg._sub.SUB)"

# Whitespace and a comment on the last line, no newline at end.
if True:
    print("in block")
    # trailing comment
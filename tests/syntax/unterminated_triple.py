# A triple-quoted string that never ends.
x = """abc

def

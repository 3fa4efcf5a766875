# An error inside an except block: both tracebacks, joined by "During handling".
def parse(text):
    try:
        return int(text)
    except ValueError:
        return undefined_fallback(text)

print(parse("12"))
print(parse("twelve"))

# An unterminated string literal inside an open call.
print("ok")
print("oops, missing the closing quote)

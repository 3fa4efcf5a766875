# raise ... from None suppresses the context entirely.
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError("clean message") from None

# A failing assert with a message.
def validate(x):
    assert x >= 0, "negative input"
    return x

validate(3)
validate(-1)

# Three chained exceptions: context, then cause.
def step():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise KeyError("second")
    except KeyError as e:
        raise TypeError("third") from e

step()

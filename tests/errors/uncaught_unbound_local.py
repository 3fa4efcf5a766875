# UnboundLocalError: a local read before its assignment.
count = 0
def increment():
    count += 1
    return count

increment()

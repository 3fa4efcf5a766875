# The line reported for an error in a call split over several lines.
def f(a, b, c):
    return a + b + c

result = f(1,
           2,
           "three")

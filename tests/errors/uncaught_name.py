# NameError from a misspelt name inside a function.
def greet(name):
    return "hello " + salutation_text

print(greet("x"))

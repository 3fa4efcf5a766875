# Two operators in a row: the generic message.
print("never printed")
x = = 1

# assert with and without a message; pass as a placeholder.
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), str(e) == "")
try:
    assert [], "empty list is false"
except AssertionError as e:
    print("AssertionError:", e)
try:
    x = 3
    assert x > 5, f"x is {x}"
except AssertionError as e:
    print(e.args)
def placeholder():
    pass
for i in range(3):
    pass
if True:
    pass
else:
    pass
print(placeholder())

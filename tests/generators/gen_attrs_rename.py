# A generator's __name__ and __qualname__ can be reassigned (to strings
# only); a generator function renamed later makes generators with the new
# names.

def func():
    yield 1


# names may be reassigned on the generator object
gen = func()
gen.__name__ = "name"
gen.__qualname__ = "qualname"
print(gen.__name__, gen.__qualname__)
try:
    gen.__name__ = 123
except TypeError as e:
    print("TypeError", e)
try:
    del gen.__name__
except TypeError as e:
    print("TypeError", e)

# renaming the function changes later generators
func.__name__ = "func_name"
func.__qualname__ = "func_qualname"
gen = func()
print(gen.__name__, gen.__qualname__)

# Breaking out of a for loop drops the generator the loop created: its
# finally runs right after the break, before the code after the loop.

def gen():
    try:
        for i in range(10):
            yield i
    finally:
        print("generator closed")


for v in gen():
    if v == 2:
        print("breaking at", v)
        break
print("after loop")


def find(pred):
    for v in gen():
        if pred(v):
            return v


print("found", find(lambda v: v == 3))

# an exception out of the loop body also drops it
try:
    for v in gen():
        if v == 1:
            raise KeyError("body error")
except KeyError:
    print("caught KeyError")
print("after try")

# any() returning early drops the generator it was given
print(any(v > 1 for v in gen()))
print("after any")

# nested generators dropped together: inner first? The outer's frame holds
# the inner, so closing the outer closes the inner while unwinding.
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")


def outer():
    try:
        for v in inner():
            yield v
    finally:
        print("outer closed")


for v in outer():
    break
print("after nested")

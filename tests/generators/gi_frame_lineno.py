# The frame of a suspended generator: its line number is the yield it is
# paused at, and its code is the generator function's.

# the frame of a live generator knows its line number
def lines():
    yield 1
    yield 2


gen = lines()
next(gen)
print("f_lineno", gen.gi_frame.f_lineno)
next(gen)
print("f_lineno", gen.gi_frame.f_lineno)
print(gen.gi_frame.f_code.co_name, gen.gi_code.co_name)

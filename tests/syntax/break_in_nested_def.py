# break inside a def inside a loop is still outside a loop.
while True:
    def f():
        break

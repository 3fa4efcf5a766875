# A non-None value sent into a just-started generator, uncaught.

def gen():
    x = yield
    print(x)


gen().send(1)

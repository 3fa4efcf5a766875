# Throwing GeneratorExit into a yield from: the sub-generator's reaction
# decides what the caller sees.

def run(f):
    trace = []

    def g():
        trace.append("Enter g")
        yield from f(trace)
        trace.append("Exit g")

    try:
        gi = g()
        next(gi)
        gi.throw(GeneratorExit)
    except GeneratorExit:
        print("GeneratorExit propagated")
    except RuntimeError as e:
        print("RuntimeError", e)
    except ValueError as e:
        print("ValueError", e, "context", type(e.__context__).__name__)
    else:
        print("no exception")
    print(trace)


def returns(trace):
    try:
        trace.append("Enter f")
        yield
        trace.append("Exit f")
    except GeneratorExit:
        return


def yields(trace):
    try:
        trace.append("Enter f")
        yield
        trace.append("Exit f")
    except GeneratorExit:
        yield


def raises(trace):
    try:
        trace.append("Enter f")
        yield
        trace.append("Exit f")
    except GeneratorExit:
        raise ValueError("Vorpal bunny encountered")


def ignores_via_finally(trace):
    try:
        yield
    finally:
        trace.append("finally in f")


run(returns)
run(raises)
run(ignores_via_finally)

# throw(GeneratorExit) into a sub-generator that yields: 3.11 rejects it as
# close() would
try:
    run(yields)
except Exception as e:
    print("escaped", type(e).__name__, e)

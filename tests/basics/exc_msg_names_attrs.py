# Messages of NameError, UnboundLocalError and AttributeError.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
show(lambda: undefined_thing)
show(lambda: "abc".nope)
show(lambda: None.attr)
show(lambda: [].push)
def x_local_before_assignment():
    y = x_unbound + 1
    x_unbound = 2
show(x_local_before_assignment)
def unbound():
    print(v)
    v = 1
show(unbound)
def uses_global_later():
    total = 0
    def inner():
        return missing_global_name
    return inner()
show(uses_global_later)

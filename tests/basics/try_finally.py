# try / except / else / finally in every combination, and finally with return/break.
def run(fail):
    log = []
    try:
        log.append("body")
        if fail:
            raise ValueError("boom")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False))
print(run(True))
def only_finally():
    try:
        return "from try"
    finally:
        print("finally runs before the return")
print(only_finally())
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("loop finally", i)
for i in range(3):
    try:
        if i == 0:
            continue
        print("body", i)
    finally:
        print("continue finally", i)
try:
    try:
        raise IndexError("propagates")
    finally:
        print("inner finally")
except IndexError as e:
    print("outer caught", e)
def nested():
    try:
        try:
            return "inner"
        finally:
            print("f1")
    finally:
        print("f2")
print(nested())
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
try:
    x = 1
finally:
    print("try/finally without except, x =", x)

# The time module: time, sleep, monotonic, perf_counter (no timing printed)
import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
r = time.sleep(0.05)
print(r)
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
print(type(t0).__name__, t0 > 1.6e9, t1 >= t0)
print(m1 - m0 >= 0.045, p1 - p0 >= 0.045, m1 - m0 < 5)
time.sleep(0)
for bad in (-1, "x"):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(time.time_ns()).__name__, time.time_ns() > 10 ** 18, type(time.monotonic_ns()).__name__)
print(type(time.perf_counter_ns()).__name__)
from time import time as now
print(now() > 0)

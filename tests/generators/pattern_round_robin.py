# Round-robin schedulers over generator tasks.

def task(name, steps):
    for i in range(steps):
        print("%s step %d" % (name, i))
        yield
    print("%s done" % name)


def round_robin(tasks):
    queue = list(tasks)
    while queue:
        t = queue.pop(0)
        try:
            next(t)
        except StopIteration:
            continue
        queue.append(t)


round_robin([task("A", 3), task("B", 1), task("C", 2)])
print("--")


# a scheduler with system calls: tasks yield requests and get replies
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Spawn:
    def __init__(self, gen):
        self.gen = gen


class GetTid:
    pass


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.tick = 0
        self.next_tid = 1

    def spawn(self, gen):
        tid = self.next_tid
        self.next_tid += 1
        self.ready.append((tid, gen, None))
        return tid

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.tick += 1
                still = []
                for wake, tid, gen in self.sleeping:
                    if wake <= self.tick:
                        self.ready.append((tid, gen, self.tick))
                    else:
                        still.append((wake, tid, gen))
                self.sleeping = still
                continue
            tid, gen, value = self.ready.pop(0)
            try:
                req = gen.send(value)
            except StopIteration as e:
                print("[t=%d] task %d exited with %r" % (self.tick, tid, e.value))
                continue
            if isinstance(req, Sleep):
                self.sleeping.append((self.tick + req.ticks, tid, gen))
            elif isinstance(req, Spawn):
                self.ready.append((tid, gen, self.spawn(req.gen)))
            elif isinstance(req, GetTid):
                self.ready.append((tid, gen, tid))
            else:
                self.ready.append((tid, gen, None))


def worker(name, n, delay):
    me = yield GetTid()
    for i in range(n):
        print("[%s:%d] working %d" % (name, me, i))
        woke = yield Sleep(delay)
        print("[%s:%d] woke at %d" % (name, me, woke))
    return name + " finished"


def parent():
    me = yield GetTid()
    child = yield Spawn(worker("child", 2, 1))
    print("[parent:%d] spawned %d" % (me, child))
    yield Sleep(3)
    return "parent finished"


s = Scheduler()
s.spawn(worker("w", 2, 2))
s.spawn(parent())
s.run()
print("--")


# tasks that delegate to sub-tasks with yield from; the scheduler only sees
# the outer generators
def subtask(name, n):
    for i in range(n):
        yield "%s.%d" % (name, i)
    return n


def main_task(name):
    a = yield from subtask(name + "/x", 2)
    b = yield from subtask(name + "/y", 1)
    return a + b


tasks = [main_task("P"), main_task("Q")]
results = {}
while tasks:
    t = tasks.pop(0)
    try:
        print("ran", next(t))
        tasks.append(t)
    except StopIteration as e:
        results[t.__name__ + str(len(results))] = e.value
print(results)

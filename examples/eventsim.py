# A tiny discrete-event simulation: customers arrive at a shop with two
# tills; events wait in a binary heap ordered by (time, sequence number).
# Random numbers come from a small linear congruential generator, so every
# run (and every implementation) prints the same.


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return self.state / 2 ** 31

    def between(self, lo, hi):
        return lo + (hi - lo) * self.next()


class Heap:
    """A binary min-heap of comparable items."""

    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def push(self, item):
        items = self.items
        items.append(item)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if not items[i] < items[parent]:
                break
            items[i], items[parent] = items[parent], items[i]
            i = parent

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if items:
            items[0] = last
            i, n = 0, len(items)
            while True:
                smallest = i
                for child in (2 * i + 1, 2 * i + 2):
                    if child < n and items[child] < items[smallest]:
                        smallest = child
                if smallest == i:
                    break
                items[i], items[smallest] = items[smallest], items[i]
                i = smallest
        return top


class Event:
    seq = 0

    def __init__(self, time):
        self.time = time
        Event.seq += 1
        self.seq = Event.seq

    def __lt__(self, other):
        return (self.time, self.seq) < (other.time, other.seq)

    def __repr__(self):
        return "%s@%.2f" % (type(self).__name__, self.time)


class Arrival(Event):
    def __init__(self, time, customer):
        super().__init__(time)
        self.customer = customer

    def fire(self, shop):
        shop.arrive(self.customer, self.time)


class Departure(Event):
    def __init__(self, time, till):
        super().__init__(time)
        self.till = till

    def fire(self, shop):
        shop.depart(self.till, self.time)


class Customer:
    def __init__(self, ident, items):
        self.ident = ident
        self.items = items
        self.arrived = None
        self.served = None


class Till:
    def __init__(self, name, speed):
        self.name = name
        self.speed = speed
        self.current = None
        self.busy_time = 0.0
        self.served = 0


class Shop:
    def __init__(self, sim, tills):
        self.sim = sim
        self.tills = tills
        self.queue = []
        self.waits = []
        self.longest_queue = 0

    def arrive(self, customer, now):
        customer.arrived = now
        self.queue.append(customer)
        self.longest_queue = max(self.longest_queue, len(self.queue))
        self.start_service(now)

    def start_service(self, now):
        for till in self.tills:
            if till.current is None and self.queue:
                customer = self.queue.pop(0)
                customer.served = now
                self.waits.append(now - customer.arrived)
                duration = customer.items * till.speed
                till.current = customer
                till.busy_time += duration
                self.sim.schedule(Departure(now + duration, till))

    def depart(self, till, now):
        self.sim.log("%6.2f  %-6s done with customer %2d (%d items)" % (
            now, till.name, till.current.ident, till.current.items))
        till.current = None
        till.served += 1
        self.start_service(now)


class Simulation:
    def __init__(self, seed, verbose_until):
        self.events = Heap()
        self.now = 0.0
        self.rng = Rng(seed)
        self.verbose_until = verbose_until
        self.fired = 0

    def schedule(self, event):
        self.events.push(event)

    def log(self, line):
        if self.now <= self.verbose_until:
            print(line)

    def run(self, shop, until):
        while self.events:
            event = self.events.pop()
            if event.time > until:
                self.schedule(event)
                break
            self.now = event.time
            event.fire(shop)
            self.fired += 1


sim = Simulation(seed=2024, verbose_until=12.0)
shop = Shop(sim, [Till("fast", 0.4), Till("slow", 0.7)])
t = 0.0
for ident in range(1, 41):
    t += sim.rng.between(0.5, 3.0)
    sim.schedule(Arrival(t, Customer(ident, int(sim.rng.between(1, 12)))))
print("first events:", sorted(sim.events.items)[:3])
sim.run(shop, until=60.0)
print("...")
print("events fired:", sim.fired, "pending:", len(sim.events))
print("customers served:", sum(t.served for t in shop.tills), "still queued:", len(shop.queue))
for till in shop.tills:
    print("till %-4s served %2d, busy %5.1f%%" % (till.name, till.served, 100 * till.busy_time / sim.now))
waits = sorted(shop.waits)
print("wait: mean %.2f, median %.2f, max %.2f" % (
    sum(waits) / len(waits), waits[len(waits) // 2], waits[-1]))
print("longest queue:", shop.longest_queue)

# cmdline: -c "for i in range(3): print('item', i)"
# A one-line compound statement in -c.

# yield from at module level.
yield from [1, 2]

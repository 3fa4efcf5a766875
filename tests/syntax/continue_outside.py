# continue at module level.
continue

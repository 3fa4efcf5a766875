# Two names side by side.
a b

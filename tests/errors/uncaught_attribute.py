# AttributeError on a built-in type.
words = ["a", "b"]
words.add("c")

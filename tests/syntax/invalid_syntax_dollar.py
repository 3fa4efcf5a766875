# A character that starts no token.
x = 5 $ 3

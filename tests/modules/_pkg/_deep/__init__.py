print("init _pkg._deep")

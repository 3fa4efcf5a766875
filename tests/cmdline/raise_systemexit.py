# raise SystemExit(n) behaves like sys.exit(n).
print("raising")
raise SystemExit(6)

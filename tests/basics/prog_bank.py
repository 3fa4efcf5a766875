# Closures as objects: an account with private state and error handling.
def make_account(owner, balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("deposit must be positive")
        balance += amount
        history.append(("deposit", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: {balance} < {amount}")
        balance -= amount
        history.append(("withdraw", amount))
        return balance
    def report():
        return f"{owner}: {balance} after {len(history)} operations"
    return {"deposit": deposit, "withdraw": withdraw, "report": report}
acct = make_account("ann", 10)
print(acct["deposit"](5), acct["withdraw"](3))
for op, amount in [("withdraw", 100), ("deposit", -1), ("deposit", 8)]:
    try:
        print(op, amount, "->", acct[op](amount))
    except ValueError as e:
        print(op, amount, "failed:", e)
print(acct["report"]())

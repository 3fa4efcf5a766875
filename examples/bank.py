# A small bank: accounts as classes, errors as exception classes, transfers
# that roll back through a context manager, and a report at the end.


class BankError(Exception):
    """Base class of everything that can go wrong at the bank."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(account.number, amount)
        self.account = account
        self.amount = amount

    def __str__(self):
        return "account %s has %.2f, cannot withdraw %.2f" % (
            self.account.number, self.account.balance, self.amount)


class AccountNotFound(BankError, KeyError):
    pass


class Frozen(BankError):
    pass


class Account:
    next_number = 1000
    kind = "checking"

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []
        self.frozen = False

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive, got %r" % amount)
        self._check()
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def _check(self):
        if self.frozen:
            raise Frozen("account %d is frozen" % self.number)

    def month_end(self):
        pass

    def __repr__(self):
        return "%s(%r, %d, %.2f)" % (type(self).__name__, self.owner, self.number, self._balance)

    def __lt__(self, other):
        return (self._balance, self.number) < (other._balance, other.number)

    def __eq__(self, other):
        return isinstance(other, Account) and self.number == other.number

    def __hash__(self):
        return hash(self.number)


class Savings(Account):
    kind = "savings"
    rate = 0.01

    def __init__(self, owner, balance=0.0, rate=None):
        super().__init__(owner, balance)
        if rate is not None:
            self.rate = rate
        self.withdrawals = 0

    def withdraw(self, amount):
        if self.withdrawals >= 2:
            raise BankError("savings account %d: withdrawal limit reached" % self.number)
        super().withdraw(amount)
        self.withdrawals += 1

    def month_end(self):
        interest = round(self._balance * self.rate, 2)
        if interest:
            self._balance += interest
            self.history.append(("interest", interest))
        self.withdrawals = 0

    @classmethod
    def premium(cls, owner, balance):
        return cls(owner, balance, rate=0.02)


class Transaction:
    """Undoes every change to the accounts if the block raises."""

    def __init__(self, bank, *accounts):
        self.bank = bank
        self.accounts = accounts

    def __enter__(self):
        self.saved = [(a, a._balance, len(a.history)) for a in self.accounts]
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.bank.log.append("commit")
            return False
        for account, balance, n in self.saved:
            account._balance = balance
            del account.history[n:]
        self.bank.log.append("rollback: %s: %s" % (exc_type.__name__, exc))
        return issubclass(exc_type, BankError)


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.log = []

    def open(self, account):
        self.accounts[account.number] = account
        return account

    def __getitem__(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise AccountNotFound(number) from None

    def __len__(self):
        return len(self.accounts)

    def __iter__(self):
        return iter(sorted(self.accounts.values()))

    def __contains__(self, number):
        return number in self.accounts

    def transfer(self, src, dst, amount):
        with Transaction(self, self[src], self[dst]):
            self[src].withdraw(amount)
            self[dst].deposit(amount)

    def total(self):
        return sum(a.balance for a in self.accounts.values())


bank = Bank("Weft Savings & Loan")
alice = bank.open(Account("alice", 120.0))
bob = bank.open(Savings("bob", 500.0))
carol = bank.open(Savings.premium("carol", 1000.0))
dave = bank.open(Account("dave"))
print(len(bank), "accounts;", "total %.2f" % bank.total())
print(alice, bob, carol, dave, sep="\n")

bank.transfer(alice.number, dave.number, 50)
bank.transfer(alice.number, dave.number, 100)       # insufficient: rolled back
bank.transfer(bob.number, alice.number, 10)
bank.transfer(bob.number, alice.number, 10)
bank.transfer(bob.number, alice.number, 10)         # limit reached
dave.frozen = True
bank.transfer(carol.number, dave.number, 1)         # frozen: deposit fails
dave.frozen = False
try:
    bank.transfer(alice.number, dave.number, -5)    # ValueError is not a BankError
except ValueError as e:
    print("refused:", e)
try:
    bank.transfer(alice.number, 4242, 1)
except KeyError as e:
    print("no such account:", e, isinstance(e, BankError))

for line in bank.log:
    print(" ", line)

for account in bank:
    account.month_end()

print("after month end:")
for account in bank:
    print("  %-5s %-8s %4d %9.2f  %s" % (account.owner, account.kind, account.number,
                                       account.balance, account.history))
print("total %.2f" % bank.total())
print(1001 in bank, 999 in bank, bank[1002].owner, max(bank).owner, min(bank).owner)
richest = sorted(bank, reverse=True)[:2]
print([a.owner for a in richest], len({alice, bob, alice}))
try:
    alice.withdraw(10**6)
except InsufficientFunds as e:
    print(type(e).__name__, e, e.args)

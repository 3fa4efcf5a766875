x = f"{a!r:>{w}} {{b}} {c=} {d:{e}{f}}" rf'\d{g}' f'''{
h}'''
y = f"{'q'}" "plain" f"{x:.2f}"

# The error line inside a loop body inside a function inside another loop.
def process(rows):
    out = []
    for row in rows:
        out.append(row[0] / row[1])
    return out

for batch in ([(1, 2)], [(3, 0)]):
    print(process(batch))

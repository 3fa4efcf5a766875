# Deeply nested brackets and blocks.
x = ((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))
print(x)
y = [[[[[[[[[[["deep"]]]]]]]]]]]
print(y[0][0][0][0][0][0][0][0][0][0][0])
print({"a": {"b": {"c": {"d": [1, (2, {"e": 3})]}}}}["a"]["b"]["c"]["d"][1][1]["e"])
def f():
    if True:
        for i in range(1):
            while True:
                if i == 0:
                    if not False:
                        for j in range(1):
                            if True:
                                if True:
                                    if True:
                                        print("twelve levels deep")
                break
f()
print(-(-(-(-(-1)))), not not not True, - - 5, ~~7)

def helper(d):
    return d["missing"]


def boom():
    return helper({})

# A recursive pretty-printer for nested dicts and lists.
def pretty(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, (dict, list)):
                lines.append(f"{pad}{k}:")
                lines.extend(pretty(v, indent + 1))
            else:
                lines.append(f"{pad}{k}: {v!r}")
        return lines
    if isinstance(value, list):
        lines = []
        for i, v in enumerate(value):
            if isinstance(v, (dict, list)):
                lines.append(f"{pad}- [{i}]")
                lines.extend(pretty(v, indent + 1))
            else:
                lines.append(f"{pad}- {v!r}")
        return lines
    return [pad + repr(value)]
doc = {"name": "weft", "version": (0, 1, 0), "tags": ["c", "python", {"nested": True}],
       "deps": {"gmp": "6.2", "uv": None}, "ratio": 0.5}
print("\n".join(pretty(doc)))
print(doc)

class C(A, metaclass=M):
	def m(self, *a, k=1, **kw):
		try:
			return [x for x in a if x]
		except (E, F) as e:
			raise X from e
		finally:
			pass
while 1:
    with open(p) as f, (g) as h:
        yield from f
    break
else:
  pass

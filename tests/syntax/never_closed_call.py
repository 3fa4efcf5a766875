# A call whose arguments run to end of file.
foo(
  1,
  2,

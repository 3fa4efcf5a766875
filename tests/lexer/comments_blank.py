# Comments and blank lines anywhere, including odd indentation.

   # an indented comment at module level

def f():
    # comment at block start

    x = 1   # trailing comment

# comment at column 0 inside the function body
        # over-indented comment
    
    return x  # whitespace-only line above

   

print(f())  # comment after a call
if True:
    pass
    # comment after the last statement of a block
# comment before else
else:
    pass
print("ok")
# final comment without a newline after it

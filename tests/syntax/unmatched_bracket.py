# A closing bracket with no opener.
x = ]

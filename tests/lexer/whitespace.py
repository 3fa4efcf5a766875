# Tabs and extra spaces inside lines do not matter.
x	=	1
y  =   2   +	x
print( x ,  y )
print	("tab before paren")
z = [ 1 ,	2 ,
	3 ]
print(z)
if x :
    print ( "spaces around colon" )
def  spaced ( a ,  b = 1 ) :
    return  a  +  b
print(spaced( 2 ))

# Directories added to sys.path are searched; a traceback shows the path found
import sys
sys.path.append("_lib")
import libmod
import libpkg
print(libmod.LIB, libpkg.INNER, libpkg.inner.INNER)
libmod.fail()

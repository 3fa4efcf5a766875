from libpkg.inner import INNER

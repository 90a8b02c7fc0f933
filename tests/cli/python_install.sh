#!/usr/bin/env bash
# cmake --install puts the Python module where /usr/bin/python3 looks under the prefix, and the
# module finds the installed libxapian-arabic by its RPATH (no LD_LIBRARY_PATH), also when
# staged under another prefix.
set -euo pipefail
build=${XA_BUILD_DIR:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
if [ "$(cache XA_BUILD_PYTHON)" = OFF ]; then echo "SKIP: XA_BUILD_PYTHON=OFF"; exit 0; fi
# The ASan runtime is linked into executables only: a plain /usr/bin/python3 cannot load the
# sanitized module (tests/CMakeLists.txt preloads it for the python.* tests instead).
if [ "$(cache XA_SANITIZE)" = ON ]; then echo "SKIP: sanitizer build"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/stage

cmake --install "$build" --prefix "$prefix" >/dev/null
pydir=$prefix/$(cache XA_PYTHON_INSTALL_DIR)
[ -f "$pydir/xapian_arabic/__init__.py" ] || fail "package not installed in $pydir"
# The default prefix must be a folder Debian's python searches.
if [ "$(cache CMAKE_INSTALL_PREFIX)" = /usr/local ]; then
  /usr/bin/python3 -c 'import sys; sys.exit(0 if sys.argv[1] in sys.path else 1)' \
    "/usr/local/$(cache XA_PYTHON_INSTALL_DIR)" || fail "/usr/bin/python3 does not search $(cache XA_PYTHON_INSTALL_DIR)"
fi
cd "$tmp"
env -u LD_LIBRARY_PATH PYTHONPATH="$pydir" PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 - "$prefix" <<'PY' ||
import sys
import xapian_arabic as xa

prefix = sys.argv[1]
assert xa.__file__.startswith(prefix), xa.__file__
libs = {line.split()[-1] for line in open("/proc/self/maps") if "libxapian-arabic" in line}
assert libs and all(lib.startswith(prefix) for lib in libs), libs
assert xa.stem("والمعلمين") == "معلم"
import xapian
assert str(xa.parse_query("المعلمين")) == "Query(Zمعلم@1)"
PY
  fail "the staged module does not import, or loads another libxapian-arabic"
echo "python_install: OK"

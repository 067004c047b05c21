# common.sh - shared by the scripts: install what is missing from Debian, configure and build.
# Sourced, not run. Works as root or, through sudo, as a user who may use it.

# What building needs; scripts/test adds what the tests use (Python with openpyxl to read
# workbooks back, Chromium for the browser test).
SCORECARD_PACKAGES="gcc make cmake pkg-config liblua5.4-dev libcjson-dev libsqlite3-dev libxlsxwriter-dev libzip-dev libexpat1-dev r-mathlib"
SCORECARD_TEST_PACKAGES="python3 python3-openpyxl python3-jsonschema chromium"

install_missing() {
  local missing=""
  for p in $SCORECARD_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing from Debian:$missing" >&2
  local as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

# build DIR [CMAKE OPTIONS...]: configure (once) and build into DIR. Warnings are errors
# here, as in CI; a plain cmake build (a packager's) only reports them.
build() {
  local dir=$1
  shift
  cmake -S "$ROOT" -B "$ROOT/$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCORECARD_WERROR=ON "$@" >/dev/null
  cmake --build "$ROOT/$dir" --parallel "$(nproc 2>/dev/null || echo 2)"
}

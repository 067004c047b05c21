# lib.sh - helpers for the end-to-end tests, which run the real `scorecard` binary.
# Each test sources this file; ctest sets SCORECARD, REPO and SHARED.
set -u
: "${SCORECARD:?set by ctest}" "${REPO:?set by ctest}" "${SHARED:=}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scorecard-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export SCORECARD_DB="$WORK/test.db"
export SCORECARD_DATA="$REPO/data"
FAILED=0
CHECKS=0
OUT="$WORK/stdout"
ERR="$WORK/stderr"

fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL: $*" >&2
}

# A sanitizer report anywhere fails the test, whatever the exit status was.
no_sanitizer_report() {
  if grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:" "$1"; then
    fail "sanitizer report: $(grep -m1 -E "Sanitizer|runtime error" "$1")"
    touch "$WORK/sanitizer-report" # seen by finish() even from a subshell
  fi
}

# run CMD...: runs scorecard with the arguments, keeping stdout, stderr and the status.
run() {
  "$SCORECARD" "$@" >"$OUT" 2>"$ERR"
  STATUS=$?
  no_sanitizer_report "$ERR"
}

expect_status() {
  CHECKS=$((CHECKS + 1))
  [ "$STATUS" -eq "$1" ] || fail "expected exit $1, got $STATUS from: ${2:-last command}; stderr: $(head -c 600 "$ERR")"
}

# expect_out / expect_err TEXT: the last command's stdout / stderr contains TEXT (fixed string).
expect_out() {
  CHECKS=$((CHECKS + 1))
  grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1 (got: $(head -c 600 "$OUT"))"
}

expect_err() {
  CHECKS=$((CHECKS + 1))
  grep -qF -- "$1" "$ERR" || fail "stderr lacks: $1 (got: $(head -c 800 "$ERR"))"
}

expect_eq() {
  CHECKS=$((CHECKS + 1))
  [ "$1" = "$2" ] || fail "${3:-value}: expected '$2', got '$1'"
}

# value_of INDICATOR AREA PERIOD FIELD: one field of the current observation, via CSV output.
value_of() {
  "$SCORECARD" data --indicator "$1" --area "$2" --period "$3" --format csv 2>"$WORK/value_of.err" |
    python3 -c "import csv,sys; rows=list(csv.DictReader(sys.stdin)); print(rows[0]['$4'] if rows else '<none>')"
  no_sanitizer_report "$WORK/value_of.err"
}

# snapshot FILE: everything the store holds, as the CLI shows it, for before/after comparisons.
snapshot() {
  { "$SCORECARD" imports --format csv | cut -d, -f1-10; "$SCORECARD" data --history --format csv; } >"$1"
}

need_shared() {
  if [ ! -d "$SHARED/data/real" ]; then
    echo "SKIP: the shared data folder is not beside the repository ($SHARED)"
    exit 77
  fi
}

finish() {
  [ -e "$WORK/sanitizer-report" ] && FAILED=$((FAILED + 1))
  echo "$(basename "$0"): $CHECKS checks, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# run_bounded SECONDS RSS_MIB ARGS...: like run, held to a wall-clock bound and (outside the
# sanitizer build, where shadow memory makes RSS meaningless) a peak-memory bound; passing
# either is a failure of its own (tests/sandbox/run_bounded.py). The sanitizer build runs
# everything around the limits (start-up, loading, exit) a few times slower: it gets 2 s more.
run_bounded() {
  local seconds=$1 rss=$2
  shift 2
  if [ "${SCORECARD_SANITIZED:-0}" = "1" ]; then
    rss=0
    seconds=$((seconds + 2))
  fi
  python3 "$REPO/tests/sandbox/run_bounded.py" "$seconds" "$rss" -- "$SCORECARD" "$@" >"$OUT" 2>"$ERR"
  STATUS=$?
  no_sanitizer_report "$ERR"
  CHECKS=$((CHECKS + 1))
  [ "$STATUS" -ne 3 ] || fail "past its bounds: scorecard $*: $(grep bounded: "$ERR" | tail -n 1)"
}

# test_cli.sh - the command line itself: help, usage errors, exit statuses.
. "$(dirname "$0")/lib.sh"

run --help; expect_status 0; expect_out "usage: scorecard COMMAND"
run; expect_status 2
run frobnicate; expect_status 2; expect_err 'unknown command "frobnicate"'
for cmd in init import areas data imports; do
  run "$cmd" --help; expect_status 0 "$cmd --help"; expect_out "usage: scorecard $cmd"
  run "$cmd" --no-such-option; expect_status 2 "$cmd --no-such-option"; expect_err "Try 'scorecard $cmd --help'"
done
run import; expect_status 2; expect_err "no file to import"
run import --format xml x.csv; expect_status 2; expect_err "--format must be csv, xlsx, json or jsonstat"
run import --map nonsense=col x.csv; expect_status 2; expect_err '"nonsense" is not a field'
run areas --format yaml; expect_status 2

# --db and SCORECARD_DB choose the file; the default is ./scorecard.db.
run init --db "$WORK/other.db"; expect_status 0; expect_out "other.db: schema version 3"
[ -f "$WORK/other.db" ] || fail "--db did not create the file"
( unset SCORECARD_DB; cd "$WORK" && "$SCORECARD" init >/dev/null ) || fail "init with the default path failed"
[ -f "$WORK/scorecard.db" ] || fail "the default database is not ./scorecard.db"
run init --data "$WORK/nowhere"; expect_status 1; expect_err "nowhere/geography/areas.csv: cannot open"
finish

# test_database_required.sh - only `init` makes a database. A mistyped --db or SCORECARD_DB
# must stop every other command with a message that says what to do, and must not leave an
# empty database behind for the next command to fill with "unknown area code" errors.
. "$(dirname "$0")/lib.sh"

FW="$REPO/frameworks/demo-scotland"
CSV="$REPO/data/sample/scotland-partnerships-2023-24.csv"
missing="$WORK/mistyped.db"

# Every command that reads or writes the store refuses a path with no file.
for args in "import $CSV" "areas" "data" "imports" "runs" "run --framework $FW" \
            "compare --framework $FW" "publish --framework $FW --out $WORK/site" \
            "explain --area S37000001 --indicator NI-1" "diff 1 2"; do
  # shellcheck disable=SC2086 # the arguments are words on purpose
  SCORECARD_DB="$missing" run $args
  expect_status 1 "scorecard $args with a missing SCORECARD_DB"
  expect_err "no database at $missing; run \`scorecard init\`"
  [ -e "$missing" ] && { fail "scorecard $args created $missing"; rm -f "$missing"; }
done

# --db says the same.
run data --db "$missing"
expect_status 1 "data --db missing"
expect_err "no database at $missing"
[ -e "$missing" ] && fail "data --db created the file"

# check with --db needs that database; with a SCORECARD_DB that is not there it only warns,
# as a framework is often checked before any data exists.
run check --db "$missing" "$FW"
expect_status 1 "check --db missing"
expect_err "no database at $missing"
SCORECARD_DB="$missing" run check "$FW"
expect_status 0 "check with SCORECARD_DB missing"
expect_err "no database at $missing (SCORECARD_DB): series not checked"
expect_out "0 errors, 1 warning"

# An SQLite file that is not a scorecard database is refused, not migrated into one.
python3 -c "import sqlite3; c = sqlite3.connect('$WORK/other.sqlite'); c.execute('create table t(x)'); c.commit()"
run areas --db "$WORK/other.sqlite"
expect_status 1 "areas on a foreign SQLite file"
expect_err "is not a scorecard database"
tables=$(python3 -c "import sqlite3; print(len(sqlite3.connect('$WORK/other.sqlite').execute('select name from sqlite_master').fetchall()))")
expect_eq "$tables" "1" "tables in the foreign file after the refusal"

# init makes it, after which the same commands work.
run init --db "$missing"
expect_status 0 "init"
run areas --db "$missing"
expect_status 0 "areas after init"
finish

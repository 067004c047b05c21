# test_init_concurrency.sh - a new database appears whole: while `init` builds it, another
# command finds no database (and says to run init), never one without its schema ("not a
# scorecard database") or without its geography (no areas). Several inits at once all
# succeed and leave one database; a failed or killed init leaves no database behind.
. "$(dirname "$0")/lib.sh"

count_hscps() { "$SCORECARD" areas --db "$1" --type hscp --format csv 2>&1 | tail -n +2 | wc -l | tr -d ' '; }

# 1. Readers during an init: each sees nothing or everything.
for round in 1 2 3 4; do
  rm -f race.db race.db-*
  "$SCORECARD" init --db race.db >/dev/null 2>&1 &
  pid=$!
  for i in $(seq 1 40); do
    "$SCORECARD" areas --db race.db --type hscp --format csv >seen.out 2>seen.err
    rc=$?
    if [ "$rc" -eq 0 ]; then
      [ "$(tail -n +2 seen.out | wc -l | tr -d ' ')" -eq 31 ] || fail "round $round: a reader saw $(tail -n +2 seen.out | wc -l) HSCPs while init ran"
    else
      grep -q "no database at race.db; run \`scorecard init\`" seen.err ||
        fail "round $round: a reader during init got: $(cat seen.err)"
    fi
  done
  wait "$pid" || fail "round $round: init failed"
  CHECKS=$((CHECKS + 1))
done

# 2. Eight inits of one new path at once: all succeed, one database, no temporary left.
rm -f race.db race.db-*
for i in 1 2 3 4 5 6 7 8; do
  ( "$SCORECARD" init --db race.db >"init$i.out" 2>&1; echo $? >"init$i.rc" ) &
done
wait
for i in 1 2 3 4 5 6 7 8; do
  expect_eq "$(cat "init$i.rc")" 0 "init $i of 8: $(cat "init$i.out")"
done
expect_eq "$(count_hscps race.db)" 31 "HSCPs after eight inits"
expect_eq "$(ls -A | grep -c '\.init-')" 0 "temporary databases left"

# 2b. Commands opening a database in rollback mode at once (as init places a new one) each
# switch it to WAL: SQLite refuses the switch at once while another holds a read lock, and
# the switch is retried, so none fails "busy".
for round in 1 2 3; do
  rm -f mode.db mode.db-*
  "$SCORECARD" init --db mode.db >/dev/null || fail "init mode.db"
  python3 -c "import sqlite3; c = sqlite3.connect('mode.db'); c.execute('PRAGMA journal_mode = DELETE'); c.close()"
  for i in 1 2 3 4 5 6 7 8; do
    ( "$SCORECARD" init --db mode.db >"mode$i.out" 2>&1; echo $? >"mode$i.rc" ) &
  done
  wait
  for i in 1 2 3 4 5 6 7 8; do
    expect_eq "$(cat "mode$i.rc")" 0 "round $round, init $i of 8 on a database in rollback mode: $(cat "mode$i.out")"
  done
done

# 3. Data imported after one init survives another init of the same path.
printf 'indicator,area,period,value\nX,S37000012,2023/24,5\n' >x.csv
"$SCORECARD" import --db race.db x.csv >/dev/null || fail "import"
run init --db race.db; expect_status 0 "init again"
run data --db race.db --indicator X --format csv; expect_out "S37000012"

# 4. An init that fails leaves neither the database nor its temporary.
run init --db failed.db --data "$WORK/nowhere"
expect_status 1 "init with no geography"
expect_eq "$(ls -A | grep -c 'failed\.db')" 0 "files of a failed init"

# 5. An init killed while it builds leaves no database (only a hidden temporary, documented).
"$SCORECARD" init --db killed.db --demo >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ -e killed.db ]; then
  expect_eq "$(count_hscps killed.db)" 31 "a database that appeared is whole"
else
  run areas --db killed.db; expect_status 1 "no database after a killed init"
  expect_err "no database at killed.db"
fi
finish

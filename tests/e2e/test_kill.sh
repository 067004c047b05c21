# test_kill.sh - an import killed at any moment leaves the database as it was before it.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"
printf 'indicator,area,period,value\nNI-12,S37000012,2022/23,1\n' >seed.csv
"$SCORECARD" import seed.csv >/dev/null || fail "seed import"
snapshot before.txt

# A large file: long enough that the kill lands mid-import.
awk 'BEGIN { print "indicator,area,period,value";
             for (i = 0; i < 400000; i++) printf "K-%d,S37000012,2022/23,%d\n", i, i }' >big.csv
for delay in 0.05 0.2 0.5; do
  "$SCORECARD" import big.csv >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  snapshot after.txt
  CHECKS=$((CHECKS + 1))
  if ! cmp -s before.txt after.txt; then
    # The import may have finished before the kill; then it must be whole.
    run data --format csv
    [ "$(grep -c '^K-' "$OUT")" -eq 400000 ] || fail "kill after ${delay}s left a partial import"
    break
  fi
done
# The database still opens and accepts work.
printf 'indicator,area,period,value\nNI-12,S37000001,2022/23,2\n' >after.csv
run import after.csv; expect_status 0
finish

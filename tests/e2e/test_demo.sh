# test_demo.sh - `scorecard init --demo`: seeded data for every shipped framework, the same
# every time, with the features the issue asks of realistic data, and every framework runs on it.
. "$(dirname "$0")/lib.sh"

run init --demo; expect_status 0; expect_out "demo data:"
"$SCORECARD" data --format csv >first.csv
run init --demo; expect_status 0   # again: nothing changes
"$SCORECARD" data --format csv >again.csv
CHECKS=$((CHECKS + 1)); cmp -s first.csv again.csv || fail "a second init --demo changed the data"
SCORECARD_DB="$WORK/other.db" "$SCORECARD" init --demo >/dev/null
SCORECARD_DB="$WORK/other.db" "$SCORECARD" data --format csv >other.csv
CHECKS=$((CHECKS + 1)); cmp -s first.csv other.csv || fail "two fresh demo databases differ: the generator is not deterministic"

python3 - first.csv <<'PY' || fail "the demo data lacks a feature it should have"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) > 1000, len(rows)
statuses = {r["status"] for r in rows}
assert {"ok", "provisional", "suppressed"} <= statuses, statuses
assert any(r["source_area"] == "S37000014" and r["area"] == "S37000032" for r in rows), "no retired code"
for r in rows:
    if r["numerator"] and r["denominator"] and r["value"] and r["lower_ci"]:
        assert float(r["lower_ci"]) <= float(r["value"]) <= float(r["upper_ci"]), r
    if r["status"] == "suppressed":
        assert r["value"] == "", r
# Magnitudes as published (data/demo/levels.csv): Scotland's emergency admission rate is
# about 11,500 per 100,000, not a generic few hundred; the survey is biennial, ending 2023/24.
scot = {(r["indicator"], r["period"]): float(r["value"]) for r in rows
        if r["area"] == "S92000003" and r["value"]}
assert 9000 < scot["NI-12", "2023/24"] < 14000, scot["NI-12", "2023/24"]
assert 80000 < scot["NI-13", "2023/24"] < 140000, scot["NI-13", "2023/24"]
assert 15 < scot["NI-16", "2023/24"] < 30, scot["NI-16", "2023/24"]
survey = sorted(p for (i, p) in scot if i == "NI-1")
assert survey == ["2019/20", "2021/22", "2023/24"], survey
PY

# A level file from elsewhere is checked: a level too large to make counts from is refused.
mkdir -p levels-data/demo && ln -s "$REPO/data/geography" levels-data/geography
printf 'series,level,every,note\nNI-12,1e300,1,too large\n' >levels-data/demo/levels.csv
run init --demo --data levels-data --db levels.db
expect_status 1; expect_err 'levels.csv:2: give a series, a level above 0 and at most 1000000000, and every 1 to 4'
# Every shipped framework runs on the demo data and colours something.
for fw in "$REPO"/frameworks/*/framework.lua; do
  run run --framework "$fw" --no-store --format json
  expect_status 0 "run $fw"
  python3 -c "
import json, sys
d = json.load(open('$OUT'))
# an indicator, or (for a framework whose indicators are scores) an outcome or area
colours = {i['status'] for a in d['areas'] for i in a['indicators'] + a['outcomes'] + [a]}
assert colours & {'green', 'amber', 'red'}, colours
" || fail "$fw colours nothing on the demo data"
done
finish

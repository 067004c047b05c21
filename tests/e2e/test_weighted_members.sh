# test_weighted_members.sh - an area derived from its members counts each member by the share
# the geography gives it: a council split between two ICBs with a weight adds that share of its
# numerator and denominator, and the result says so. Without a weight it is counted whole and
# flagged approximate (frameworks/england-bcf/icb_tests.lua covers that case).
. "$(dirname "$0")/lib.sh"

# A geography in which Essex (E10000012) and Suffolk (E10000029) have ILLUSTRATIVE shares in
# Suffolk and North East Essex ICB (E54000023): 0.3 of Essex, 0.9 of Suffolk.
cp -r "$REPO/data" data
python3 - <<'PY' || fail "writing the weights"
import csv
path = "data/geography/memberships.csv"
rows = list(csv.reader(open(path)))
share = {("E10000012", "E54000023"): "0.3", ("E10000029", "E54000023"): "0.9"}
hits = 0
for r in rows[1:]:
    if (r[0], r[1]) in share:
        r[2] = share[(r[0], r[1])]
        hits += 1
assert hits == 2, hits
csv.writer(open(path, "w", newline="")).writerows(rows)
PY
run init --data data; expect_status 0 "init with the weighted geography"

cat >counts.csv <<'CSV'
indicator,area,period,numerator,denominator
ADM,E10000012,2023/24,1000,300000
ADM,E10000029,2023/24,600,150000
CSV
run import counts.csv; expect_status 0 "import the counts"
mkdir -p fw
cat >fw/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "weighted", version = "1", title = "Weighted members", scores = "icb", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "ADM" } } },
  indicators = {
    { id = "ADM", series = "ADM", title = "admissions", unit = "per 100,000", polarity = "lower",
      multiplier = 100000, derive = "sum", rule = r.target { value = 500 } },
  },
}
LUA
run run --framework fw --area E54000023 --format json --no-store
expect_status 0 "run the weighted ICB"
python3 - "$OUT" <<'PY' || fail "the weighted ICB value is not 0.3 x Essex + 0.9 x Suffolk"
import json, sys
x = json.load(open(sys.argv[1]))["areas"][0]["indicators"][0]
want = (0.3 * 1000 + 0.9 * 600) / (0.3 * 300000 + 0.9 * 150000) * 100000   # 373.33
assert abs(x["value"] - want) < 1e-9, (x["value"], want)
assert "derived" in x["flags"] and "approximate_geography" in x["flags"], x["flags"]
assert "E10000012 at weight 0.3" in x["reason"] and "E10000029 at weight 0.9" in x["reason"], x["reason"]
assert x["status"] == "green", x
PY
CHECKS=$((CHECKS + 1))
# A loop in the memberships (an ICB listed as a member of one of its own councils) is an error
# naming the loop, not endless recursion: a geography from elsewhere may hold one.
cp -r "$REPO/data" loop
printf 'E54000023,E10000029,,exact,,,U,a loop for the test\n' >>loop/geography/memberships.csv
"$SCORECARD" init --data loop --db loop.db >/dev/null || fail "init with the looped geography"
printf 'indicator,area,period,numerator,denominator\nADM,E06000001,2023/24,10,1000\n' >elsewhere.csv
run import --db loop.db elsewhere.csv; expect_status 0
run run --db loop.db --framework fw --area E54000023 --period 2023/24 --no-store
expect_status 1; expect_err "nest more than four levels deep (a loop in the memberships?)"
finish

# test_comparators.sh - a result says what its comparator number is: another area's value
# (named, not coded), a target, or a baseline. Edinburgh's own plan target once appeared on the
# HTML page as "9000 S92000003", as if it were Scotland's value.
. "$(dirname "$0")/lib.sh"

"$SCORECARD" init >/dev/null || fail "init"
cat >data.csv <<'CSV'
indicator,area,period,value,lower_ci,upper_ci
PLANNED,S37000012,2023/24,8700,,
PLANNED,S92000003,2023/24,120000,,
BENCHED,S37000012,2023/24,70,68,72
BENCHED,S92000003,2023/24,65,,
CHANGED,S37000012,2019/20,40,,
CHANGED,S37000012,2023/24,45,,
CHANGED,S92000003,2023/24,44,,
CSV
run import data.csv; expect_status 0 "import"
mkdir -p fw
cat >fw/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "comparators", version = "1", title = "Comparators", scores = "hscp", period = "year",
  comparator = "S92000003",
  outcomes = { { id = "O1", title = "o", indicators = { "PLANNED", "BENCHED", "CHANGED" } } },
  indicators = {
    { id = "PLANNED", title = "against the partnership's plan", unit = "count", polarity = "lower",
      rule = r.target { per_area = { S37000012 = 9000 } } },
    { id = "BENCHED", title = "against Scotland", unit = "%", polarity = "higher", rule = r.benchmark {} },
    { id = "CHANGED", title = "against its own base year", unit = "%", polarity = "higher",
      rule = r.change { base = "2019/20", interval = 1 } },
  },
}
LUA
run run --framework fw --area S37000012 --no-store --format json --period 2023/24
expect_status 0 "run json"
python3 - "$OUT" >"$WORK/check.out" 2>&1 <<'PY' || fail "comparators in JSON: $(cat "$WORK/check.out")"
import json, sys
doc = json.load(open(sys.argv[1]))
x = {i["id"]: i for i in doc["areas"][0]["indicators"]}
def cmp(i):
    return (x[i]["comparator"], x[i]["comparator_kind"], x[i]["comparator_area"], x[i]["comparator_name"])
assert cmp("PLANNED") == (9000, "target", None, None), cmp("PLANNED")
assert cmp("BENCHED") == (65, "area", "S92000003", "Scotland"), cmp("BENCHED")
assert cmp("CHANGED") == (40, "baseline", None, None), cmp("CHANGED")
PY
CHECKS=$((CHECKS + 1))

run run --framework fw --area S37000012 --no-store --format html -o page.html --period 2023/24
expect_status 0 "run html"
python3 - page.html >"$WORK/check.out" 2>&1 <<'PY' || fail "comparators in HTML: $(cat "$WORK/check.out")"
import re, sys
html = open(sys.argv[1]).read()
cells = re.findall(r'<td class="num" data-sort="[^"]*"><span class="nw comparator">([^<]*)</span> <span class="cmp">([^<]*)</span></td>', html)
assert ("9,000", "Target") in cells or ("9000", "Target") in cells, cells
assert ("65", "Scotland") in cells, cells
assert ("40", "Baseline") in cells, cells
assert "S92000003</span>" not in html, "a comparator named by its code"
PY
CHECKS=$((CHECKS + 1))

run run --framework fw --area S37000012 --no-store --format csv --period 2023/24
expect_status 0 "run csv"
python3 - "$OUT" >"$WORK/check.out" 2>&1 <<'PY' || fail "comparators in CSV: $(cat "$WORK/check.out")"
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1])) if r["kind"] == "indicator"}
assert (rows["PLANNED"]["comparator_kind"], rows["PLANNED"]["comparator_area"]) == ("target", ""), rows["PLANNED"]
assert (rows["BENCHED"]["comparator_kind"], rows["BENCHED"]["comparator_area"]) == ("area", "S92000003"), rows["BENCHED"]
PY
CHECKS=$((CHECKS + 1))

# A rule that gives an unknown kind is an error naming the indicator.
sed 's/rule = r.target { per_area = { S37000012 = 9000 } }/rule = r.custom(function() return { assessment = "met", comparator = 1, comparator_kind = "plan" } end)/' \
  fw/framework.lua >fw/bad.lua
run run --framework fw/bad.lua --area S37000012 --no-store --period 2023/24
expect_status 1 "an unknown comparator_kind"
expect_err 'indicator PLANNED, area S37000012: comparator_kind "plan" is not area, target, baseline or value'

# A comparator may be each area's own parent of a type, resolved through the memberships at
# the period's dates: Trafford and Bury against Greater Manchester ICB (E54000057),
# Trafford against England through its country, and before the ICBs began (July 2022) no ICB.
mkdir parent
cat >parent/framework.lua <<'EOF'
local r = require("rules")
return r.framework{
  id = "parent-test", version = "1", scores = "hwb", period = "fy", country = "England",
  outcomes = { {id = "o", title = "o", indicators = {"vs-icb", "vs-country"}} },
  indicators = {
    {id = "vs-icb", series = "adm", title = "against the ICB", polarity = "lower", comparator = {parent = "icb"},
     rule = r.benchmark{interval = "published"}},
    {id = "vs-country", series = "adm", title = "against the country", polarity = "lower",
     comparator = {parent = "country"}, rule = r.benchmark{interval = "published"}},
  },
}
EOF
cat >parent.csv <<'EOF'
indicator,area,period,value,lower_ci,upper_ci
adm,E08000009,2023/24,120,110,130
adm,E08000003,2023/24,80,75,85
adm,E54000057,2023/24,100,98,102
adm,E92000001,2023/24,105,104,106
adm,E08000009,2021/22,120,110,130
adm,E54000057,2021/22,100,98,102
EOF
"$SCORECARD" init --db parent.db >/dev/null
run import --db parent.db parent.csv; expect_status 0 "import parent.csv"
run run --db parent.db --framework parent/framework.lua --period 2023/24 --area E08000009 --area E08000003 --format json --no-store
expect_status 0 "run with parent comparators"
python3 - "$OUT" >"$WORK/check.out" 2>&1 <<'PY' || fail "parent comparators: $(cat "$WORK/check.out")"
import json, sys
d = json.load(open(sys.argv[1]))
got = {(a["code"], i["id"]): i for a in d["areas"] for i in a["indicators"]}
t, m = got[("E08000009", "vs-icb")], got[("E08000003", "vs-icb")]
assert t["assessment"] == "worse" and t["comparator"] == 100, t
assert t["comparator_area"] == "E54000057" and t["comparator_name"] == "Greater Manchester", t
assert m["assessment"] == "better" and m["comparator"] == 100, m
c = got[("E08000009", "vs-country")]
assert c["assessment"] == "worse" and c["comparator_area"] == "E92000001", c
PY
CHECKS=$((CHECKS + 1))
run run --db parent.db --framework parent/framework.lua --period 2021/22 --area E08000009 --format json --no-store
expect_status 0 "run before the ICBs"
python3 - "$OUT" >"$WORK/check.out" 2>&1 <<'PY' || fail "no ICB before July 2022: $(cat "$WORK/check.out")"
import json, sys
d = json.load(open(sys.argv[1]))
i = {i["id"]: i for i in d["areas"][0]["indicators"]}["vs-icb"]
assert i["no_colour_status"] == "not_compared" and i["comparator_area"] is None, i
PY
CHECKS=$((CHECKS + 1))
# A locality (no official code: a breakdown of its partnership) against its own partnership,
# by the relative difference: 12,000 is 9.1% above Edinburgh's 11,000, worse beyond 5%.
mkdir -p loc
cat >loc/framework.lua <<'EOF'
local r = require "rules"
return r.framework {
  id = "loc", version = "1", title = "localities", country = "Scotland", scores = "hscp", period = "year",
  outcomes = { { id = "O", title = "o", indicators = { "NE", "SW" } } },
  indicators = {
    { id = "NE", series = "NI-12", title = "North East", unit = "per 100,000", polarity = "lower",
      breakdown = { locality = "North East" }, comparator = { breakdown = {} }, rule = r.relative { tolerance = 5 } },
    { id = "SW", series = "NI-12", title = "South West", unit = "per 100,000", polarity = "lower",
      breakdown = { locality = "South West" }, comparator = { breakdown = {} }, rule = r.relative { tolerance = 10 } },
  },
}
EOF
printf 'indicator,area,period,value,locality\nNI-12,S37000012,2023/24,11000,\nNI-12,S37000012,2023/24,12000,North East\nNI-12,S37000012,2023/24,10000,South West\n' >loc.csv
printf '{"breakdowns": [{"name": "locality", "column": "locality"}]}' >loc.json
"$SCORECARD" init --db loc.db >/dev/null
run import --db loc.db --mapping loc.json loc.csv; expect_status 0
run run --db loc.db --framework loc --area S37000012 --no-store
expect_status 0
expect_out "    NE  red    worse    12000  2023/24  North East"
expect_out "        12000 is 9.1% above Edinburgh's 11000 (similar within 5%; lower is better)"
# 9.1% below, inside a 10% tolerance: similar
expect_out "    SW  amber  similar  10000  2023/24  South West"
expect_out "        10000 is 9.1% below Edinburgh's 11000 (similar within 10%; lower is better)"
# A comparator table that says nothing is an error at load.
sed 's/comparator = {parent = "icb"}/comparator = {}/' parent/framework.lua >parent/bad.lua
run check parent/bad.lua; expect_status 1; expect_err 'comparator must be an area code, or a table'
finish

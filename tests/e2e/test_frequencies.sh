# test_frequencies.sh - one series never mixes frequencies. A file with quarters and years of
# one indicator (the demo's MSG-1) gives a history, a trend and a chart of one period type:
# the judged point's, unless the indicator declares its types (frequency = ...), when only
# those are its series. The result says which type and who chose it.
. "$(dirname "$0")/lib.sh"

"$SCORECARD" init >/dev/null || fail "init"
# Years and quarters interleaved, as a publisher's download lists them.
python3 - <<'PY' || fail "writing the data"
rows = ["indicator,area,period,value"]
for fy in range(2018, 2024):
    label = "%d/%02d" % (fy, (fy + 1) % 100)
    rows.append("MIXED,S37000012,%s,%d" % (label, 1000 + fy))        # the year: about 3,000
    for q in range(1, 5):
        rows.append("MIXED,S37000012,%s Q%d,%d" % (label, q, 250 + q))  # each quarter: about 250
    rows.append("DECLARED,S37000012,%s,%d" % (label, 500 + fy))
    rows.append("DECLARED,S37000012,%s Q2,7" % label)
rows.append("DECLARED,S37000012,2024,%d" % 2600)                       # a calendar-year proxy
open("mixed.csv", "w").write("\n".join(rows) + "\n")
PY
run import mixed.csv; expect_status 0 "import"
mkdir -p quarterly yearly
cat >quarterly/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "quarterly", version = "1", title = "Quarterly", scores = "hscp", period = "quarter",
  outcomes = { { id = "O1", title = "o", indicators = { "MIXED" } } },
  indicators = {
    { id = "MIXED", title = "years and quarters", unit = "count", polarity = "lower", rule = r.spc { min_points = 5 } },
  },
}
LUA
cat >yearly/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "yearly", version = "1", title = "Yearly", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "MIXED", "DECLARED" } } },
  indicators = {
    { id = "MIXED", title = "years and quarters", unit = "count", polarity = "lower", rule = r.spc { min_points = 5 } },
    { id = "DECLARED", title = "years with a calendar-year proxy", unit = "count", polarity = "lower",
      frequency = { "year", "calendar_year" }, rule = r.spc { min_points = 5 } },
  },
}
LUA
check_json() { # check_json FILE PYTHON-ASSERTIONS (x: indicator id -> result)
  python3 - "$1" >"$WORK/check.out" 2>&1 <<PY || fail "$(cat "$WORK/check.out")"
import json, sys
doc = json.load(open(sys.argv[1]))
x = {i["id"]: i for i in doc["areas"][0]["indicators"]}
$2
PY
  CHECKS=$((CHECKS + 1))
}

# A quarterly scorecard: the judged point is 2023/24 Q4; its history and trend are quarters only.
run run --framework quarterly --area S37000012 --no-store --format json --period "2023/24 Q4"
expect_status 0 "run quarterly"
check_json "$OUT" '
m = x["MIXED"]
periods = [h["period"] for h in m["history"]]
assert m["period"] == "2023/24 Q4", m["period"]
assert periods and all(" Q" in p for p in periods), periods
assert len(periods) == 12 and periods[-1] == "2023/24 Q4", periods
assert all(h["value"] < 300 for h in m["history"]), m["history"]
assert m["details"]["frequency"] == {"period_type": "fy_quarter", "chosen_by": "the point judged"}, m["details"]["frequency"]
assert m["details"]["result"]["n"] == 24, m["details"]["result"]   # the chart: 24 quarters, no year
'

# A yearly scorecard of the same file: years only, never a quarter among them.
run run --framework yearly --area S37000012 --no-store --format json --period 2023/24
expect_status 0 "run yearly"
check_json "$OUT" '
m = x["MIXED"]
periods = [h["period"] for h in m["history"]]
assert m["period"] == "2023/24", m["period"]
assert periods == ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"], periods
assert m["details"]["result"]["n"] == 6, m["details"]["result"]    # the chart: 6 years, no quarter
assert m["details"]["frequency"]["period_type"] == "fy", m["details"]["frequency"]
d = x["DECLARED"]
assert [h["period"] for h in d["history"]] == ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"], d["history"]
assert d["details"]["frequency"] == {"period_type": "fy", "chosen_by": "the indicator",
                                     "points_of_other_types_set_aside": 6}, d["details"]["frequency"]
'
# In 2024/25 the declared proxy year 2024 is judged, and the history runs on through it.
run run --framework yearly --area S37000012 --no-store --format json --period 2024/25
expect_status 0 "run yearly 2024/25"
check_json "$OUT" '
d = x["DECLARED"]
assert d["period"] == "2024", d["period"]
assert [h["period"] for h in d["history"]][-2:] == ["2023/24", "2024"], d["history"]
assert all(h["value"] > 100 for h in d["history"]), d["history"]
'

# A frequency the engine cannot read is an error of check.
sed 's/frequency = { "year", "calendar_year" }/frequency = "fortnight"/' yearly/framework.lua >yearly/bad.lua
run check yearly/bad.lua
expect_status 1 "check a bad frequency"
expect_err "indicator DECLARED: frequency must be a period type or a list of them"
finish

# test_computed_values.sh - a value the publisher gives only as counts (numerator and
# denominator) is computed once, when the series is read, so every reader sees it: the area
# judged, the peers a rule ranks it among, and the comparator. It used to be filled in only
# for the area judged, after the peers were chosen: an area with only counts was "not among
# the peers", and a comparator with only counts gave "no comparator value".
. "$(dirname "$0")/lib.sh"

"$SCORECARD" init >/dev/null || fail "init"
"$SCORECARD" areas --type hscp --format csv >areas.csv || fail "areas"
python3 - <<'PY' || fail "writing the data"
import csv
codes = sorted(r["code"] for r in csv.DictReader(open("areas.csv")) if not r.get("valid_to"))
# Every third partnership, and Scotland, publish counts only (a file with no value column):
# 10%, 11%, 12%, ... of 1,000; Scotland 200 of 1,000, 20%.
with open("values.csv", "w", newline="") as v, open("counts.csv", "w", newline="") as c:
    values, counts = csv.writer(v), csv.writer(c)
    values.writerow(["indicator", "area", "period", "value", "numerator", "denominator"])
    counts.writerow(["indicator", "area", "period", "numerator", "denominator"])
    for k, code in enumerate(codes):
        if k % 3 == 0:
            counts.writerow(["SHARE", code, "2023/24", 100 + 10 * k, 1000])
        else:
            values.writerow(["SHARE", code, "2023/24", "%.1f" % (10 + k), 100 + 10 * k, 1000])
    counts.writerow(["SHARE", "S92000003", "2023/24", 200, 1000])
open("first.txt", "w").write(codes[0])
PY
run import values.csv counts.csv; expect_status 0 "import"
mkdir -p fw
cat >fw/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "counts", version = "1", title = "Counts only", scores = "hscp", period = "year",
  comparator = "S92000003",
  outcomes = { { id = "O1", title = "o", indicators = { "RANKED", "BENCHED" } } },
  indicators = {
    { id = "RANKED", series = "SHARE", title = "ranked", unit = "%", polarity = "higher", multiplier = 100,
      rule = r.quintile {} },
    { id = "BENCHED", series = "SHARE", title = "benchmarked", unit = "%", polarity = "higher", multiplier = 100,
      rule = r.benchmark { interval = "wilson" } },
  },
}
LUA
run run --framework fw --no-store --format json --period 2023/24
expect_status 0 "run"
python3 - "$OUT" "$(cat first.txt)" >"$WORK/check.out" 2>&1 <<'PY' || fail "computed values: $(cat "$WORK/check.out")"
import json, sys
doc = json.load(open(sys.argv[1]))
first = sys.argv[2]
res = {a["code"]: {i["id"]: i for i in a["indicators"]} for a in doc["areas"]}
for code, x in res.items():
    for i in ("RANKED", "BENCHED"):
        assert x[i]["status"] in ("green", "amber", "red"), (code, i, x[i]["assessment"], x[i]["reason"])
# The first partnership has counts only, 100 of 1,000: 10%, the lowest, so the worst fifth.
a = res[first]
assert abs(a["RANKED"]["value"] - 10) < 1e-9, a["RANKED"]
assert a["RANKED"]["status"] == "red", a["RANKED"]
# Scotland's 20% comes from its counts too: 10% (Wilson 8.3-12.0) is worse.
assert abs(a["BENCHED"]["comparator"] - 20) < 1e-9 and a["BENCHED"]["comparator_name"] == "Scotland", a["BENCHED"]
assert a["BENCHED"]["assessment"] == "worse", a["BENCHED"]
PY
CHECKS=$((CHECKS + 1))
finish

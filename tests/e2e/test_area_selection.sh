# test_area_selection.sh - --area chooses what is reported, never whom an area is ranked
# against: a rule that ranks areas (quintiles) ranks among every area the framework scores,
# so scoring one area gives it the colour it has when all are scored.
. "$(dirname "$0")/lib.sh"

"$SCORECARD" init >/dev/null || fail "init"
"$SCORECARD" areas --type hscp --format csv >areas.csv || fail "areas"
# One value per partnership, 1, 2, 3, ... in code order: every fifth has its own colour.
python3 - <<'PY' || fail "writing the data"
import csv
codes = sorted(r["code"] for r in csv.DictReader(open("areas.csv")) if not r.get("valid_to"))
with open("ranked.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["indicator", "area", "period", "value"])
    for k, code in enumerate(codes, 1):
        w.writerow(["RANKED", code, "2023/24", k])
open("codes.txt", "w").write("\n".join(codes))
PY
run import ranked.csv; expect_status 0 "import"
mkdir -p fw
cat >fw/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "ranked", version = "1", title = "Ranked among partnerships", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "the outcome", indicators = { "RANKED" } } },
  indicators = {
    { id = "RANKED", title = "a ranked value", unit = "count", polarity = "lower", rule = r.quintile {} },
  },
}
LUA

run run --framework fw --no-store --format json; expect_status 0 "run all"
cp "$OUT" all.json
first=$(head -n 1 codes.txt); last=$(tail -n 1 codes.txt); middle=$(sed -n 15p codes.txt)
for code in "$first" "$middle" "$last"; do
  run run --framework fw --no-store --format json --area "$code"; expect_status 0 "run --area $code"
  cp "$OUT" "one-$code.json"
done
run run --framework fw --no-store --format json --area "$first" --area "$last"; expect_status 0 "run two"
cp "$OUT" two.json
python3 - "$first" "$middle" "$last" >"$WORK/check.out" 2>&1 <<'PY' || fail "colours differ: $(cat "$WORK/check.out")"
import json, sys
def colours(path):
    doc = json.load(open(path))
    return {a["code"]: (a["indicators"][0]["status"], a["indicators"][0]["assessment"]) for a in doc["areas"]}
every = colours("all.json")
assert len(every) >= 30, len(every)
assert {s for s, _ in every.values()} == {"green", "amber", "red"}, every  # the ranking is real
first, middle, last = sys.argv[1:]
for code in (first, middle, last):
    one = colours("one-%s.json" % code)
    assert list(one) == [code], one
    assert one[code] == every[code], (code, one[code], every[code])
two = colours("two.json")
assert two == {first: every[first], last: every[last]}, two
assert every[first][0] == "green" and every[last][0] == "red", (every[first], every[last])
PY
CHECKS=$((CHECKS + 1))
finish

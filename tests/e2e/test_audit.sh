# test_audit.sh - the auditor's journey: list runs, explain a colour down to the file line it
# came from, and diff two runs that differ by data and by rule; a run reproduces exactly.
. "$(dirname "$0")/lib.sh"
FW="$REPO/frameworks/demo-scotland/framework.lua"
"$SCORECARD" init >/dev/null || fail "init"
"$SCORECARD" import "$REPO"/data/sample/*.csv >/dev/null || fail "import"

run run --framework "$FW" -o card1.txt; expect_status 0; expect_err "run 1 stored"
run run --framework "$FW" -o card2.txt; expect_status 0; expect_err "run 2 stored"
CHECKS=$((CHECKS + 1)); cmp -s card1.txt card2.txt || fail "the same framework and data gave a different scorecard"
run diff 1 2; expect_status 0; expect_out "0 changed, 0 with only the value changed, 217 unchanged"
run runs --format csv; expect_status 0
python3 - "$OUT" <<'PY' || fail "runs does not list both runs with equal fingerprints"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert [r["run"] for r in rows] == ["2", "1"], rows
assert rows[0]["data_fingerprint"] == rows[1]["data_fingerprint"] and len(rows[0]["data_fingerprint"]) == 64
assert rows[0]["framework_sha256"] == rows[1]["framework_sha256"]
PY

# Why is Edinburgh's MSG-5 red? Down to the import batch and the line of the file.
run explain --run 1 --area S37000012 --indicator MSG-5
expect_status 0
expect_out "colour        red (not_met)"
expect_out "86.1 misses the amber threshold 87 (higher is better)"
expect_out "import batch 1, scotland-partnerships-2023-24.csv line 20"
expect_out '"method":"threshold","params":{"amber":87,"boundary":"better","green":89}'
expect_out "defined at    framework.lua:"   # relative to the framework's folder, wherever it ran from
expect_out "outcome  O2 ("   # the indicator's own path: the outcome it is in, then the area
CHECKS=$((CHECKS + 1)); grep -q "outcome  O1 " "$OUT" && fail "explain lists an outcome MSG-5 is not in"
expect_out "area     demo-scotland red"
run explain --run 1 --area S37000012 --indicator MSG-5 --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "explain --format json lacks the sources, the path or the relative definition"
import json, sys
d = json.load(open(sys.argv[1]))
src = d["sources"]["observation"]
assert src["file"] == "scotland-partnerships-2023-24.csv" and src["line"] == 20 and src["import_batch"] == 1, src
assert [(s["kind"], s["id"]) for s in d["rolls_up_into"]] == [("outcome", "O2"), ("area", "demo-scotland")], d["rolls_up_into"]
assert d["details"]["defined_at"].startswith("framework.lua:"), d["details"]["defined_at"]
PY
run explain --area S37000014 --indicator NI-16 --format json   # a retired code, the latest run
expect_status 0; expect_out '"area":	"S37000032"'; expect_out '"status":	"amber"'
run explain --run 1 --area S37000012 --indicator NOPE; expect_status 2; expect_err "has no result"
run explain --framework demo-scotland --period 2023/24 --area S37000012 --indicator MSG-5
expect_status 0; expect_out "Run 2: demo-scotland"
run explain --framework other --area S37000012 --indicator MSG-5; expect_status 2

# A revised figure: the diff says the data changed.
printf 'indicator,area,period,value\nMSG-5,S37000012,2023/24,90.0\n' >revised.csv
"$SCORECARD" import revised.csv >/dev/null
run run --framework "$FW" -o /dev/null; expect_status 0
run diff 2 3; expect_status 0
expect_out "S37000012|indicator|MSG-5: red (not_met) 86.1 -> green (met) 90.0: data changed"
expect_out "    was   86.1 for 2023/24: import batch 1, scotland-partnerships-2023-24.csv line 20"
expect_out "    now   90.0 for 2023/24: import batch 2, revised.csv line 2"
expect_out "S37000012|area|demo-scotland: red (-) -> green (-): roll-up"
expect_out "3 changed, 0 with only the value changed, 214 unchanged"
CHECKS=$((CHECKS + 1)); grep -q "warning: framework" "$OUT" && fail "diff flags an edit where the framework did not change"

# A revision that moves the value but not the colour is listed, with both lines behind it.
printf 'indicator,area,period,value\nMSG-5,S37000012,2023/24,91.0\n' >revised2.csv
"$SCORECARD" import revised2.csv >/dev/null
run run --framework "$FW" -o /dev/null; expect_status 0
run diff 3 4; expect_status 0
expect_out "S37000012|indicator|MSG-5: green (met) 90.0 -> green (met) 91.0: data changed"
expect_out "    the value changed, the colour did not"
expect_out "    now   91.0 for 2023/24: import batch 3, revised2.csv line 2"
expect_out "0 changed, 1 with only the value changed, 216 unchanged"
run diff 3 4 --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "diff --format json does not give the value change with its sources"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["counts"] == {"colour_changed": 0, "value_changed": 1, "unchanged": 216}, d["counts"]
assert d["framework_edited_without_new_version"] is False
(c,) = d["changes"]
assert (c["area"], c["kind"], c["item"], c["change"], c["cause"]) == ("S37000012", "indicator", "MSG-5", "value", "data"), c
assert c["old"]["value"] == "90.0" and c["new"]["value"] == "91.0", c
assert c["old"]["source"]["file"] == "revised.csv" and c["new"]["source"]["file"] == "revised2.csv", c
assert c["new"]["source"]["line"] == 2 and c["new"]["source"]["import_batch"] == 3, c
assert c["rule_changes"] == [], c
assert [r["run"] for r in d["runs"]] == [3, 4], d["runs"]
PY
run diff 3 4 --format csv; expect_status 0
expect_out "S37000012,indicator,MSG-5,value,data,green,met,90.0,2023/24,batch 2 revised.csv:2,green,met,91.0,2023/24,batch 3 revised2.csv:2,[]"

# A designer loosens a threshold: the diff says the rule changed.
mkdir -p fw/loose
sed 's/green = 89, amber = 87/green = 86, amber = 80/' "$FW" >fw/loose/framework.lua
run run --framework fw/loose/framework.lua -o /dev/null; expect_status 0
run diff 4 5; expect_status 0
expect_out "S37000031|indicator|MSG-5: amber (near) 88.7 -> green (met) 88.7: rule changed"
expect_out "    rule  amber: 87 -> 80"
expect_out "    rule  green: 89 -> 86"
# ... and it kept the version number: the diff says the framework was edited without a new one.
expect_out "warning: framework demo-scotland is version 2026.1 in both runs, but its files differ"
run diff 4 5 --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "diff --format json does not name the changed parameters"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["framework_edited_without_new_version"] is True
c = next(c for c in d["changes"] if c["area"] == "S37000031" and c["item"] == "MSG-5")
assert c["cause"] == "rule" and c["change"] == "colour", c
assert {r["parameter"]: (r["old"], r["new"]) for r in c["rule_changes"]} == {"amber": (87, 80), "green": (89, 86)}, c
PY

# An explain source names its observation as id (and, for readers of the first schema, as
# observation); csv is not a form of explain and is refused, naming the forms it has.
run explain --run 1 --area S37000012 --indicator MSG-5 --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "explain's source lacks id, or id and observation differ"
import json, sys
src = json.load(open(sys.argv[1]))["sources"]["observation"]
assert isinstance(src["id"], int) and src["id"] >= 1 and src["id"] == src["observation"], src
PY
run explain --run 1 --area S37000012 --indicator MSG-5 --format csv
expect_status 2; expect_err "--format csv is not supported: explain writes text or json"
CHECKS=$((CHECKS + 1)); [ -s "$OUT" ] && fail "a refused explain --format csv still wrote output"

# Missing numbers in data: null in JSON, an empty field in CSV; never "" or nan.
run data --indicator MSG-5 --area S37000012 --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "data --format json writes a missing number as something other than null"
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows, rows
for r in rows:
    for k in ("numerator", "denominator", "lower_ci", "upper_ci", "lower_ci_998", "upper_ci_998"):
        assert r[k] is None or isinstance(r[k], (int, float)), (k, r[k])
assert any(r["numerator"] is None for r in rows), rows
PY
run data --indicator MSG-5 --area S37000012 --format csv; expect_status 0
CHECKS=$((CHECKS + 1)); grep -qi "nan" "$OUT" && fail "data --format csv prints nan"
python3 - "$OUT" <<'PY' || fail "data --format csv does not leave a missing number empty"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows and all(r["numerator"] == "" for r in rows), rows
PY

# A change nothing the result reads explains: the code (a custom rule edited, same
# parameters), or the cohort (other areas moved the quintiles). Not "roll-up".
"$SCORECARD" init --db mini.db >/dev/null || fail "init mini.db"
{ echo "indicator,area,period,value"; i=1
  for a in S37000001 S37000002 S37000003 S37000004 S37000005; do echo "Q,$a,2023/24,$i"; echo "C,$a,2023/24,$((i * 10))"; i=$((i + 1)); done
} >mini.csv
"$SCORECARD" import --db mini.db mini.csv >/dev/null || fail "import mini.csv"
mini() { # mini DIR CUT: a quintile indicator and a custom rule cutting at CUT
  mkdir -p "$1"
  cat >"$1/framework.lua" <<LUA
local r = require "rules"
return r.framework {
  id = "mini", version = "1", title = "mini", country = "Scotland", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "one", indicators = { "Q" } }, { id = "O2", title = "two", indicators = { "C" } } },
  indicators = {
    { id = "Q", title = "q", unit = "n", polarity = "higher", rule = r.quintile {} },
    { id = "C", title = "c", unit = "n", polarity = "higher",
      rule = r.custom(function(ctx) return { assessment = ctx.point.value >= $2 and "met" or "not_met", reason = "cut" } end) },
  },
  rollup = r.rollup.worst_of,
}
LUA
}
mini mini-a 25; mini mini-b 35
AREAS="--area S37000001 --area S37000002 --area S37000003 --area S37000004 --area S37000005"
run run --db mini.db --framework mini-a -o /dev/null $AREAS; expect_status 0
run run --db mini.db --framework mini-b -o /dev/null $AREAS; expect_status 0
run diff --db mini.db 1 2; expect_status 0
expect_out "S37000003|indicator|C: green (met) 30 -> red (not_met) 30: code changed"
expect_out "    nothing it reads changed: the framework's files did"
expect_out "S37000003|outcome|O2: green (-) -> red (-): roll-up"
CHECKS=$((CHECKS + 1)); grep -q "indicator|C: .*roll-up" "$OUT" && fail "diff blames roll-up for an indicator whose rule code changed"
run diff --db mini.db 1 2 --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "diff --format json: a code change is not cause code"
import json, sys
d = json.load(open(sys.argv[1]))
c = next(c for c in d["changes"] if (c["area"], c["item"]) == ("S37000003", "C"))
assert c["cause"] == "code" and c["rule_changes"] == [], c
assert next(c for c in d["changes"] if c["item"] == "O2")["cause"] == "roll-up"
PY
printf 'indicator,area,period,value\nQ,S37000001,2023/24,9\n' >mini-revised.csv
"$SCORECARD" import --db mini.db mini-revised.csv >/dev/null || fail "import mini-revised.csv"
run run --db mini.db --framework mini-b -o /dev/null $AREAS; expect_status 0
run diff --db mini.db 2 3; expect_status 0
expect_out "S37000001|indicator|Q: red (worst) 1 -> green (best) 9: data changed"
expect_out "S37000004|indicator|Q: green (better) 4 -> amber (middle) 4: cohort changed"
expect_out "    nothing it reads changed: the other areas it is judged among did"
expect_out "S37000004|outcome|O1: green (-) -> amber (-): roll-up"
run diff --db mini.db 2 3 --format csv; expect_status 0
expect_out "S37000004,indicator,Q,colour,cohort,green,better,4,2023/24,batch 1 mini.csv:8,amber,middle,4,2023/24,batch 1 mini.csv:8,[]"
CHECKS=$((CHECKS + 1)); grep -qiE "(^|,)nan(,|$)|,,"  "$OUT" && fail "diff --format csv prints nan or an empty field for a missing value"

finish

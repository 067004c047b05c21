# test_england_real.sh - the England frameworks (frameworks/england-bcf, its ICB view and local
# plan example, england-bcf-2017, england-interface) on the real files:
#   england_fingertips_falls_admissions_65plus.csv (Fingertips 22401 via fingertipsR,
#     traffordDataLab/dashboard:data/health/admissions_falls.csv): values rounded to 0 dp, no
#     confidence intervals, Fingertips' own comparison with England in `significance`;
#   england_ascof_care_home_admissions_65plus_trafford_peers.csv (ASCOF 2A(2)/2C,
#     traffordDataLab/trafford_themes:data/health/admissions_care_homes_65p.csv): values only.
# Neither file has intervals or counts, so every comparison with England is not_compared (its
# reason states the values, not a judgement), and plans are judged where a plan is stated.
. "$(dirname "$0")/lib.sh"
need_shared
R="$SHARED/data/real"
FW="$REPO/frameworks"
BCF="$FW/england-bcf"

# The frameworks' own cases (synthetic) pass.
run test "$BCF/framework.lua"
expect_status 0 "scorecard test england-bcf"
expect_out "10 passed, 0 failed"
run test --cases "$BCF/icb_tests.lua" "$BCF/icb.lua"
expect_status 0 "scorecard test the ICB view"
expect_out "7 passed, 0 failed"
run test --cases "$BCF/example_local_plan_tests.lua" "$BCF/example_local_plan.lua"
expect_status 0 "scorecard test the local plan example"
expect_out "3 passed, 0 failed"
run test "$FW/england-bcf-2017/framework.lua"
expect_status 0 "scorecard test england-bcf-2017"
expect_out "4 passed, 0 failed"
run test "$FW/england-interface/framework.lua"
expect_status 0 "scorecard test england-interface"
expect_out "3 passed, 0 failed"

"$SCORECARD" init >/dev/null || fail "init"
run import --mapping "$REPO/data/mappings/fingertips-script.json" "$R/england_fingertips_falls_admissions_65plus.csv"
expect_status 0 "import the Fingertips falls file"
expect_out "2624 rows read, 2624 new"
run import --mapping "$REPO/data/mappings/ascof.json" "$R/england_ascof_care_home_admissions_65plus_trafford_peers.csv"
expect_status 0 "import the ASCOF care home admissions file"
expect_out "170 rows read, 170 new"

# The series ids the frameworks name are the ids the importer stored.
FALLS="Emergency hospital admissions due to falls in people aged 65 and over"
RES="Permanent admissions to residential and nursing care homes aged 65+"
expect_eq "$(value_of "$FALLS" E92000001 2017/18 value)" "2170" "England falls 2017/18"
expect_eq "$(value_of "$RES" E08000009 2023/24 value)" "779.6" "Trafford care home admissions 2023/24"
expect_eq "$(value_of "$RES" E08000002 2016/17 status)" "missing" "Bury care home admissions 2016/17"

# check: no errors; the only warnings are the series with no real file here.
check_fw() { # PATH SUMMARY WARNINGS
  run check "$1"
  expect_status 0 "scorecard check $1"
  expect_out "$2"
  CHECKS=$((CHECKS + 1))
  [ "$(grep -c '^warning: .*the store has no series' "$ERR")" -eq "$3" ] &&
    [ "$(grep -c '^warning: ' "$ERR")" -eq "$3" ] || fail "unexpected warnings for $1: $(cat "$ERR")"
}
check_fw "$BCF/framework.lua" "england-bcf 2023-25.1: 10 indicators, 2 outcomes; 0 errors, 6 warnings" 6
check_fw "$BCF/icb.lua" "england-bcf-icb 2023-25.1: 5 indicators, 1 outcome; 0 errors, 3 warnings" 3
check_fw "$BCF/example_local_plan.lua" "england-bcf-example-local 2023-25.1-example: 10 indicators, 2 outcomes; 0 errors, 6 warnings" 6
check_fw "$FW/england-bcf-2017/framework.lua" "england-bcf-2017 2017-19.1: 6 indicators, 2 outcomes; 0 errors, 4 warnings" 4
check_fw "$FW/england-interface/framework.lua" "england-interface 2017-11.1: 6 indicators, 1 outcome; 0 errors, 6 warnings" 6

# 1. Residential admissions 65+ against a stated plan (example_local_plan.lua: ILLUSTRATIVE plans,
# Trafford 600 per 100,000 in 2022/23 and 2023/24, Bury 700 in 2023/24). The default period is
# 2023/24, the financial year of the latest ASCOF data.
run run --framework "$BCF/example_local_plan.lua" --area E08000009 --area E08000002 --format json --no-store
expect_status 0 "run the local plan example"
python3 - "$OUT" <<'PY' || fail "the 2023/24 Trafford and Bury results are not as worked out by hand"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["framework"]["id"] == "england-bcf-example-local", doc["framework"]
assert doc["framework"]["extends"] == "england-bcf@2023-25.1", doc["framework"]
assert doc["period"] == "2023/24", doc["period"]
areas = {a["code"]: {i["id"]: i for i in a["indicators"]} for a in doc["areas"]}
t, b = areas["E08000009"], areas["E08000002"]

# Trafford 2023/24: 779.6 against the stated plan 600, lower is better: not met, by 179.6.
x = t["BCF-RES-PLAN"]
assert (x["assessment"], x["status"], x["period"], x["value_text"]) == ("not_met", "red", "2023/24", "779.6"), x
assert x["comparator"] == 600 and "misses the target 600 by 179.6" in x["reason"], x["reason"]
assert x["method"] == "target" and x["details"]["result"]["plan_year"] == "2023/24", x["details"]
assert "definition_unconfirmed" in x["flags"], x["flags"]          # residential admissions 2023-25 is [P]
# Bury 2023/24: 662.2 against 700: met.
x = b["BCF-RES-PLAN"]
assert (x["assessment"], x["status"], x["value_text"]) == ("met", "green", "662.2"), x
# Against England (566 in 2023/24): the file has no counts, so no interval: not compared, and
# the values are stated, not judged.
for code, area, value in (("E08000009", t, "779.6"), ("E08000002", b, "662.2")):
    x = area["BCF-RES-ENG"]
    assert (x["assessment"], x["status"]) == ("not_compared", "grey"), (code, x)
    assert x["comparator"] == 566 and x["details"]["result"]["values_only"] == "above", (code, x)
    assert f"on values alone {value} is above England's 566" in x["reason"], x["reason"]
# Falls: the latest data are 2017/18, six years before: not available for 2023/24, the latest
# named (a 2023/24 scorecard scored on 2017/18 data under the 2023/24 label would mislead).
for i in ("BCF-FALLS-PLAN", "BCF-FALLS-ENG"):
    x = t[i]
    assert (x["assessment"], x["status"], x["period"], x["value"]) == ("not_available", "grey", None, None), x
    assert x["reason"] == f"no {i} value for 2023/24 or in the 2 years before it; the latest is 2017/18", x["reason"]
# The three metrics with no real file: missing.
for i in ("BCF-AA-PLAN", "BCF-AA-ENG", "BCF-DISCH-PLAN", "BCF-DISCH-ENG", "BCF-REAB-PLAN", "BCF-REAB-ENG"):
    assert t[i]["assessment"] == "missing" and b[i]["assessment"] == "missing", i
# Roll-up: counts, no colour.
outs = {o["id"]: o for a in doc["areas"] if a["code"] == "E08000009" for o in a["outcomes"]}
assert outs["PLAN"]["status"] == "grey" and outs["PLAN"]["reason"].endswith("0 green, 0 amber, 1 red, 4 without a colour"), outs["PLAN"]
assert outs["ENGLAND"]["status"] == "grey" and "0 green, 0 amber, 0 red, 5 without a colour" in outs["ENGLAND"]["reason"], outs["ENGLAND"]
PY
CHECKS=$((CHECKS + 1))

# Falls in its own year, 2017/18: no plan for that year; no interval: not compared.
run run --framework "$BCF/example_local_plan.lua" --period 2017/18 --area E08000009 --format json --no-store
expect_status 0 "run the local plan example for 2017/18"
python3 - "$OUT" <<'PY' || fail "Trafford's 2017/18 falls results are not as worked out by hand"
import json, sys
doc = json.load(open(sys.argv[1]))
t = {i["id"]: i for i in doc["areas"][0]["indicators"]}
x = t["BCF-FALLS-PLAN"]
assert (x["assessment"], x["period"], x["value_text"]) == ("no_target", "2017/18", "2553"), x
x = t["BCF-FALLS-ENG"]
assert (x["assessment"], x["comparator"]) == ("not_compared", 2170), x
assert "the value has no confidence interval; on values alone 2553 is above England's 2170" in x["reason"], x["reason"]
assert x["flags"] == [], x["flags"]                                 # falls is [C]
PY
CHECKS=$((CHECKS + 1))

# 2. Trafford 2022/23: 545 against 600: met.
run run --framework "$BCF/example_local_plan.lua" --period 2022/23 --area E08000009 --format json --no-store
expect_status 0 "run the local plan example for 2022/23"
python3 - "$OUT" <<'PY' || fail "Trafford 2022/23 is not met against 600"
import json, sys
x = {i["id"]: i for i in json.load(open(sys.argv[1]))["areas"][0]["indicators"]}["BCF-RES-PLAN"]
assert (x["assessment"], x["status"], x["value_text"], x["comparator"]) == ("met", "green", "545", 600), x
PY
CHECKS=$((CHECKS + 1))

# 3. Gaps in the ASCOF file are missing, never a colour: Bury 2016/17, Stockport 2017/18.
run run --framework "$BCF/example_local_plan.lua" --period 2016/17 --area E08000002 --format json --no-store
expect_status 0 "run for Bury 2016/17"
python3 - "$OUT" <<'PY' || fail "Bury 2016/17 is not missing"
import json, sys
x = {i["id"]: i for i in json.load(open(sys.argv[1]))["areas"][0]["indicators"]}
for i in ("BCF-RES-PLAN", "BCF-RES-ENG"):
    assert (x[i]["assessment"], x[i]["status"], x[i]["period"]) == ("missing", "grey", "2016/17"), x[i]
    assert "is missing in the data" in x[i]["reason"], x[i]["reason"]
PY
CHECKS=$((CHECKS + 1))
run run --framework "$BCF/framework.lua" --period 2017/18 --area E08000007 --format json --no-store
expect_status 0 "run for Stockport 2017/18"
python3 - "$OUT" <<'PY' || fail "Stockport 2017/18 care home admissions are not missing"
import json, sys
x = {i["id"]: i for i in json.load(open(sys.argv[1]))["areas"][0]["indicators"]}
assert x["BCF-RES-ENG"]["assessment"] == "missing" and x["BCF-RES-ENG"]["period"] == "2017/18", x["BCF-RES-ENG"]
# falls for Stockport 2017/18 (2674 against England's 2170) is there, but without an interval
assert x["BCF-FALLS-ENG"]["assessment"] == "not_compared" and x["BCF-FALLS-ENG"]["value_text"] == "2674"
PY
CHECKS=$((CHECKS + 1))

# 4. Falls against England, every HWB, 2017/18 and 2010/11. The file's values carry no interval:
# every value is not_compared. Fingertips' own comparison (the `significance` column, made on
# unrounded values with intervals) agrees with the side of England the values lie on: an area
# Fingertips calls Worse (lower is better) is at or above England's value, Better at or below.
# Middlesbrough 2010/11: 2463 against 2126, Fingertips "Worse": above.
for period in 2017/18 2010/11; do
  run run --framework "$BCF/framework.lua" --period "$period" --format json --no-store
  expect_status 0 "run england-bcf for $period"
  python3 - "$OUT" "$R/england_fingertips_falls_admissions_65plus.csv" "$period" "$REPO/data/geography/aliases.csv" <<'PY' || fail "falls $period against England is not as expected"
import csv, json, sys
doc, period = json.load(open(sys.argv[1])), sys.argv[3]
# the file's retired codes (Barnsley, Sheffield) land on their successors, as the importer resolves them
alias = {a["old_code"]: a["new_code"] for a in csv.DictReader(open(sys.argv[4])) if a["relation"] == "identical"}
rows = {alias.get(r["area_code"], r["area_code"]): r for r in csv.DictReader(open(sys.argv[2])) if r["period"] == period}
england = float(rows["E92000001"]["value"])
results = {a["code"]: {i["id"]: i for i in a["indicators"]}["BCF-FALLS-ENG"] for a in doc["areas"]}
checked = {"above": 0, "below": 0}
for code, x in results.items():
    row = rows.get(code)
    if row is None:          # counties (E10) and areas created later are not in the file
        assert x["assessment"] == "missing", (code, x)
        continue
    if row["value"] == "NA":  # Isles of Scilly, City of London
        assert x["assessment"] == "missing", (code, x)
        continue
    assert x["assessment"] == "not_compared" and x["status"] == "grey", (code, x)
    assert x["comparator"] == england and x["value_text"] == row["value"], (code, x)
    side = x["details"]["result"]["values_only"]
    if row["significance"] == "Worse":
        assert side in ("above", "equal to"), (code, row, side)
        checked["above"] += 1
    elif row["significance"] == "Better":
        assert side in ("below", "equal to"), (code, row, side)
        checked["below"] += 1
assert checked["above"] > 20 and checked["below"] > 20, checked
if period == "2010/11":
    x = results["E06000002"]
    assert x["value_text"] == "2463" and "on values alone 2463 is above England's 2126" in x["reason"], x
    assert results["E06000053"]["assessment"] == "missing"            # Isles of Scilly: NA
PY
  CHECKS=$((CHECKS + 1))
done

# Nottingham 2016/17 is NA in the falls file: missing.
run run --framework "$BCF/framework.lua" --period 2016/17 --area E06000018 --format json --no-store
expect_status 0 "run for Nottingham 2016/17"
python3 - "$OUT" <<'PY' || fail "Nottingham 2016/17 falls is not missing"
import json, sys
x = {i["id"]: i for i in json.load(open(sys.argv[1]))["areas"][0]["indicators"]}["BCF-FALLS-ENG"]
assert (x["assessment"], x["period"]) == ("missing", "2016/17"), x
PY
CHECKS=$((CHECKS + 1))

# 5. The ICB view on these files: 42 ICBs scored; none has its own figure, and the HWB files
# carry values only (no numerators and denominators), so nothing can be derived: all missing.
run run --framework "$BCF/icb.lua" --format json --no-store
expect_status 0 "run the ICB view"
python3 - "$OUT" <<'PY' || fail "the ICB view on value-only files is not all missing"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["framework"]["id"] == "england-bcf-icb" and doc["period"] == "2023/24", doc["framework"]
assert len(doc["areas"]) == 42, len(doc["areas"])
for a in doc["areas"]:
    for x in a["indicators"]:
        assert x["assessment"] == "missing" and "derived" not in x["flags"], (a["code"], x["id"], x["reason"])
PY
CHECKS=$((CHECKS + 1))

# 6. The 2017-19 set on the ASCOF file: Trafford 2017/18 (677) has no plan in the example table
# (only Cheshire East's), and no counts for an interval.
run run --framework "$FW/england-bcf-2017/framework.lua" --period 2017/18 --area E08000009 --format json --no-store
expect_status 0 "run england-bcf-2017"
python3 - "$OUT" <<'PY' || fail "england-bcf-2017 on Trafford 2017/18 is not as expected"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["framework"]["version"] == "2017-19.1", doc["framework"]
x = {i["id"]: i for i in doc["areas"][0]["indicators"]}
assert x["BCF17-RES-PLAN"]["assessment"] == "no_target" and x["BCF17-RES-PLAN"]["value_text"] == "677", x["BCF17-RES-PLAN"]
assert x["BCF17-RES-ENG"]["assessment"] == "not_compared" and x["BCF17-RES-ENG"]["comparator"] == 585.6, x["BCF17-RES-ENG"]
assert "on values alone 677.0 is above England's 585.6" in x["BCF17-RES-ENG"]["reason"], x["BCF17-RES-ENG"]["reason"]
assert x["BCF17-RES-ENG"]["flags"] == [], x["BCF17-RES-ENG"]["flags"]   # 2017-19 residential admissions is [C]
assert "definition_unconfirmed" in x["BCF17-DTOC-PLAN"]["flags"]        # DTOC denominator is [P]
PY
CHECKS=$((CHECKS + 1))
finish

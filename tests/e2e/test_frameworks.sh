# test_frameworks.sh - the designer's and analyst's journeys through frameworks: check, test,
# run in every format, extension, errors that name file and line, and the sandbox via eval.
. "$(dirname "$0")/lib.sh"
F="$REPO/tests/frameworks"

# Framework tests kept beside each framework pass (and say so in the usual closing line).
for fw in "$F/fixture" "$F/fixture-local" "$F/fixture-stats" "$REPO"/frameworks/*; do
  [ -f "$fw/tests.lua" ] || continue
  run test "$fw/framework.lua"
  expect_status 0 "scorecard test $fw"
  expect_out " passed, 0 failed"
done

# check reports every problem at once, with file:line where the line is known.
run check "$F/broken/framework.lua"
expect_status 1
expect_err "broken/framework.lua:11: indicator A has no polarity"
expect_err "broken/framework.lua:13: indicator B: green 50 and amber 60 are in the wrong order"
expect_err "indicator C: rule is not a rule"
expect_err 'outcome O1 lists "NOWHERE"'
expect_err "outcome O2 has no indicators"
expect_err "indicator C is in no outcome"
expect_out "6 errors"
run check "$F/fixture/framework.lua"; expect_status 0; expect_out "fixture 1: 11 indicators, 7 outcomes; 0 errors"

# An analyst's run of the demo on the bundled sample.
"$SCORECARD" init >/dev/null || fail "init"
run check --db "$SCORECARD_DB" "$REPO/frameworks/demo-scotland/framework.lua"
expect_status 0; expect_err 'warning: '; expect_err 'the store has no series "MSG-1"'

"$SCORECARD" import "$REPO"/data/sample/*.csv >/dev/null || fail "import sample"
run run --framework "$REPO/frameworks/demo-scotland/framework.lua" --format json
expect_status 0; expect_err "run 1 stored"
python3 - "$OUT" <<'PY' || fail "the demo scorecard JSON is not as documented"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["framework"]["id"] == "demo-scotland" and len(doc["framework"]["sha256"]) == 64
assert doc["period"] == "2023/24" and doc["run_id"] == 1 and len(doc["data_fingerprint"]) == 64
areas = {a["code"]: a for a in doc["areas"]}
assert len(areas) == 31, len(areas)
edi = areas["S37000012"]
assert edi["name"] == "Edinburgh" and edi["status"] == "red", edi["status"]
inds = {i["id"]: i for i in edi["indicators"]}
assert inds["MSG-5"]["status"] == "red" and inds["MSG-5"]["assessment"] == "not_met"
assert inds["MSG-1"]["status"] == "green" and "provisional" in inds["MSG-1"]["flags"]
assert inds["NI-20"]["status"] == "grey" and inds["NI-20"]["assessment"] == "not_reported"
for i in edi["indicators"]:
    for k in ("id", "title", "value", "unit", "period", "comparator", "assessment", "status", "method", "reason"):
        assert k in i, k
assert [o["id"] for o in edi["outcomes"]] == ["O2", "O9"]
assert edi["outcomes"][0]["indicators"] == ["MSG-5", "NI-16"]
assert areas["S37000031"]["indicators"][2]["assessment"] == "suppressed"
assert areas["S37000032"]["indicators"][2]["status"] == "amber"  # Fife, from the retired code S37000014
assert areas["S37000001"]["status"] == "grey"
PY
run run --framework "$REPO/frameworks/demo-scotland/framework.lua" --area S37000012 --format csv --no-store
expect_status 0
expect_out "S37000012,Edinburgh,indicator,MSG-5,"
expect_out "S37000012,Edinburgh,overall,demo-scotland,"
run run --framework "$REPO/frameworks/demo-scotland/framework.lua" --area S37000012 --area S37000014 -o card.txt
expect_status 0; expect_err "run 2 stored (2 areas"
grep -q "S37000032 Fife" card.txt || fail "a retired code given to --area scores its successor"
CHECKS=$((CHECKS + 1))
if grep -q $'\033' card.txt; then fail "colour codes in a file"; fi
run run --framework "$REPO/frameworks/demo-scotland/framework.lua" --period 2019/20 --area S37000012 --format json --no-store
expect_status 0; expect_out '"assessment":	"missing"'

# Errors from framework code name the file, the line and the indicator being evaluated.
printf 'indicator,area,period,value\nX,S37000012,2023/24,1\n' >x.csv
"$SCORECARD" import x.csv >/dev/null
run run --framework "$F/crashing/framework.lua" --area S37000012
expect_status 1
expect_err "indicator X, area S37000012"
expect_err "crashing/framework.lua:10:"

# Designers' notes and unconfirmed definitions are listed by check and kept off published pages.
run check "$REPO/frameworks/scotland-nhwo"; expect_status 0
expect_out "for the designers (not on published pages):"
expect_out "NI-2: Imports must set series_break on the 2023/24 rows"
expect_out "NI-18: definition unconfirmed."
"$SCORECARD" init --demo --db demo-notes.db >/dev/null || fail "init --demo"
run run --db demo-notes.db --framework "$REPO/frameworks/scotland-nhwo" --area S37000012 --no-store --format html -o nhwo.html
expect_status 0
expect_eq "$(grep -c -i 'unconfirmed\|must set series_break' nhwo.html)" 0 "designers' notes on the published page"
CHECKS=$((CHECKS + 1)); grep -q "not comparable with earlier years" nhwo.html || fail "the readers' note on the survey break is gone"

# The sandbox, reached from the command line.
run eval 'return os.execute("true")'; expect_status 1; expect_err "attempt to call a nil value (field 'execute')"
run eval 'return io.open("/etc/passwd")'; expect_status 1; expect_err "global 'io'"
run eval 'return require("../etc/passwd")'; expect_status 1; expect_err "module names are"
run eval 'return stats.proportion(65, 100).lower'; expect_status 0; expect_out "0.5525444329688797"
# A side with responses but no figure is "not compared", not an error.
run eval 'local t = stats.survey({n = 100}, {value = 50, n = 200}) return t.status .. ": " .. t.reason'
expect_status 0; expect_out '"not_compared: there is no value"'
run eval 'local t = stats.survey({value = 50, n = 100}, {n = 200, deff = 2}) return t.status .. ": " .. t.reason'
expect_status 0; expect_out '"not_compared: there is no comparator value"'
run eval 'local r = require "rules" return r.threshold{green = 1}.method'; expect_status 0; expect_out '"threshold"'
run eval --db "$SCORECARD_DB" 'return #data.series("MSG-1", "S37000012")'; expect_status 0; expect_out "4"
# A case that asserts nothing fails, never passes: an empty expectation, a misspelt key, an
# area with no expectations, and a cases file with no cases at all.
D='{ indicator = "T-HIGH", area = "S37000012", period = "2023/24", value = 80 }'
for want in '{}' '{ staus = "red" }' '{ status = "" }' '{ status = 3 }'; do
  printf 'return { { name = "hollow", period = "2023/24", areas = { "S37000012" }, data = { %s },\n  expect = { S37000012 = { ["T-HIGH"] = %s } } } }\n' "$D" "$want" >"$WORK/hollow.lua"
  run test --cases "$WORK/hollow.lua" "$F/fixture/framework.lua"
  expect_status 1 "an expectation $want"; expect_out "FAIL hollow: S37000012 T-HIGH: "; expect_out "0 passed, 1 failed"
done
run test --cases "$WORK/hollow.lua" "$F/fixture/framework.lua"; expect_out "status must be non-empty text"
printf 'return { { name = "hollow", period = "2023/24", areas = { "S37000012" }, data = { %s },\n  expect = { S37000012 = { ["T-HIGH"] = { staus = "red" } } } } }\n' "$D" >"$WORK/hollow.lua"
run test --cases "$WORK/hollow.lua" "$F/fixture/framework.lua"; expect_out '"staus" is not status, assessment or reason'
printf 'return { { name = "hollow", period = "2023/24", areas = { "S37000012", "S37000034" }, data = { %s },\n  expect = { S37000012 = { ["T-HIGH"] = "green" }, S37000034 = {} } } }\n' "$D" >"$WORK/hollow.lua"
run test --cases "$WORK/hollow.lua" "$F/fixture/framework.lua"
expect_status 1 "an area with no expectations"; expect_out "S37000034: the case expects nothing of this area"
printf 'return {}\n' >"$WORK/hollow.lua"
run test --cases "$WORK/hollow.lua" "$F/fixture/framework.lua"
expect_status 1 "no cases"; expect_err "the cases file has no cases"

finish

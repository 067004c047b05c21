# test_audit.sh - the auditor's journey: list runs, explain a colour down to the file line it
# came from, and diff two runs that differ by data and by rule; a run reproduces exactly.
. "$(dirname "$0")/lib.sh"
FW="$REPO/frameworks/demo-scotland/framework.lua"
"$SCORECARD" init >/dev/null || fail "init"
"$SCORECARD" import "$REPO"/data/sample/*.csv >/dev/null || fail "import"

run run --framework "$FW" -o card1.txt; expect_status 0; expect_err "run 1 stored"
run run --framework "$FW" -o card2.txt; expect_status 0; expect_err "run 2 stored"
CHECKS=$((CHECKS + 1)); cmp -s card1.txt card2.txt || fail "the same framework and data gave a different scorecard"
run diff 1 2; expect_status 0; expect_out "0 changed, 217 unchanged"
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
expect_out "demo-scotland/framework.lua:"
expect_out "outcome  O2 red"
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
expect_out "S37000012|indicator|MSG-5: red (not_met) -> green (met): data changed"
expect_out "S37000012|area|demo-scotland: red (-) -> green (-): roll-up"
expect_out "3 changed, 214 unchanged"

# A designer loosens a threshold: the diff says the rule changed.
mkdir -p fw/loose
sed 's/green = 89, amber = 87/green = 86, amber = 80/' "$FW" >fw/loose/framework.lua
run run --framework fw/loose/framework.lua -o /dev/null; expect_status 0
run diff 3 4; expect_status 0
expect_out "S37000031|indicator|MSG-5: amber (near) -> green (met): rule changed"
finish

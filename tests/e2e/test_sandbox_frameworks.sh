#!/usr/bin/env bash
# Hostile frameworks (tests/sandbox/frameworks) through run, check and test: each is refused
# cleanly (exit 1 with a message naming the limit or the problem) or handled correctly, within
# its limits plus a second and, outside the sanitizer build, within the memory cap plus the fixed
# overhead docs/reliability.md states.
. "$(dirname "$0")/lib.sh"
F="$REPO/tests/sandbox/frameworks"
export SCORECARD_LIMIT_SECONDS=2 SCORECARD_LIMIT_RUN_SECONDS=4 SCORECARD_LIMIT_MEMORY_MB=64
CAP=$((64 + 64)) # MiB: the Lua cap and the fixed overhead

run init; expect_status 0 "init"
codes=$("$SCORECARD" areas --type hscp --format csv | tail -n +2 | cut -d, -f1)
{
  echo "indicator,area,period,value"
  n=0
  for c in $codes S92000003; do
    for i in B-1 B-2 H-1 C-1 S-1 D-1 R-1 K-1 X-1 X-2 L-1; do
      n=$((n + 1))
      echo "$i,$c,2023/24,$((n * 37 % 100))"
    done
  done
} >data.csv
run import data.csv; expect_status 0 "import"

# The base framework and a local one that tampers with what it shares: same colours for
# everything inherited, provenance from the host.
run_bounded 3 $CAP run --framework "$F/base" --no-store --format json; expect_status 0 "run base"
cp "$OUT" base.json
run_bounded 3 $CAP run --framework "$F/tamper" --no-store --format json; expect_status 0 "run tamper"
cp "$OUT" tamper.json
python3 - base.json tamper.json >"$WORK/tamper.check" 2>&1 <<'PY' || fail "tampering: $(cat "$WORK/tamper.check")"
import json, sys
base, tamper = (json.load(open(p)) for p in sys.argv[1:3])
def results(doc):
    return {(a["code"], i["id"]): i for a in doc["areas"] for i in a["indicators"]}
b, t = results(base), results(tamper)
inherited = [k for k in b if k[1] in ("B-1", "B-2")]
assert len(inherited) >= 60, len(inherited)
changed = [k for k in inherited if b[k]["status"] != t[k]["status"]]
assert not changed, f"{len(changed)} inherited results changed colour, e.g. {changed[0]}"
reds = [k for k in inherited if t[k]["status"] == "red"]
assert reds, "the data gives the base some reds: the test would not see a recolouring"
for k, r in t.items():
    at = r["details"].get("defined_at", "")
    assert "passwd" not in at and "shadow" not in at, f"{k}: provenance from the rule's table: {at}"
    # stored relative to the scored framework's folder: the base it extends is beside it
    want = "../base/framework.lua:" if k[1] != "L-1" else "framework.lua:9"
    assert at.startswith(want), f"{k}: defined_at {at!r} should start {want}"
for a in tamper["areas"]:
    assert a["reason"].startswith("worst of"), "the framework roll-up was changed through the shared library"
PY
CHECKS=$((CHECKS + 1))
run_bounded 3 $CAP test "$F/base"; expect_status 0 "test base"

# Limits inside a rule, a check and across a whole run.
run_bounded 3 $CAP run --framework "$F/hang-rule" --no-store
expect_status 1 "hang-rule"; expect_err "indicator H-1"; expect_err "limit reached"
run_bounded 3 $CAP check "$F/hang-check"
expect_status 1 "hang-check"; expect_err "limit reached"
run_bounded 3 $CAP run --framework "$F/hang-check" --no-store
expect_status 1 "hang-check run"; expect_err "limit reached"
# (Each call spins 0.8 s of CPU time; the per-call limit is raised so that a loaded machine,
# where that takes longer on the wall clock, still meets the run's limit first.)
SCORECARD_LIMIT_SECONDS=10 run_bounded 6 $CAP run --framework "$F/slow-areas" --no-store
expect_status 1 "slow-areas"; expect_err "time limit of the whole run reached (4 s)"

# What C keeps of Lua values is bounded: details, reasons.
run_bounded 3 $CAP run --framework "$F/big-details" --no-store
expect_status 1 "big-details"; expect_err "larger than 262144 bytes as JSON"
# (Building the 48 MiB string takes most of a second under the sanitizers: the time limits
# are raised so that a loaded machine still meets the size cap this is about.)
export SCORECARD_LIMIT_SECONDS=10 SCORECARD_LIMIT_RUN_SECONDS=10
SCORECARD_LIMIT_MEMORY_MB=256 run_bounded 12 $((256 + 64)) run --framework "$F/big-reason" --no-store
expect_status 1 "big-reason"; expect_err "at most 4096 are kept"
SCORECARD_LIMIT_MEMORY_MB=256 run_bounded 12 $((256 + 64)) run --framework "$F/big-reason" --format html -o big.html
expect_status 1 "big-reason html"; [ -e big.html ] && fail "a refused run left big.html"
export SCORECARD_LIMIT_SECONDS=2 SCORECARD_LIMIT_RUN_SECONDS=4

# check on frameworks of absurd size: bounded in time and in what it prints.
# (building 150,000 rules takes the framework itself a few seconds, more under the sanitizers)
SCORECARD_LIMIT_MEMORY_MB=512 SCORECARD_LIMIT_SECONDS=15 SCORECARD_LIMIT_RUN_SECONDS=15 \
  run_bounded 16 $((512 + 64)) check "$F/many-indicators"
expect_status 1 "many-indicators"; expect_err "at most 10000 are allowed"; expect_out ": 1 error, 0 warnings"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$ERR")" -lt 260 ] || fail "check printed $(wc -l <"$ERR") lines for many-indicators"
run_bounded 5 $CAP check "$F/duplicate-ids"
expect_status 1 "duplicate-ids"; expect_err "indicator SAME is defined twice"; expect_err "more problems (only the first 200 are listed)"
CHECKS=$((CHECKS + 1))
[ "$(grep -c "defined twice" "$ERR")" -le 200 ] || fail "more than 200 problems listed"

# A series handle kept past its case is refused, and nothing is left in /tmp.
before=$(ls /tmp | grep -c '^scorecard-test' || true)
run_bounded 3 $CAP test "$F/keep-series/framework.lua"
expect_status 1 "keep-series"; expect_out "used after its evaluation ended"; expect_out "1 passed, 1 failed"
after=$(ls /tmp | grep -c '^scorecard-test' || true)
expect_eq "$after" "$before" "scorecard-test files in /tmp"

# Hostile cases files: no crash, each case fails with a message.
for cases in 'return { 42 }' 'return { { name = "x", period = "2023/24", areas = { {} }, expect = {} } }' \
  'return { { name = "x", period = {}, data = { 5 } } }' 'return { { name = "nothing", period = "2023/24", expect = {} } }'; do
  printf '%s\n' "$cases" >cases.lua
  run_bounded 3 $CAP test --cases cases.lua "$F/base"
  expect_status 1 "hostile cases: $cases"; expect_out "FAIL"; expect_out "0 passed, 1 failed"
done
# A cases file is read as data: one a key of which is a table is refused whole, with a message.
printf '%s\n' 'return { { name = "kept", period = "2023/24", expect = { S37000012 = { [{}] = "red" } } } }' >cases.lua
run_bounded 3 $CAP test --cases cases.lua "$F/base"
expect_status 1 "a cases file with a table as a key"; expect_err "cases.lua: a table has a key of type table"

finish

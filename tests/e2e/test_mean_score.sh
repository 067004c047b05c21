# test_mean_score.sh - r.rollup.mean_score, the NHS Oversight Framework's method in general form:
# scores averaged, cut into segments by fixed cut points or at the quartiles across the areas,
# a flag's cap; outcomes cut at quartiles read by the area's own roll-up; hostile frameworks.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"
A=S37000001 B=S37000002 C=S37000003 D=S37000004 E=S37000005
{
  echo "indicator,area,period,value"
  # S1, S2 scores; FL a flag (A and D in deficit); E has no flag at all
  for row in "$A 1.2 1.4 1" "$B 2.0 2.2 0" "$C 2.6 2.8 0" "$D 3.0 3.2 1" "$E 3.6 3.8 -"; do
    set -- $row
    echo "S1,$1,2025/26 Q4,$2"; echo "S2,$1,2025/26 Q4,$3"
    [ "$4" = - ] || echo "FL,$1,2025/26 Q4,$4"
  done
} >scores.csv
run import scores.csv; expect_status 0

fw() { # fw NAME OUTCOME_ROLLUP FRAMEWORK_ROLLUP [S1 RULE]
  mkdir -p "$1"
  cat >"$1/framework.lua" <<LUA
local r = require "rules"
return r.framework {
  id = "$1", version = "1", title = "mean scores", country = "Scotland", scores = "hscp", period = "fy_quarter",
  outcomes = { { id = "O1", title = "one", indicators = { "S1", "S2", "FL" }, rollup = $2 } },
  indicators = {
    { id = "S1", title = "s1", unit = "score", polarity = "lower", rule = ${4:-r.score {\}} },
    { id = "S2", title = "s2", unit = "score", polarity = "lower", rule = r.score {} },
    { id = "FL", title = "deficit", unit = "flag", polarity = "none", rule = r.flag { meaning = "in deficit" } },
  },
  rollup = $3,
}
LUA
}
SEG='segments = { 2, 3 }, colours = { "green", "amber", "red" }'

# Fixed cut points; the flag is not a score (2 scores, nothing "left out"); a mean on a cut
# point is in the better segment; the cap puts A (1.3, segment 1) in segment 2.
fw fixed "r.rollup.mean_score {}" "r.rollup.mean_score { $SEG, cap = { indicator = \"FL\", segment = 2 } }"
run run --framework fixed --period "2025/26 Q4" --no-store --area $A --area $B --area $E
expect_status 0
expect_out "$A Aberdeen City: amber  mean of 2 scores: 1.30; by its score, segment 1 of 3 (1 best; cut points 2 and 3); put in segment 2, as FL is 1"
expect_out "$B Aberdeenshire: amber  mean of 2 scores: 2.10; by its score, segment 2 of 3"
# E has no flag: said, not silently uncapped
expect_out "$E Clackmannanshire and Stirling: red    mean of 2 scores: 3.70; by its score, segment 3 of 3 (1 best; cut points 2 and 3); FL is missing, so its cap to segment 2 is not applied"
expect_out "  O1 grey   one (mean score 1.30)"
run run --framework fixed --period "2025/26 Q4" --no-store --area $B --format csv
expect_out "$B,Aberdeenshire,overall,fixed,mean scores,amber,segment 2,2.1,,,,,,rollup,"
expect_out "$B,Aberdeenshire,outcome,O1,one,grey,,2.1,,,,,,rollup,"

# Outcomes cut at the quartiles, the area's worst_of reads their final colours (not grey).
fw quart "r.rollup.mean_score { segments = \"quartiles\", colours = { \"green\", \"green\", \"amber\", \"red\" } }" "r.rollup.worst_of"
run run --framework quart --period "2025/26 Q4" --no-store --area $D --area $D
expect_status 0
expect_eq "$(grep -c "^$D " "$OUT")" 1 "an area named twice is scored once"
expect_out "$D Argyll and Bute: amber  worst of the children: amber (0 green, 1 amber, 0 red, 0 without a colour)"
expect_out "  O1 amber  one (mean score 3.10, segment 3)"
run run --framework quart --period "2025/26 Q4" --no-store --format json
python3 - "$OUT" <<'PY' || fail "quartiles across the areas with scores"
import json, sys
d = json.load(open(sys.argv[1]))
seg = {a["code"]: a["outcomes"][0].get("segment") for a in d["areas"]}
# means 1.3, 2.1, 2.7, 3.1, 3.7: quartiles 2.1, 2.7, 3.1; the 26 HSCPs without scores have none
assert [seg[c] for c in ("S37000001", "S37000002", "S37000003", "S37000004", "S37000005")] == [1, 1, 2, 3, 4], seg
assert sum(1 for s in seg.values() if s is None) == len(seg) - 5, seg
PY
CHECKS=$((CHECKS + 1))

# Hostile or mistaken frameworks are refused at load, each problem named.
fw h1 "r.rollup.mean_score {}" "r.rollup.mean_score { cap = { indicator = \"FL\", segment = 2 } }"
run check h1; expect_status 1; expect_err "a cap puts an area in a segment, and this roll-up has no segments"
fw h2 "r.rollup.mean_score {}" "r.rollup.mean_score { $SEG, cap = { indicator = \"S2\", segment = 2 } }"
run check h2; expect_status 1; expect_err "the cap's indicator S2 must be judged by r.flag (a 0/1 flag), not score"
fw h3 "r.rollup.mean_score {}" "r.rollup.mean_score { $SEG }" "r.score { best = 4, worst = 1 }"
run check h3; expect_status 1; expect_err "best must be below worst"
fw h4 "r.rollup.mean_score { decimals = \"3\" }" "r.rollup.mean_score { $SEG }"
run check h4; expect_status 1; expect_err "decimals must be a whole number from 0 to 6"
fw h5 "r.rollup.mean_score {}" "r.rollup.mean_score { segments = { 3, 2 }, colours = { \"green\", \"amber\", \"red\" } }"
run check h5; expect_status 1; expect_err "segments must be numbers in increasing order"
fw h6 "r.rollup.mean_score {}" "r.rollup.mean_score { $SEG, cap = { indicator = \"NOPE\", segment = 2 } }"
run check h6; expect_status 1; expect_err "the cap's indicator NOPE is not one of the framework's"
# A rule's score must be a number of sensible size: 1e308 would make the mean infinite.
fw h7 "r.rollup.mean_score {}" "r.rollup.mean_score { $SEG }" "r.custom(function() return { assessment = 'scored', score = 1e308 } end)"
run run --framework h7 --period "2025/26 Q4" --no-store --area $A
expect_status 1; expect_err "the rule's score must be a number no larger than 1e+12 in size"
# Cut points are printed as they are, not at the mean's decimals.
fw h8 "r.rollup.mean_score {}" "r.rollup.mean_score { decimals = 0, segments = { 1.25, 2.5 }, colours = { \"green\", \"amber\", \"red\" } }"
run run --framework h8 --period "2025/26 Q4" --no-store --area $A
expect_out "mean of 2 scores: 1; by its score, segment 1 of 3 (1 best; cut points 1.25 and 2.5)"
finish

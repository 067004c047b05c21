# test_framework_mistakes.sh - `check` is trustworthy: a framework `run` would refuse, or would
# score with a default the designer never chose, fails `check` too, with every problem at once,
# each at its file and line, and "did you mean" for a near miss of a name.
. "$(dirname "$0")/lib.sh"
export SCORECARD_DB=  # no database: only the framework is checked
M="$REPO/tests/frameworks/mistakes"
cd "$REPO" || exit 1 # paths in messages relative to the repository, as a designer types them

run check tests/frameworks/mistakes
expect_status 1 "check mistakes"
expect_out "mistakes/framework.lua: 9 errors, 0 warnings"
F=tests/frameworks/mistakes/framework.lua
expect_err "$F:9: r.rollup.worstof is not a roll-up of the rule library (did you mean \`r.rollup.worst_of\`?)"
expect_err "$F:12: r.rollup.majorty is not a roll-up of the rule library (did you mean \`r.rollup.majority\`?)"
expect_err "$F:16: r.treshold is not a rule of the rule library (did you mean \`r.threshold\`?)"
expect_err "$F:18: r.benchmark: unknown parameter \"levl\" (did you mean \`level\`?)"
expect_err "$F:20: benchmark interval \"publishd\" must be published, wilson, rate, spc_proportion or spc_dsr (did you mean \`published\`?)"
expect_err "$F:22: indicator D: polarity \"highr\" is not higher, lower or none (did you mean \`higher\`?)"
expect_err "$F:24: indicator E: unknown key \"unitt\" (did you mean \`unit\`?)"
expect_err "$F:26: r.target values[1]: unknown parameter \"valeu\" (did you mean \`value\`?)"
expect_err "$F: the framework: unknown key \"notez\" (did you mean \`notes\`?)"

# run refuses the same framework, listing the same problems.
"$SCORECARD" init --db "$WORK/t.db" >/dev/null || fail "init"
run run --db "$WORK/t.db" --framework "$M" --no-store
expect_status 1 "run mistakes"
expect_err "r.treshold is not a rule"
expect_err "9 problems"

# One mistake at a time, in a copy of the demo framework: each alone fails check.
DEMO="$REPO/frameworks/demo-scotland/framework.lua"
one() { # one DESCRIPTION SED-EXPRESSION EXPECTED-STDERR
  mkdir -p "$WORK/one"
  sed "$2" "$DEMO" >"$WORK/one/framework.lua"
  cmp -s "$DEMO" "$WORK/one/framework.lua" && fail "$1: the edit changed nothing"
  run check "$WORK/one"
  expect_status 1 "check: $1"
  expect_err "$3"
  expect_out "1 error, 0 warnings"
}
one "a syntax error" '$a local x = = 1' "framework.lua:48: <eof> expected near 'local'"
one "a misspelt rule" 's/r\.threshold {/r.treshold {/' "did you mean \`r.threshold\`?"
one "a survey test against a misspelt side" 's/r\.threshold { green = 89, amber = 87 }/r.survey { against = "prevous" }/' \
  "survey against \"prevous\" must be comparator or previous (did you mean \`previous\`?)"
one "a design effect without responses" 's/r\.threshold { green = 89, amber = 87 }/r.survey { design_effect = 2 }/' \
  'survey design_effect must be more than 0, with se = "responses"'
one "a survey level the published limits do not have" 's/r\.threshold { green = 89, amber = 87 }/r.survey { level = 0.998 }/' \
  'the data hold 95% limits'
one "a misspelt roll-up" 's/r\.rollup\.worst_of/r.rollup.worstof/' "did you mean \`r.rollup.worst_of\`?"
one "a misspelt colour map" 's/^  id = "demo-scotland",/  id = "demo-scotland", colours = r.colours.defualt,/' "did you mean \`r.colours.default\`?"
one "a misspelt polarity" 's/polarity = "higher"/polarity = "highr"/' "did you mean \`higher\`?"
one "a misspelt parameter" 's/green = 89, amber = 87/green = 89, ambr = 87/' "unknown parameter \"ambr\" (did you mean \`amber\`?)"
one "a misspelt SPC option" 's/r\.threshold { green = 89, amber = 87 }/r.spc { improvment = "increase" }/' "framework.lua:37: stats.spc: unknown option \"improvment\" (did you mean \`improvement\`?)"
one "a misspelt funnel kind" 's/r\.threshold { green = 89, amber = 87 }/r.funnel { kind = "proportoin" }/' \
  "funnel kind \"proportoin\" must be proportion, ratio, isr, dsr or crude (did you mean \`proportion\`?)"
one "an SPC comparer at a level Fingertips does not draw" 's/r\.threshold { green = 89, amber = 87 }/r.benchmark { interval = "spc_proportion", level = 0.99 }/' \
  'Fingertips draws control limits at 95% (0.95) and 99.8% (0.998) only'
one "a misspelt key" 's/unit = "%", polarity = "higher"/units = "%", polarity = "higher"/' "unknown key \"units\" (did you mean \`unit\`?)"
one "a key no part of the engine reads" 's/unit = "%", polarity = "higher"/colour = "red", polarity = "higher"/' 'unknown key "colour"'
one "a provenance of its own" 's/^  id = "demo-scotland",/  where = "\/etc\/passwd:1", id = "demo-scotland",/' 'unknown key "where"'
# Unchanged, the demo passes: the errors above are the edits'.
run check "$(dirname "$DEMO")"
expect_status 0 "check demo"
expect_out "0 errors, 0 warnings"

# A hostile framework with a flood of unknown keys gets a bounded list, not one line each.
mkdir -p "$WORK/flood"
cat >"$WORK/flood/framework.lua" <<'LUA'
local r = require "rules"
local ind = { id = "A", title = "a", polarity = "higher", rule = r.threshold { green = 1 } }
for i = 1, 100000 do ind["junk" .. i] = i end
return r.framework { id = "flood", version = "1", title = "flood", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "A" } } }, indicators = { ind } }
LUA
run_bounded 10 512 check "$WORK/flood"
expect_status 1 "check flood"
expect_err "99992 more unknown keys"
[ "$(grep -c 'unknown key "junk' "$ERR")" -eq 8 ] || fail "a flood of unknown keys should name 8 of them"
# A rule's status is a word of the vocabulary: a misspelt one stops the run, naming the rule
# and the word it meant, instead of passing into the results.
"$SCORECARD" init --db "$WORK/s.db" >/dev/null || fail "init"
printf 'indicator,area,period,value\nA,S37000012,2023/24,5\n' >"$WORK/s.csv"
"$SCORECARD" import --db "$WORK/s.db" "$WORK/s.csv" >/dev/null || fail "import"
mkdir -p "$WORK/status"
cat >"$WORK/status/framework.lua" <<'LUA'
local r = require "rules"
return r.framework { id = "status", version = "1", title = "status", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "A" } } },
  indicators = { { id = "A", title = "a", polarity = "higher",
                   rule = r.custom(function(ctx) return { status = "supressed", reason = "r" } end) } } }
LUA
run run --db "$WORK/s.db" --framework "$WORK/status" --area S37000012 --no-store
expect_status 1 "run a rule with a misspelt status"
expect_err 'the rule returned the unknown status "supressed" (did you mean "suppressed"?)'
sed -i 's/"supressed"/"suppressed"/' "$WORK/status/framework.lua"
run run --db "$WORK/s.db" --framework "$WORK/status" --area S37000012 --no-store --format json
expect_status 0 "run a rule with a status"
expect_out "$(printf '"no_colour_status":\t"suppressed"')"
# A rule's ctx.point and the data library's points are one shape: the same fields.
cat >"$WORK/status/framework.lua" <<'LUA'
local r = require "rules"
local function keys(t) local k = {} for name in pairs(t) do k[#k + 1] = name end table.sort(k) return table.concat(k, " ") end
return r.framework { id = "status", version = "1", title = "status", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "A" } } },
  indicators = { { id = "A", title = "a", polarity = "higher",
                   rule = r.custom(function(ctx) return { status = "not_compared", reason = "fields: " .. keys(ctx.point) } end) } } }
LUA
run run --db "$WORK/s.db" --framework "$WORK/status" --area S37000012 --no-store --format json
expect_status 0 "run a rule listing its point's fields"
FIELDS="derived end period period_type provisional series_break start status value value_text"
expect_out "fields: $FIELDS"
run eval --db "$WORK/s.db" 'local k = {} for n in pairs(data.series("A", "S37000012")[1]) do k[#k + 1] = n end table.sort(k) return table.concat(k, " ")'
expect_status 0 "data.series fields"
expect_out "$FIELDS"
# A module a rule loads only while scoring would be in no fingerprint: the run is refused.
cat >"$WORK/status/lazy.lua" <<'LUA'
return { band = 3 }
LUA
cat >"$WORK/status/framework.lua" <<'LUA'
local r = require "rules"
return r.framework { id = "status", version = "1", title = "status", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "A" } } },
  indicators = { { id = "A", title = "a", polarity = "higher",
                   rule = r.custom(function(ctx) local m = require "lazy"
                     return { assessment = ctx.point.value > m.band and "met" or "not_met" } end) } } }
LUA
run run --db "$WORK/s.db" --framework "$WORK/status" --area S37000012 --no-store
expect_status 1 "run a rule that requires a module late"
expect_err "lazy.lua while the framework was scored; require it at the top of the file"
finish

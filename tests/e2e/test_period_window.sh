# test_period_window.sh - a period means what the publisher meant. A scorecard for a period
# uses an observation only if it ends within the framework's span (latest_within, 2 years by
# default) before the period's end; an older one is not_available, with the latest named. The
# default period is the latest that at least half the indicators with data reach, and never
# one that has not ended by today.
. "$(dirname "$0")/lib.sh"

"$SCORECARD" init >/dev/null || fail "init"
cat >data.csv <<'CSV'
indicator,area,period,value
FRESH,S37000012,2021/22,70
FRESH,S37000012,2022/23,71
FRESH,S37000012,2023/24,72
ALSO,S37000012,2023/24,40
STALE,S37000012,2019/20,50
BIENNIAL,S37000012,2021/22,60
FUTURE,S37000012,2031/32,99
CSV
run import data.csv; expect_status 0 "import"
mkdir -p fw
cat >fw/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "window", version = "1", title = "Periods and their data", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "o", indicators = { "FRESH", "ALSO", "STALE", "BIENNIAL", "FUTURE" } } },
  indicators = {
    { id = "FRESH", title = "annual", unit = "%", polarity = "higher", rule = r.threshold { green = 60 } },
    { id = "ALSO", title = "annual too", unit = "%", polarity = "higher", rule = r.threshold { green = 30 } },
    { id = "STALE", title = "not updated", unit = "%", polarity = "higher", rule = r.threshold { green = 40 } },
    { id = "BIENNIAL", title = "a survey every other year", unit = "%", polarity = "higher",
      latest_within = "3 years", rule = r.threshold { green = 50 } },
    { id = "FUTURE", title = "a plan dated ahead", unit = "%", polarity = "higher", rule = r.threshold { green = 50 } },
  },
}
LUA
result() { # result FILE INDICATOR -> "assessment|period|reason"
  python3 -c "
import json, sys
doc = json.load(open('$1'))
x = {i['id']: i for i in doc['areas'][0]['indicators']}['$2']
print('%s|%s|%s' % (x['assessment'], x['period'], x['reason']))"
}

# The default period: 2023/24, which two of the four indicators with data up to today reach
# (FUTURE's 2031/32 has not happened; STALE and BIENNIAL are older).
SCORECARD_TODAY=2026-12-02 run run --framework fw --area S37000012 --no-store --format json
expect_status 0 "run, default period"
cp "$OUT" default.json
expect_eq "$(python3 -c "import json; print(json.load(open('default.json'))['period'])")" "2023/24" "default period"
expect_eq "$(result default.json FRESH)" "met|2023/24|72 is at or above the green threshold 60" "FRESH in 2023/24"
expect_eq "$(result default.json STALE)" \
  "not_available|None|no STALE value for 2023/24 or in the 2 years before it; the latest is 2019/20" "STALE in 2023/24"
expect_eq "$(result default.json BIENNIAL)" "met|2021/22|60 is at or above the green threshold 50" "BIENNIAL within its 3 years"
expect_eq "$(result default.json FUTURE)" "missing|None|no FUTURE value for 2023/24 or before" "FUTURE before its period"

# A period far ahead is not scored with old data under its label.
run run --framework fw --area S37000012 --no-store --format json --period 2099/00
expect_status 0 "run 2099/00"
cp "$OUT" far.json
expect_eq "$(result far.json FRESH)" \
  "not_available|None|no FRESH value for 2099/00 or in the 2 years before it; the latest is 2023/24" "FRESH in 2099/00"
expect_eq "$(result far.json FUTURE)" \
  "not_available|None|no FUTURE value for 2099/00 or in the 2 years before it; the latest is 2031/32" "FUTURE in 2099/00"

# The span includes its end: 2023/24 data still speak for 2025/26, not for 2026/27.
run run --framework fw --area S37000012 --no-store --format json --period 2025/26
cp "$OUT" edge.json
expect_eq "$(result edge.json FRESH)" "met|2023/24|72 is at or above the green threshold 60" "FRESH in 2025/26"
run run --framework fw --area S37000012 --no-store --format json --period 2026/27
cp "$OUT" past.json
expect_eq "$(result past.json FRESH | cut -d'|' -f1)" "not_available" "FRESH in 2026/27"

# Earlier in time, the default period is earlier: on 2024-03-30 2023/24 has not ended, and of
# the data ending by 2022/23 two of three reach 2021/22.
SCORECARD_TODAY=2024-03-30 run run --framework fw --area S37000012 --no-store --format json
expect_status 0 "run as of 2024-03-30"
expect_eq "$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['period'])" "$OUT")" "2021/22" \
  "default period as of 2024-03-30"
SCORECARD_TODAY=2 run run --framework fw --no-store
expect_status 2 "a malformed SCORECARD_TODAY"; expect_err "SCORECARD_TODAY=2: give a date as YYYY-MM-DD"

# A span the engine cannot read is an error of check, at its line.
sed 's/latest_within = "3 years"/latest_within = "three years"/' fw/framework.lua >fw/bad.lua
run check fw/bad.lua
expect_status 1 "check a bad span"
expect_err 'indicator BIENNIAL: latest_within must say a span such as "2 years"'
# A base period is found by its days only when its label means one thing whatever the
# publisher's conventions: a quarter must be written as the file writes it (under calendar
# quarters "2023 Q2" read by default conventions would be the file's Q3).
mkdir -p qbase
cat >qbase/framework.lua <<'EOF'
local r = require "rules"
return r.framework {
  id = "qbase", version = "1", title = "quarter base", country = "Scotland", scores = "hscp", period = "calendar_quarter",
  outcomes = { { id = "O", title = "o", indicators = { "Q", "M" } } },
  indicators = {
    { id = "Q", title = "q", unit = "count", polarity = "lower",
      rule = r.change { mode = "direction", base = "2023 Q2", relative = true } },
    { id = "M", title = "m", unit = "count", polarity = "lower",
      rule = r.change { mode = "direction", base = "April 2023", relative = true } },
  },
}
EOF
printf 'indicator,area,period,value\nQ,S37000012,Q2 2023,100\nQ,S37000012,Q3 2023,300\nQ,S37000012,Q4 2023,90\nM,S37000012,2023-04,100\nM,S37000012,2023-12,90\n' >qbase.csv
"$SCORECARD" init --db qbase.db >/dev/null
run import --db qbase.db --quarters calendar qbase.csv; expect_status 0
run run --db qbase.db --framework qbase --area S37000012 --period "December 2023" --no-store
expect_out "no value for the base period 2023 Q2"
expect_out "90 in 2023-12 against 100 in April 2023"
finish

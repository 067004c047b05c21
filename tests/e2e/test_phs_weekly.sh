# test_phs_weekly.sh - a weekly Public Health Scotland file, as published: WeekEndingDate
# (YYYYMMDD) is the last day of a week, read as the seven days ending then (the mapping's
# "days": "week_ending"); hospitals are a breakdown of the board. The file holds one real
# duplicate (two different figures for the same hospital and week), which is refused with both
# lines named: the importer cannot know which the publisher meant.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"
F="$REPO/tests/data/real/phs/weekly_ae_activity_20230625.csv"
M="$REPO/data/mappings/phs-ae-weekly.json"

run import --mapping "$M" "$F"; expect_status 1
expect_err "weekly_ae_activity_20230625.csv:337: ae-attendances, S08000031, 20150503, department=Emergency Department;location=G405H repeats line 334 with different content"
expect_err "5 problems; nothing was imported"

run import --mapping "$M" --rejects rejects.csv "$F"; expect_status 0
expect_out "78648 rows read, 78642 new"    # 13,107 rows x 6 measures, and the duplicate's
expect_out "1 repeated, 5 rejected"       # over-12-hours figure, the same (0) on both lines
expect_eq "$(tail -n +2 rejects.csv | cut -d, -f1 | sort -u | tr '\n' ' ')" "337 " "the rejected line"

# A week ending on a Sunday: Monday to Sunday, across a month's end too.
B='department=Emergency Department;location=A210H'
run data --indicator ae-attendances --area S08000015 --breakdown "$B" --format csv; expect_status 0
expect_out "ae-attendances,S08000015,S08000015,$B,20150222,2015-02-16,2015-02-22,814,"
expect_out "ae-attendances,S08000015,S08000015,$B,20150301,2015-02-23,2015-03-01,790,"
expect_out "ae-attendances,S08000015,S08000015,$B,20230625,2023-06-19,2023-06-25,671,"
expect_eq "$(tail -n +2 "$OUT" | wc -l | tr -d ' ')" 436 "weeks from 22 February 2015 to 25 June 2023"
python3 - "$OUT" <<'PY' || fail "the weeks are not seven days each, back to back"
import csv, datetime, sys
rows = list(csv.DictReader(open(sys.argv[1])))
d = lambda s: datetime.date.fromisoformat(s)
assert all((d(r["period_end"]) - d(r["period_start"])).days == 6 for r in rows)
assert all(d(b["period_start"]) - d(a["period_end"]) == datetime.timedelta(days=1) for a, b in zip(rows, rows[1:]))
assert all(d(r["period_end"]).weekday() == 6 for r in rows)  # Sundays
PY
CHECKS=$((CHECKS + 1))
run data --indicator ae-within-4h-percent --area S08000015 --breakdown "$B" --period 20150222 --format csv
expect_out ",76.7,"

# The same file without the convention is read as days, not weeks.
"$SCORECARD" init --db days.db >/dev/null
python3 - "$M" days.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); del m["days"]; json.dump(m, open(sys.argv[2], "w"))
PY
run import --db days.db --mapping days.json --rejects r2.csv "$F"; expect_status 0
run data --db days.db --indicator ae-attendances --area S08000015 --breakdown "$B" --period 20150222 --format csv
expect_out ",20150222,2015-02-22,2015-02-22,814,"
run import --db days.db --days fortnightly "$F"; expect_status 2; expect_err '"days" must be day, week_ending or week_starting'
finish

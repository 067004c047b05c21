# test_revisions.sh - an analyst's quarters: revised values supersede, history stays,
# re-imports change nothing, retired codes land on current areas, JSON works like CSV.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"

cat >q1.csv <<'CSV'
indicator,area,period,value,numerator,denominator,status,note
MSG-1,S37000012,2023/24 Q1,8900,,,provisional,first figure
MSG-1,S37000012,2023/24 Q2,8700,,,,
MSG-1,S37000014,2023/24 Q1,5100,,,,old Fife code
NI-15,S37000012,2022/23,,,,*,
NI-16,S37000031,2023/24,,*,1200,,
CSV
run import q1.csv; expect_status 0; expect_out "5 rows read, 5 new"
expect_eq "$(value_of MSG-1 S37000012 '2023/24 Q1' status)" provisional "provisional kept"
expect_eq "$(value_of MSG-1 S37000012 '2023/24 Q1' period_start)" 2023-04-01 "Q1 starts in April"
expect_eq "$(value_of MSG-1 S37000012 '2023/24 Q2' period_end)" 2023-09-30 "Q2 ends in September"
expect_eq "$(value_of NI-15 S37000012 2022/23 status)" suppressed "* is suppressed"
expect_eq "$(value_of NI-16 S37000031 2023/24 status)" suppressed "a suppressed numerator suppresses the row"
# The retired code lands on the current partnership, and the file's code is kept.
expect_eq "$(value_of MSG-1 S37000032 '2023/24 Q1' value)" 5100 "S37000014 lands on S37000032"
run data --indicator MSG-1 --area S37000014 --format json; expect_status 0
expect_out '"area":"S37000032"'

# Next quarter's file repeats Q1 with a final, different figure and Q2 unchanged.
cat >q2.csv <<'CSV'
indicator,area,period,value
MSG-1,S37000012,2023/24 Q1,8950
MSG-1,S37000012,2023/24 Q2,8700
MSG-1,S37000012,2023/24 Q3,9100
CSV
run import q2.csv; expect_status 0
expect_out "3 rows read, 1 new, 1 unchanged, 1 superseding earlier values"
expect_eq "$(value_of MSG-1 S37000012 '2023/24 Q1' value)" 8950 "the revision is current"
run data --indicator MSG-1 --area S37000012 --period "2023/24 Q1" --history --format csv
expect_eq "$(tail -n +2 "$OUT" | wc -l | tr -d ' ')" 2 "history keeps both values"
expect_out ",8900,,,,,,,provisional,,first figure,,1,2,2"
expect_out ",8950,,,,,,,revised,,,,2,2,"

# A changed figure without a status is marked revised.
printf 'indicator,area,period,value\nMSG-1,S37000012,2023/24 Q3,9150\n' >q3.csv
run import q3.csv; expect_status 0
expect_eq "$(value_of MSG-1 S37000012 '2023/24 Q3' status)" revised "a changed value is revised"

# The same file again, under another name too: nothing changes.
cp q2.csv q2-copy.csv
run import q2-copy.csv; expect_status 0; expect_out "already imported as batch 2; nothing changed"
run imports --format csv; expect_eq "$(tail -n +2 "$OUT" | wc -l | tr -d ' ')" 3 "three batches"

# JSON arrays carry the same fields; numbers, strings and null all work.
cat >obs.json <<'JSON'
[
  {"indicator": "NI-12", "area": "S37000012", "period": "2022/23", "value": 11234.5,
   "lower_ci": 11000, "upper_ci": 11400, "note": "Edinburgh"},
  {"indicator": "NI-12", "area": "S37000001", "period": "2022/23", "value": null},
  {"indicator": "NI-12", "area": "S37000002", "period": "2022/23", "value": "NA", "series_break": true}
]
JSON
run import obs.json; expect_status 0; expect_out "(json): 3 rows read, 3 new"
expect_eq "$(value_of NI-12 S37000012 2022/23 value)" 11234.5 "JSON number"
expect_eq "$(value_of NI-12 S37000001 2022/23 status)" missing "JSON null"
expect_eq "$(value_of NI-12 S37000002 2022/23 flags)" series_break "series break flag"

# Options map other headers and fix the indicator of a one-indicator file.
printf 'Area Code,Year,Rate\nS37000012,2021,55.5\n' >other.csv
run import --map area="Area Code" --map period=Year --map value=Rate --indicator NI-11 other.csv
expect_status 0
expect_eq "$(value_of NI-11 S37000012 2021 value)" 55.5 "mapped columns"
finish

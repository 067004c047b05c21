# test_phs_real.sh - Public Health Scotland's open-data CSVs, imported unedited with the
# shipped mappings: counts, values, qualifier codes as statuses, breakdowns with PHS's own
# words for the totals, calendar quarters, a DataStore export's BOM and _id column, and the
# special health board that has no GSS code. The files are in tests/data/real/phs (README).
. "$(dirname "$0")/lib.sh"
D="$REPO/tests/data/real/phs"
M="$REPO/data/mappings"
"$SCORECARD" init >/dev/null || fail "init"

# Delayed discharge bed days by health board, monthly (YYYYMM): two measures a row.
run import --mapping "$M/phs-delayed-discharge-beddays.json" "$D/delayed-discharge-beddays-health-board.csv"
expect_status 0; expect_out "37350 rows read, 37350 new"
# 201607,S08000015,,18plus,d,All Delay Reasons,d,2574,83: the totals are all persons
expect_eq "$(value_of delayed-discharge-bed-days S08000015 201607 value)" 2574 "bed days, NHS Ayrshire and Arran, July 2016"
expect_eq "$(value_of delayed-discharge-average-daily-beds S08000015 201607 value)" 83 "average daily beds"
expect_eq "$(value_of delayed-discharge-bed-days S08000015 201607 period_end)" 2016-07-31 "a month"
run data --indicator delayed-discharge-bed-days --area S08000015 --period 201607 --format csv
expect_out ',reason=Health and Social Care Reasons,201607,2016-07-01,2016-07-31,1976,'
expect_out ',age=18-74;reason=Code 9 AWI,201607,'
expect_eq "$("$SCORECARD" data --indicator delayed-discharge-bed-days --area S92000003 --breakdown '' --format csv | tail -n +2 | wc -l | tr -d ' ')" 83 "Scotland's months"

# The Care Home Census (31 March each year, YYYYMMDD); ValueQF c is suppressed, : missing.
run import --mapping "$M/phs-care-home-census.json" "$D/file6_percentage_occupancy.csv" "$D/file12a_number_of_registered_places.csv"
expect_status 0; expect_out "5712 rows read, 5712 new"
expect_eq "$(value_of 'Percentage Occupancy' S12000005 20100331 value)" 91 "Clackmannanshire occupancy, 2010"
expect_eq "$(value_of 'Percentage Occupancy' S12000005 20100331 period_start)" 2010-03-31 "a census day"
expect_eq "$(value_of 'Percentage Occupancy' S12000005 20200331 status)" missing "ValueQF :"
run data --indicator 'Percentage Occupancy' --area S12000018 --period 20100331 --breakdown 'sector=Local Authority/Health Board Sectors' --format csv
expect_out ',suppressed,'
expect_eq "$(value_of 'Number of Registered Places' S12000005 20100331 value)" 310 "registered places"
run data --indicator 'Percentage Occupancy' --format csv
expect_eq "$(grep -c ',suppressed,' "$OUT")" "$(grep -c ',c$' "$D/file6_percentage_occupancy.csv")" "every c is suppressed"
expect_eq "$(grep -c ',missing,' "$OUT")" "$(grep -c ',:$' "$D/file6_percentage_occupancy.csv")" "every : is missing"

# Hospital beds, a DataStore export: BOM, _id, calendar quarters, board totals only.
run import --mapping "$M/phs-hospital-beds.json" "$D/beds_datastore_f272bb7d-5320-4491-84c1-614a2c064007.csv"
expect_status 0
expect_out "15000 rows read, 210 new"
expect_out 'skipped 105 rows for 1 area code shaped "AA9999" not in the geography (SB0801)'
expect_eq "$(value_of percentage-occupancy S08000015 2016Q4 value)" 86.79006823297195 "occupancy, 2016 Q4"
expect_eq "$(value_of percentage-occupancy S08000015 2016Q4 period_start)" 2016-10-01 "a calendar quarter"
expect_eq "$(value_of occupied-bed-days S08000015 2021Q4 status)" provisional "QuarterQF p"

# Every row the mappings read landed: nothing was rejected.
run imports --format csv
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f10 | sort -u | tr '\n' ' ')" "0 " "rows rejected"

finish

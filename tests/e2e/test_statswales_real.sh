# test_statswales_real.sh - StatsWales OData feeds as the API returns them, with the shipped
# mappings: local authorities and health boards by GSS code, mid-year estimates, financial
# years written 2002-03, a page of a paged feed said to be one. The files are in
# tests/data/real/statswales (README).
. "$(dirname "$0")/lib.sh"
D="$REPO/tests/data/real/statswales"
M="$REPO/data/mappings"
"$SCORECARD" init >/dev/null || fail "init"

run import --mapping "$M/statswales-popu1009.json" "$D/mporcheron_bethyw__datasets_popu1009.json"
expect_status 0; expect_out "(json): 1000 rows read, 1000 new"
expect_out 'the file is one page of an OData feed (it holds odata.nextLink)'
expect_eq "$(value_of Pop W06000001 'Mid-year 1996' value)" 68592 "Isle of Anglesey, mid-1996"
expect_eq "$(value_of Pop W06000001 'Mid-year 1996' period_start)" 1996-06-30 "a mid-year estimate"
expect_eq "$(value_of Dens W06000001 'Mid-year 1997' value)" 95.701706 "density"

run import --mapping "$M/statswales-envi0201.json" "$D/mporcheron_bethyw__datasets_envi0201.json"
expect_status 0; expect_out "1000 rows read, 1000 new"
# a health board and a council in one column; Data a string with 16 decimals, kept as published
expect_eq "$(value_of PM10 W11000028 2007 value)" 16.8290927841982466 "Aneurin Bevan, PM10, 2007"
run data --indicator NO2 --format csv
expect_out ',W06000001,'; expect_out ',W11000028,'; expect_out ',W92000004,'

run import --mapping "$M/statswales-tran0152.json" "$D/mporcheron_bethyw__datasets_tran0152.json"
expect_status 0
expect_out "442 rows read, 391 new"
expect_out 'read "2002-03" and 16 other labels like it as financial years ("2002-03": 2002-04-01 to 2003-03-31)'
expect_out 'skipped 34 rows for 2 area codes of type "W19" not in the geography'
expect_eq "$(value_of rail-passenger-journeys W06000001 2002-03 value)" 64405.5 "Anglesey rail journeys, 2002-03"
expect_eq "$(value_of rail-passenger-journeys W06000001 2002-03 period_end)" 2003-03-31 "a financial year"

run imports --format csv
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f10 | sort -u | tr '\n' ' ')" "0 " "rows rejected"
finish
